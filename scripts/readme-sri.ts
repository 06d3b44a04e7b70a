/**
 * Keeps the README's script-tag snippet pinned to a real release: the version and the
 * subresource-integrity hash of each script-tag file, read from dist/cdn/integrity.json.
 *
 * - `--write` (`npm run readme:pin`; also run by `npm run version-packages`, after the build)
 *   rewrites the snippet.
 * - `--check` (in `npm test`'s test:package, after the build, and in `npm run release`) fails
 *   when the snippet's version or hashes are not those of the files just built, or when the
 *   README has no snippet left to pin: a snippet copied from the README of any commit loads
 *   that commit's files.
 *
 * Every change to what the script-tag files bundle (src/) changes their hashes: whoever
 * commits such a change runs `npm run build && npm run readme:pin` and commits the README with
 * it. The build is deterministic (same sources and lockfile, same bytes on any machine), so a
 * clean clone builds the hashes the README pins.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SNIPPET_LINE = /(src="[^"]*newsroom-widgets@)([^/"]+)(\/dist\/cdn\/([\w.-]+\.js)"\n\s*integrity=")([^"]*)(")/g;

/** The README with every script-tag snippet pinned to `version` and the given hashes. */
export function pinSnippet(readme: string, version: string, integrity: Record<string, string>): string {
  return readme.replace(
    SNIPPET_LINE,
    (_match, before: string, _old: string, path: string, file: string, _hash: string, after: string) => {
      const hash = integrity[file];
      if (!hash) throw new Error(`no integrity hash for ${file} in dist/cdn/integrity.json`);
      return `${before}${version}${path}${hash}${after}`;
    },
  );
}

/** How many snippet lines the README has (so a reworded README cannot silently skip the check). */
export const snippetCount = (readme: string) => [...readme.matchAll(SNIPPET_LINE)].length;

function main(): void {
  const mode = process.argv[2];
  const readme = readFileSync('README.md', 'utf8');
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const integrity = JSON.parse(readFileSync('dist/cdn/integrity.json', 'utf8')) as Record<string, string>;
  if (snippetCount(readme) === 0) throw new Error('README.md has no script-tag snippet to pin');
  const pinned = pinSnippet(readme, version, integrity);
  if (mode === '--write') {
    writeFileSync('README.md', pinned);
    console.log(`README.md: script-tag snippet pinned to ${version}`);
  } else if (mode === '--check') {
    if (pinned !== readme)
      throw new Error(
        `README.md's snippet version or hashes are not this build's: run \`tsx scripts/readme-sri.ts --write\``,
      );
    console.log(`README.md: script-tag snippet matches ${version}`);
  } else {
    throw new Error('usage: tsx scripts/readme-sri.ts --write | --check');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (cause) {
    console.error(`readme-sri: ${cause instanceof Error ? cause.message : String(cause)}`);
    process.exitCode = 1;
  }
}
