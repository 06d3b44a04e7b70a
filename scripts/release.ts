/**
 * `npm run release` cuts a release from a versioned tree; `npm run release -- --dry-run` does every
 * step but the last (nothing is published, no tag is made). The steps, in order:
 *
 * 1. The tree is a release: no changeset waiting (run `npm run version-packages` first), one
 *    version everywhere (package.json, the lockfile, src/version.ts, the WordPress plugin's
 *    header, constant and Stable tag, the CHANGELOG's newest entry), and, for a real release, no
 *    uncommitted change.
 * 2. `npm run build`, then `npm run release:check` (publint, arethetypeswrong, the README against
 *    custom-elements.json, the tarball's must-have files) and the README's script-tag snippet against this
 *    build's version and hashes.
 * 3. The release's files, built from this commit, in `release/<version>/`: the npm tarball and its
 *    file list, the WordPress plugin zip, the sample analysis published as an embed site (folder
 *    and zip; `--base-url URL` sets where it would live), and SHA256SUMS.
 * 4. `changeset publish`: publishes to npm and tags the commit `v<version>` (skipped by `--dry-run`).
 *
 * Any failing step stops the release with one line saying what to do.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { zipFolder } from './build-wordpress.js';
import { packageVersion, versionMismatches } from './sync-version.js';

const { values: options } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    'base-url': { type: 'string', default: 'https://example.org/newsroom-widgets/' },
  },
});
const dryRun = options['dry-run'];
const version = packageVersion();
const OUT = join('release', version);

class Stop extends Error {}

const run = (command: string, args: string[]) => {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit' });
};

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function checkTreeIsARelease(): void {
  const waiting = readdirSync('.changeset').filter((name) => name.endsWith('.md') && name !== 'README.md');
  if (waiting.length > 0)
    throw new Stop(`${waiting.length} changeset(s) not yet versioned: run \`npm run version-packages\` first`);
  const mismatches = versionMismatches(version);
  if (mismatches.length > 0) throw new Stop(`${mismatches.join('; ')}: run \`npm run version-packages\``);
  const changes = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim();
  if (changes && !dryRun) throw new Stop('uncommitted changes: a release is cut from a commit (git status)');
  if (changes) console.log('release: uncommitted changes (allowed in a dry run; a release needs a clean tree)');
}

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

function packTarball(): PackResult {
  console.log(`\n$ npm pack --ignore-scripts --json --pack-destination ${OUT}`);
  // --ignore-scripts: prepack would build a second time; the build above is what was checked.
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', OUT], { encoding: 'utf8' }),
  ) as PackResult[];
  const list = pack!.files.map((file) => `${String(file.size).padStart(9)}  ${file.path}`).join('\n');
  writeFileSync(join(OUT, 'package-files.txt'), `${list}\n`);
  return pack!;
}

function publishSample(): string {
  const site = join(OUT, 'embed-site');
  const data = 'data/mexico-us-deployment.json';
  run('node', ['bin/newsroom-widgets.js', 'publish', data, '--out', site, '--base-url', options['base-url']!]);
  const zip = join(OUT, `newsroom-widgets-${version}-sample-embed-site.zip`);
  writeFileSync(zip, zipFolder(site, 'embed-site'));
  return zip;
}

function main(): void {
  console.log(`release: newsroom-widgets ${version}${dryRun ? ' (dry run: stops before publishing)' : ''}`);
  checkTreeIsARelease();
  run('npm', ['run', 'build']);
  run('npm', ['run', 'release:check']);
  run('npx', ['tsx', 'scripts/readme-sri.ts', '--check']);

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const pack = packTarball();
  const plugin = join(OUT, `newsroom-widgets-${version}-wordpress-plugin.zip`);
  cpSync('dist/wordpress/newsroom-widgets.zip', plugin);
  const site = publishSample();
  const artifacts = [join(OUT, pack.filename), plugin, site];
  const sums = artifacts.map((path) => `${sha256(path)}  ${path.slice(OUT.length + 1)}`).join('\n');
  writeFileSync(join(OUT, 'SHA256SUMS'), `${sums}\n`);

  const size = (bytes: number) => `${bytes.toLocaleString('en')} B (${(bytes / 1024).toFixed(1)} KB)`;
  console.log(`\nrelease: ${OUT}/`);
  console.log(
    `  ${pack.filename}: ${pack.files.length} files, ${size(pack.size)} packed, ${size(pack.unpackedSize)} unpacked (list in package-files.txt)`,
  );
  console.log(`  ${plugin.slice(OUT.length + 1)}: ${size(readFileSync(plugin).length)}`);
  console.log(`  ${site.slice(OUT.length + 1)}: ${size(readFileSync(site).length)} (base URL ${options['base-url']})`);
  console.log(`  SHA256SUMS\n${sums.replace(/^/gm, '    ')}`);

  if (dryRun) {
    console.log(
      `\nrelease: dry run done; \`npm run release\` would now run \`changeset publish\` (npm, tag v${version})`,
    );
    return;
  }
  run('npx', ['changeset', 'publish']);
}

try {
  main();
} catch (error) {
  if (error instanceof Stop) {
    console.error(`release: ${error.message}`);
    process.exitCode = 1;
  } else if (error instanceof Error && 'status' in error) {
    // A step's own output already says what failed.
    console.error(`release: stopped, a step failed (exit ${String(error.status)})`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
