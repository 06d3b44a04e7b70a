/**
 * `tsx scripts/check-package.ts [dir]` (after `npm run build`): runs publint on the package as
 * `npm pack` would publish it and fails on any message, suggestions included.
 * The types half is `attw --pack . --profile esm-only` (see package.json `check:package`).
 */
import { resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
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
