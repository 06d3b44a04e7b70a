/**
 * `npm run size`: what a reader downloads. Bundles each element entry alone, and all of
 * them together, with everything they import (Lit, the schema, zod/mini), minified, and
 * prints min, gzip -9 and brotli sizes. `--check` fails when a budget is broken; budgets
 * are deterministic (same input, same bytes), so they may gate CI.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { LIBRARY_ENTRIES } from '../vite.config.js';

// Every element entry, from the library's own list, plus the bundles a page may load.
const ENTRIES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(LIBRARY_ENTRIES).filter(([name]) => name.startsWith('nw-'))),
  'all elements (define)': LIBRARY_ENTRIES.define!,
  'schema + validator': LIBRARY_ENTRIES.schema!,
};

/** gzip budgets in bytes; issue 6 sets 15 KB per element and 20 KB for everything. */
const BUDGETS: Record<string, number> = {
  'nw-summary': 15_000, 'nw-stance-card': 15_000, 'nw-stances': 15_000, 'nw-source-list': 15_000,
  'nw-cite': 15_000, 'nw-analysis': 15_000, 'nw-timeline': 15_000, 'all elements (define)': 20_000,
};

async function bundle(entry: string): Promise<string> {
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false, minify: true, target: 'es2022', lib: { entry, formats: ['es'], fileName: 'bundle' },
      // As the CDN build: library mode otherwise keeps whitespace and /*#__PURE__*/ comments.
      rolldownOptions: { output: { minify: true, comments: false } },
    },
  })) as Rolldown.RolldownOutput[];
  return result[0]!.output.filter((chunk) => chunk.type === 'chunk').map((chunk) => chunk.code).join('\n');
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const rows: { name: string; min: number; gzip: number; brotli: number; budget?: number }[] = [];
for (const [name, entry] of Object.entries(ENTRIES)) {
  const code = Buffer.from(await bundle(entry));
  rows.push({
    name,
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    budget: BUDGETS[name],
  });
}

console.log('| bundle | min | gzip -9 | brotli | budget (gzip) |\n| --- | --- | --- | --- | --- |');
for (const row of rows) {
  const verdict = row.budget === undefined ? '' : `${kb(row.budget)} ${row.gzip <= row.budget ? 'ok' : 'OVER'}`;
  console.log(`| ${row.name} | ${kb(row.min)} | ${kb(row.gzip)} | ${kb(row.brotli)} | ${verdict} |`);
}
const over = rows.filter((row) => row.budget !== undefined && row.gzip > row.budget);
if (process.argv.includes('--check') && over.length > 0) {
  console.error(`size budget broken: ${over.map((row) => row.name).join(', ')}`);
  process.exitCode = 1;
}
