/**
 * `tsx scripts/check-package.ts [dir]` (after `npm run build`): runs publint on the package as
 * `npm pack` would publish it and fails on any message, suggestions included.
 * The types half is `attw --pack . --profile esm-only` (see package.json `check:package`).
 * Also fails when the tarball lacks a file every release must carry (publint does not look).
 */
import { resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkgDir = resolve(process.argv[2] ?? resolve(import.meta.dirname, '..'));
const pkg = JSON.parse(readFileSync(resolve(pkgDir, 'package.json'), 'utf8'));
const { messages } = await publint({ pkgDir, level: 'suggestion', strict: true, pack: 'npm' });

if (messages.length === 0) {
  console.log(`publint: ${pkg.name} has no errors, warnings or suggestions.`);
} else {
  for (const m of messages) console.error(`publint ${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
  console.error(`\npublint: ${messages.length} message(s).`);
  process.exitCode = 1;
}

/** What a user of the package reads in node_modules: the licence, the README, the release notes. */
const REQUIRED = ['package.json', 'LICENSE', 'README.md', 'CHANGELOG.md', 'custom-elements.json', 'dist/define.js'];
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkgDir, encoding: 'utf8' }),
) as { files: { path: string }[]; size: number; unpackedSize: number }[];
const missing = REQUIRED.filter((path) => !packed!.files.some((file) => file.path === path));
if (missing.length > 0) {
  console.error(`package: the tarball lacks ${missing.join(', ')} (package.json "files")`);
  process.exitCode = 1;
} else {
  console.log(
    `package: ${packed!.files.length} files, ${packed!.size.toLocaleString('en')} B packed, ${packed!.unpackedSize.toLocaleString('en')} B unpacked; it carries ${REQUIRED.join(', ')}.`,
  );
}
