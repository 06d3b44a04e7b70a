/**
 * `npm run size`: what a reader downloads. Bundles each element entry alone, and all of
 * them together, with everything they import (Lit, the schema, zod/mini), minified, and
 * prints min, gzip -9 and brotli sizes beside two limits:
 *
 * - target: issue 6's budgets (15 KB gzip per element, 20 KB for everything). Not met yet:
 *   Lit and zod/mini alone take 12.6 KB of the 15 (see the README's "Numbers").
 * - ceiling: the sizes recorded in bench/size-ceilings.json. `--check` (part of `npm test`)
 *   fails when a bundle grows past its ceiling, so bytes are only ever added on purpose;
 *   `--update` writes today's sizes as the new ceilings, to commit with the change.
 *   `--check --strict` fails on the targets too.
 *
 * Sizes are deterministic (same input, same bytes), so both may gate CI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { localeScripts } from '../scripts/build-cdn.js';
import { bundleEntry, compressedSize, ENTRY_BUNDLES } from './bundle-sizes.js';

/** gzip targets in bytes; issue 6 sets 15 KB per element and 20 KB for everything. */
const TARGETS: Record<string, number> = {
  'nw-summary': 15_000,
  'nw-stance-card': 15_000,
  'nw-stances': 15_000,
  'nw-source-list': 15_000,
  'nw-cite': 15_000,
  'nw-analysis': 15_000,
  'nw-timeline': 15_000,
  'all elements (define)': 20_000,
};

const CEILINGS_FILE = new URL('./size-ceilings.json', import.meta.url);
const ceilings = JSON.parse(readFileSync(CEILINGS_FILE, 'utf8')) as Record<string, number>;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const rows: { name: string; min: number; gzip: number; brotli: number; target?: number; ceiling?: number }[] = [];
for (const [name, entry] of Object.entries(ENTRY_BUNDLES)) {
  rows.push({ name, ...compressedSize(await bundleEntry(entry)), target: TARGETS[name], ceiling: ceilings[name] });
}
// The languages loaded on demand: a page speaking one loads its file once, beside the bundle.
const locales = Object.entries(await localeScripts()).map(([tag, code]) => ({ tag, ...compressedSize(code) }));
const largest = locales.reduce((a, b) => (b.gzip > a.gzip ? b : a));
const LARGEST_LOCALE = 'largest locale file';
rows.push({ ...largest, name: LARGEST_LOCALE, ceiling: ceilings[LARGEST_LOCALE] });
console.log(`size: locale files (gzip -9): ${locales.map((file) => `${file.tag} ${file.gzip} B`).join(', ')}`);

const verdict = (gzip: number, limit: number | undefined) =>
  limit === undefined ? '' : `${kb(limit)} ${gzip <= limit ? 'ok' : 'OVER'}`;
console.log(
  '| bundle | min | gzip -9 | brotli | target (gzip) | ceiling (gzip) |\n| --- | --- | --- | --- | --- | --- |',
);
for (const row of rows) {
  console.log(
    `| ${row.name} | ${kb(row.min)} | ${kb(row.gzip)} | ${kb(row.brotli)} | ${verdict(row.gzip, row.target)} | ${verdict(row.gzip, row.ceiling)} |`,
  );
}

if (process.argv.includes('--update')) {
  writeFileSync(
    CEILINGS_FILE,
    `${JSON.stringify(Object.fromEntries(rows.map((row) => [row.name, row.gzip])), null, 2)}\n`,
  );
  console.log('size: ceilings updated in bench/size-ceilings.json');
}
if (process.argv.includes('--check')) {
  const grown = rows.filter((row) => row.ceiling === undefined || row.gzip > row.ceiling);
  const overTarget = process.argv.includes('--strict')
    ? rows.filter((row) => row.target !== undefined && row.gzip > row.target)
    : [];
  for (const row of grown) {
    console.error(
      row.ceiling === undefined
        ? `size: ${row.name} has no ceiling; run \`npm run size -- --update\` and commit bench/size-ceilings.json`
        : `size: ${row.name} grew to ${row.gzip} B gzip, past its ceiling of ${row.ceiling} B; make it smaller, or run \`npm run size -- --update\` and say why in the commit`,
    );
  }
  for (const row of overTarget)
    console.error(`size: ${row.name} is ${row.gzip} B gzip, over its target of ${row.target} B`);
  if (grown.length > 0 || overTarget.length > 0) process.exitCode = 1;
}
