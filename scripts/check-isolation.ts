/**
 * `tsx scripts/check-isolation.ts [--dist]`: proves that importing one element registers that
 * element and no other (issue 6).
 *
 * Each element entry of LIBRARY_ENTRIES (the names starting with "nw-") is bundled ALONE, the
 * way a site's bundler would (Lit and zod bundled in, nothing minified so names survive), and
 * the output is searched for element registrations (`defineElement("nw-…"` or
 * `customElements.define("nw-…"`) and element classes (`class NwFoo`).
 *
 * - source mode (default): bundles src/<entry>.ts.
 * - `--dist`: bundles the built dist/<name>.js (run `npm run build` first), honouring this
 *   package's `sideEffects`, so it also catches a build whose chunking or `sideEffects` list
 *   drops a registration (then the element's own tag is missing).
 *
 * An element may contain only its own tag, plus the elements listed in COMPOSES for it.
 * Exit code 1 with a table on any violation; the same table on success.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Rollup } from 'vite';
import { LIBRARY_ENTRIES } from '../vite.config.js';

/** Elements an element renders and therefore registers itself. Everything else is a leak. */
const COMPOSES: Record<string, readonly string[]> = {
  'nw-analysis': ['nw-summary', 'nw-stances', 'nw-source-list', 'nw-timeline'],
};

const ROOT = resolve(import.meta.dirname, '..');
const useDist = process.argv.includes('--dist');
const ELEMENTS = Object.keys(LIBRARY_ENTRIES).filter((name) => name.startsWith('nw-'));
/** nw-stance-card -> NwStanceCard */
const className = (tag: string) =>
  tag
    .split('-')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function bundle(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      copyPublicDir: false,
      rollupOptions: { input: entry }, // no `external`: Lit and zod are bundled like a site would
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  return outputs
    .flatMap((o) => o.output)
    .filter((o): o is Rollup.OutputChunk => o.type === 'chunk')
    .map((c) => c.code)
    .join('\n');
}

function registrations(code: string, tag: string): boolean {
  const t = escape(tag);
  return new RegExp(`(?:defineElement|customElements\\.define)\\(\\s*["'\`]${t}["'\`]`).test(code);
}
function hasClass(code: string, tag: string): boolean {
  // `class NwFoo extends` or, as esbuild/oxc emit it, `var NwFoo = class extends`
  const name = escape(className(tag));
  return new RegExp(`\\bclass\\s+${name}\\b|\\b${name}\\s*=\\s*class\\b`).test(code);
}

type Row = { element: string; kb: string; registers: string[]; classes: string[]; problems: string[] };
const rows: Row[] = [];

for (const element of ELEMENTS) {
  const entry = useDist ? resolve(ROOT, 'dist', `${element}.js`) : resolve(ROOT, LIBRARY_ENTRIES[element]!);
  if (!existsSync(entry)) {
    rows.push({ element, kb: '-', registers: [], classes: [], problems: [`missing ${entry} (run npm run build)`] });
    continue;
  }
  const code = await bundle(entry);
  const allowed = new Set([element, ...(COMPOSES[element] ?? [])]);
  const registers = ELEMENTS.filter((tag) => registrations(code, tag));
  const classes = ELEMENTS.filter((tag) => hasClass(code, tag));
  const problems: string[] = [];
  if (!registers.includes(element)) problems.push(`does not register <${element}>`);
  for (const tag of allowed) {
    if (tag !== element && !registers.includes(tag)) problems.push(`composes <${tag}> but does not register it`);
  }
  for (const tag of registers) if (!allowed.has(tag)) problems.push(`registers <${tag}>`);
  for (const tag of classes) if (!allowed.has(tag)) problems.push(`contains class ${className(tag)}`);
  rows.push({ element, kb: (Buffer.byteLength(code) / 1024).toFixed(1), registers, classes, problems });
}

const failed = rows.some((r) => r.problems.length > 0);
console.log(
  `Element isolation (${useDist ? 'dist/*.js, as published' : 'src, bundled alone'}; Lit and zod bundled, unminified)\n`,
);
console.log('| entry | KB | registers | element classes | result |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) {
  const result = r.problems.length ? `FAIL: ${r.problems.join('; ')}` : 'ok';
  console.log(
    `| ${r.element} | ${r.kb} | ${r.registers.join(', ') || '(none)'} | ${r.classes.map(className).join(', ') || '(none)'} | ${result} |`,
  );
}
if (failed) {
  console.error('\nAn element entry pulls in another element (or loses its own registration).');
  process.exitCode = 1;
} else {
  console.log(`\nAll ${rows.length} element entries are isolated.`);
}
