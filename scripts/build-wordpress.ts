/**
 * `tsx scripts/build-wordpress.ts` (the last step of `npm run build`, after build-cdn.ts): the
 * WordPress plugin, from src/wordpress/.
 *
 * - dist/wordpress/newsroom-widgets/: the PHP, block.json and readme.txt as written (their version,
 *   in the plugin header, its constant and readme.txt's Stable tag, must be package.json's: written
 *   by scripts/sync-version.ts, checked here), readme.txt's Changelog written from CHANGELOG.md
 *   (wordpress-changelog.ts), LICENSE; build/editor.js (the block editor UI,
 *   src/wordpress/editor/editor.ts) with the editor.asset.php WordPress's register_block_script_handle() requires beside it;
 *   build/json-ld.js; and assets/newsroom-widgets.classic.js, the library's classic-script
 *   build copied from dist/cdn (the plugin needs no CDN).
 * - dist/wordpress/newsroom-widgets.zip: that folder as Plugins → Add New → Upload takes it.
 *   Written here with zlib (deflate) and a few lines of zip framing, deterministic (fixed
 *   timestamps, sorted entries): no zip package and no `zip` command needed.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { withFolders, zipArchive, type ZipEntry } from '../src/publish/zip.js';
import { bundleScript, CDN_DIR, CDN_FILES } from './build-cdn.js';
import { isReleaseVersion, packageVersion, VERSION_PLACES, versionMismatches } from './sync-version.js';
import { changelogSection, withChangelog } from './wordpress-changelog.js';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'src/wordpress');
export const WORDPRESS_DIR = join(ROOT, 'dist/wordpress');
export const PLUGIN_SLUG = 'newsroom-widgets';
export const PLUGIN_DIR = join(WORDPRESS_DIR, PLUGIN_SLUG);
export const PLUGIN_ZIP = join(WORDPRESS_DIR, `${PLUGIN_SLUG}.zip`);

/** The wp.* script handles build/editor.js uses, plus the library itself (for the live preview). */
const EDITOR_DEPENDENCIES = [
  'wp-blocks',
  'wp-block-editor',
  'wp-components',
  'wp-element',
  'wp-i18n',
  'newsroom-widgets',
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** A zip of `dir` (entries under `prefix/`), deflated, with fixed timestamps. */
export function zipFolder(dir: string, prefix: string): Buffer {
  const entries = files(dir).map((path): ZipEntry => {
    const data = readFileSync(path);
    return { name: `${prefix}/${relative(dir, path)}`, data, deflated: deflateRawSync(data, { level: 9 }) };
  });
  return Buffer.from(zipArchive(withFolders([{ name: `${prefix}/` }, ...entries])));
}

export async function buildWordPress(): Promise<void> {
  const version = packageVersion(ROOT);
  if (!isReleaseVersion(version)) throw new Error(`build-wordpress: odd version ${version}`);
  const classic = join(ROOT, CDN_DIR, CDN_FILES.classic);
  if (!existsSync(classic))
    throw new Error(`build-wordpress: ${CDN_DIR}/${CDN_FILES.classic} is missing (build-cdn.ts runs first)`);
  rmSync(WORDPRESS_DIR, { recursive: true, force: true });
  mkdirSync(join(PLUGIN_DIR, 'build'), { recursive: true });
  mkdirSync(join(PLUGIN_DIR, 'assets'), { recursive: true });

  cpSync(join(SOURCE, 'includes'), join(PLUGIN_DIR, 'includes'), { recursive: true });
  cpSync(join(SOURCE, 'block.json'), join(PLUGIN_DIR, 'block.json'));
  // The version is written into the PHP and readme.txt by `npm run version-packages`
  // (scripts/sync-version.ts); a plugin built from sources that disagree is not built.
  const places = VERSION_PLACES.filter((place) => place.file.startsWith('src/wordpress/'));
  const mismatches = versionMismatches(version, { root: ROOT, places, changelog: false });
  if (mismatches.length > 0)
    throw new Error(`build-wordpress: ${mismatches.join('; ')}: run \`tsx scripts/sync-version.ts\``);
  cpSync(join(SOURCE, `${PLUGIN_SLUG}.php`), join(PLUGIN_DIR, `${PLUGIN_SLUG}.php`));
  const readme = readFileSync(join(SOURCE, 'readme.txt'), 'utf8');
  const changelog = changelogSection(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'));
  writeFileSync(join(PLUGIN_DIR, 'readme.txt'), withChangelog(readme, changelog));
  cpSync(join(ROOT, 'LICENSE'), join(PLUGIN_DIR, 'LICENSE'));

  cpSync(classic, join(PLUGIN_DIR, 'assets', CDN_FILES.classic));
  // The languages loaded on demand, beside the script that loads them.
  cpSync(join(ROOT, CDN_DIR, 'locales'), join(PLUGIN_DIR, 'assets', 'locales'), { recursive: true });
  await bundleScript(join(SOURCE, 'editor/editor.ts'), join(PLUGIN_DIR, 'build'), 'iife', 'editor.js');
  await bundleScript(join(SOURCE, 'editor/json-ld.ts'), join(PLUGIN_DIR, 'build'), 'iife', 'json-ld.js');
  const dependencies = EDITOR_DEPENDENCIES.map((d) => `'${d}'`).join(', ');
  writeFileSync(
    join(PLUGIN_DIR, 'build/editor.asset.php'),
    `<?php return array( 'dependencies' => array( ${dependencies} ), 'version' => '${version}' );\n`,
  );
  for (const file of files(PLUGIN_DIR)) chmodSync(file, 0o644);

  const zip = zipFolder(PLUGIN_DIR, PLUGIN_SLUG);
  writeFileSync(PLUGIN_ZIP, zip);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const size = (p: string) => kb(statSync(join(PLUGIN_DIR, p)).size);
  console.log(
    `wordpress: dist/wordpress/${PLUGIN_SLUG}.zip ${kb(zip.length)} (${version}; editor.js ${size('build/editor.js')}, json-ld.js ${size('build/json-ld.js')})`,
  );
}

// Run when executed, not when a test imports its paths.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await buildWordPress();
