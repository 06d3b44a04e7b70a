/**
 * Keeps the README's script-tag snippet pinned to a real release: the version and the
 * subresource-integrity hash of each script-tag file, read from dist/cdn/integrity.json.
 *
 * - `--write` (run by `npm run version-packages`, after the build) rewrites the snippet.
 * - `--check` (run by `npm run release`) fails when the snippet's version or hashes are not
 *   those of the files about to be published, so a copied snippet always loads.
 *
 * During development the hashes go stale with every change to src/: that is expected, and
 * why `npm test` does not run the check.
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
        `README.md's script-tag snippet is not pinned to ${version} and this build's hashes: run \`tsx scripts/readme-sri.ts --write\``,
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
