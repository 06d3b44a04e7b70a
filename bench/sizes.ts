/**
 * Size: the bytes a reader downloads, ours beside what newsrooms use today. All figures are
 * computed from the files (gzip -9 and brotli 11, as bench/bundle-sizes.ts does for
 * `npm run size`), not measured over a network, so they are exact and the same on every
 * machine; a page's total is the sum of its files, each compressed on its own as a server
 * sends them.
 *
 * - the script-tag bundle, dist/cdn/newsroom-widgets.js (every element; from the build, as
 *   copied at the bench's start, see snapshot.ts);
 * - each element entry bundled alone with its dependencies (what a bundler ships for one);
 * - the iframe embed: embed.html, embed/embed.js, the host page's embed/resizer.js and the
 *   analysis JSON it loads (the sample);
 * - TimelineJS 3.9.11: dist/js/timeline.js and dist/css/timeline.css from its npm package
 *   (not its icon font, which a page downloads too, so TimelineJS's real total is higher);
 * - pym.js 1.3.2, dist/pym.v1.min.js, the host-page script our resizer.js stands in for.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bundleEntry, compressedSize, ENTRY_BUNDLES, totalSize, type CompressedSize } from './bundle-sizes.js';
import { SNAPSHOT_DIR } from './snapshot.js';

export interface SizeRow extends CompressedSize {
  name: string;
  /** the files summed, for the table's reader */
  files: string[];
}

export interface Sizes {
  scriptTag: SizeRow;
  elements: SizeRow[];
  embed: SizeRow;
  resizer: SizeRow;
  timelinejs: SizeRow & { version: string };
  pym: SizeRow & { version: string };
}

const TIMELINEJS = 'node_modules/@knight-lab/timelinejs';
const PYM = 'node_modules/pym.js';
const SAMPLE_JSON = 'data/mexico-us-deployment.json';

const require = createRequire(import.meta.url);
const versionOf = (folder: string) => (require(`../${folder}/package.json`) as { version: string }).version;

function filesRow(name: string, files: string[]): SizeRow {
  return { name, files, ...totalSize(files.map((file) => compressedSize(readFileSync(file)))) };
}

export async function measureSizes(log: (line: string) => void): Promise<Sizes> {
  const elements: SizeRow[] = [];
  for (const [name, entry] of Object.entries(ENTRY_BUNDLES)) {
    if (!name.startsWith('nw-')) continue;
    elements.push({ name, files: [entry], ...compressedSize(await bundleEntry(entry)) });
  }
  log(`size: ${elements.length} element entries bundled`);
  return {
    scriptTag: filesRow('script-tag bundle (every element)', [`${SNAPSHOT_DIR}/cdn/newsroom-widgets.js`]),
    elements,
    embed: filesRow(
      'iframe embed, total',
      ['embed.html', 'embed/embed.js', 'embed/resizer.js'].map((file) => `${SNAPSHOT_DIR}/${file}`).concat(SAMPLE_JSON),
    ),
    resizer: filesRow('embed/resizer.js', [`${SNAPSHOT_DIR}/embed/resizer.js`]),
    timelinejs: {
      ...filesRow('TimelineJS', [`${TIMELINEJS}/dist/js/timeline.js`, `${TIMELINEJS}/dist/css/timeline.css`]),
      version: versionOf(TIMELINEJS),
    },
    pym: { ...filesRow('pym.js', [`${PYM}/dist/pym.v1.min.js`]), version: versionOf(PYM) },
  };
}
