/**
 * Every place besides package.json that spells the package's version, and the one function that
 * writes it there. `npm run version-packages` runs this after `changeset version` has bumped
 * package.json (`tsx scripts/sync-version.ts`); test/node/version.test.ts reads the same table and
 * fails `npm test` when any place disagrees, so a hand-edited bump cannot be released half done.
 * The README's script-tag snippet is pinned by readme-sri.ts instead: it needs the built files'
 * hashes, not only the version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface VersionPlace {
  file: string;
  /** What the place is, for messages. */
  what: string;
  /** Exactly one match in the file: group 1 what precedes the version, group 2 the version, group 3 what follows. */
  pattern: RegExp;
}

export const VERSION_PLACES: readonly VersionPlace[] = [
  {
    file: 'src/version.ts',
    what: 'the VERSION the elements compare with other copies on a page',
    pattern: /^(export const VERSION = ')([^']*)(';)$/m,
  },
  {
    file: 'src/wordpress/newsroom-widgets.php',
    what: "the plugin header's Version",
    pattern: /^( \* Version:\s+)(\S+)()$/m,
  },
  {
    file: 'src/wordpress/newsroom-widgets.php',
    what: 'NEWSROOM_WIDGETS_VERSION (the script handle version)',
    pattern: /^(define\( 'NEWSROOM_WIDGETS_VERSION', ')([^']*)(' \);)$/m,
  },
  { file: 'src/wordpress/readme.txt', what: "readme.txt's Stable tag", pattern: /^(Stable tag:\s+)(\S+)()$/m },
  // `changeset version` leaves the lockfile at the old version (npm ci accepts that, but the
  // tagged tree would then name two versions).
  { file: 'package-lock.json', what: "the lockfile's version", pattern: /^( {2}"version": ")([^"]+)(",)$/m },
  {
    file: 'package-lock.json',
    what: "the lockfile's root package version",
    pattern: /^( {4}"": \{\n {6}"name": "newsroom-widgets",\n {6}"version": ")([^"]+)(",)$/m,
  },
];

const everywhere = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);

/** The version written at `place` in `text`; throws unless the place occurs exactly once. */
export function versionAt(text: string, place: VersionPlace): string {
  const matches = [...text.matchAll(everywhere(place.pattern))];
  if (matches.length !== 1) throw new Error(`${place.file}: expected one ${place.what}, found ${matches.length}`);
  return matches[0]![2]!;
}

/** `text` with `version` written at `place`. */
export function writeVersion(text: string, place: VersionPlace, version: string): string {
  versionAt(text, place);
  return text.replace(place.pattern, (_all, before: string, _old: string, after: string) => before + version + after);
}

/** The newest version CHANGELOG.md has an entry for (`## x.y.z`, as `changeset version` writes it). */
export const newestChangelogVersion = (changelog: string): string | undefined => /^## (\S+)$/m.exec(changelog)?.[1];

/** Each place (`places`, and the CHANGELOG unless left out) that does not say `version`, as one line. */
export function versionMismatches(
  version: string,
  { root = '.', places = VERSION_PLACES, changelog = true } = {},
): string[] {
  const problems = places.flatMap((place) => {
    const written = versionAt(readFileSync(resolve(root, place.file), 'utf8'), place);
    return written === version ? [] : [`${place.file} says ${written} (${place.what}), package.json ${version}`];
  });
  const newest = changelog ? newestChangelogVersion(readFileSync(resolve(root, 'CHANGELOG.md'), 'utf8')) : version;
  if (newest !== version) problems.push(`CHANGELOG.md's newest entry is ${newest ?? 'missing'}, not ${version}`);
  return problems;
}

/** x.y.z, with an optional pre-release part (1.0.0-rc.1): what npm and WordPress's Stable tag take. */
export const isReleaseVersion = (version: string): boolean => /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version);

export const packageVersion = (root = '.'): string =>
  (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;

function main(): void {
  const version = packageVersion();
  if (!isReleaseVersion(version)) throw new Error(`sync-version: odd version ${version}`);
  for (const place of VERSION_PLACES) {
    writeFileSync(place.file, writeVersion(readFileSync(place.file, 'utf8'), place, version));
    console.log(`${place.file}: ${place.what} = ${version}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
