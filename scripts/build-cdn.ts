/**
 * A step of `npm run build` (after the npm build in dist/): the script-tag builds in dist/cdn,
 * for pages that load the widgets from a CDN or their own static files instead of bundling the
 * package.
 *
 * - dist/cdn/newsroom-widgets.js: one self-contained ES module (Lit, the schema and zod/mini
 *   included) that registers every element, for `<script type="module" src=…>`.
 * - dist/cdn/newsroom-widgets.classic.js: the same as a classic script (an IIFE exposing
 *   `window.NewsroomWidgets`), for templates that cannot use modules; it may go in <head>,
 *   the elements upgrade once they are parsed.
 * - dist/cdn/locales/<tag>.js: the built-in languages other than English and Spanish, one small
 *   classic script each, which the bundles load from beside themselves the first time an element
 *   speaks that language (see src/internal/i18n/load-locale.cdn.ts).
 * - dist/cdn/integrity.json: `{ file: "sha384-…" }`, the subresource-integrity hash of each,
 *   also printed with the sizes.
 *
 * Only dist/cdn is written; the npm build in dist/ is left alone. Both builds are minified
 * and deterministic (same input, same bytes, same hashes).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, parseSync, type Plugin } from 'vite';
import { LAZY_LOCALES } from '../src/internal/i18n/lazy-locales.js';
import { minifyCssTemplates } from '../vite.config.js';

export const CDN_DIR = 'dist/cdn';
export const CDN_FILES = { module: 'newsroom-widgets.js', classic: 'newsroom-widgets.classic.js' } as const;
const ENTRY = 'src/define.ts';
/** The classic build's global; an entry that exports nothing (the embed resizer) defines none. */
const GLOBAL_NAME = 'NewsroomWidgets';

/**
 * The script-tag loader of locale files instead of the npm one (a dynamic import per language a
 * page's bundler splits): load-locale.cdn.ts, which finds `locales/<tag>.js` beside the bundle.
 */
const cdnLocaleLoader = (): Plugin => ({
  name: 'newsroom-widgets-cdn-locales',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './load-locale.js' && importer?.replaceAll('\\', '/').includes('/src/internal/i18n/'))
      return resolve('src/internal/i18n/load-locale.cdn.ts');
    return undefined;
  },
});

/**
 * Writes `dir/locales/<tag>.js` for every language loaded on demand: a classic script that puts
 * the messages on `NewsroomWidgetsLocales` (read by load-locale.cdn.ts). Returns the file names.
 */
export async function writeLocaleFiles(dir: string): Promise<string[]> {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const names: string[] = [];
  for (const [tag, code] of Object.entries(await localeScripts())) {
    const name = `locales/${tag}.js`;
    writeFileSync(join(dir, name), code);
    names.push(name);
  }
  return names;
}

/** Each on-demand language's file as the script-tag builds ship it, by tag. */
export async function localeScripts(): Promise<Record<string, string>> {
  const scripts: Record<string, string> = {};
  for (const tag of LAZY_LOCALES) {
    const { default: messages } = (await import(`../src/internal/i18n/locales/${tag}.ts`)) as { default: unknown };
    scripts[tag] =
      `(self.NewsroomWidgetsLocales=self.NewsroomWidgetsLocales||{})[${JSON.stringify(tag)}]=${JSON.stringify(messages)};\n`;
  }
  return scripts;
}

/**
 * One self-contained, minified script: `entry` with everything it imports, no externals, no
 * chunks, written to `outDir/fileName`. Also used by build-embed.ts.
 */
export async function bundleScript(
  entry: string,
  outDir: string,
  format: 'es' | 'iife',
  fileName: string,
): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: {
      'process.env.NODE_ENV': '"production"',
      // Where the bundle is, to find its locale files: a classic script's `src` is only known
      // while it runs its top level, which is when load-locale.cdn.ts reads it.
      NEWSROOM_WIDGETS_SCRIPT_URL: format === 'es' ? 'import.meta.url' : 'document.currentScript?.src',
    },
    plugins: [minifyCssTemplates(), cdnLocaleLoader()],
    build: {
      outDir,
      emptyOutDir: false, // the caller clears its own folder; never touch the rest of dist/
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      lib: { entry, formats: [format], name: GLOBAL_NAME, fileName: () => fileName },
      // Everything bundled, and into one file: no externals, no chunks for dynamic imports.
      // Vite keeps whitespace and /*#__PURE__*/ in ES libraries for the next bundler; these
      // files go to browsers as they are, so both formats are minified all the way.
      rolldownOptions: { external: [], output: { codeSplitting: false, minify: true, comments: false } },
    },
  });
}

type Node = { type?: string; [key: string]: unknown };
const FUNCTION_NODES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Where `await` runs at the top level of a module (await expressions and `for await`). */
export function topLevelAwaits(code: string, filename = 'bundle.js'): number[] {
  const { program, errors } = parseSync(filename, code, { sourceType: 'module', lang: 'js' });
  if (errors.length > 0) throw new Error(`${filename}: cannot parse: ${errors[0]!.message}`);
  const found: number[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as Node;
    if (node.type && FUNCTION_NODES.has(node.type)) return; // await inside a function is fine
    if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await === true)) {
      found.push(node.start as number);
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'parent') visit(child);
  };
  visit(program);
  return found;
}

export const integrity = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * Writes `dir/integrity.json` (`{ file: "sha384-…" }`) for `files`, prints their sizes and
 * hashes as a table, and returns the hashes.
 */
export function recordIntegrity(dir: string, files: readonly string[]): Record<string, string> {
  const rows = files.map((file) => {
    const bytes = readFileSync(join(dir, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, integrity: integrity(bytes) };
  });
  const hashes = Object.fromEntries(rows.map((row) => [row.file, row.integrity]));
  writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
  console.log('| file | bytes | gzip -9 | integrity |\n| --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${dir}/${row.file} | ${row.bytes} | ${row.gzip} | ${row.integrity} |`);
  return hashes;
}

async function main(): Promise<void> {
  rmSync(CDN_DIR, { recursive: true, force: true });
  mkdirSync(CDN_DIR, { recursive: true });

  await bundleScript(ENTRY, CDN_DIR, 'es', CDN_FILES.module);
  // The module build has every module's top level hoisted into its own: a top-level await
  // anywhere in the graph shows up there, and a classic script could not keep its meaning.
  const moduleCode = readFileSync(join(CDN_DIR, CDN_FILES.module), 'utf8');
  const awaits = topLevelAwaits(moduleCode, CDN_FILES.module);
  if (awaits.length > 0) {
    throw new Error(
      `top-level await in the module graph (at ${awaits.join(', ')} in ${CDN_FILES.module}): no classic-script build possible`,
    );
  }
  if (/^\s*import[\s{*"']/m.test(moduleCode))
    throw new Error(`${CDN_FILES.module} still imports something: it must be self-contained`);
  await bundleScript(ENTRY, CDN_DIR, 'iife', CDN_FILES.classic);
  const locales = await writeLocaleFiles(CDN_DIR);

  recordIntegrity(CDN_DIR, [...Object.values(CDN_FILES), ...locales]);
}

// Run when executed (`tsx scripts/build-cdn.ts`), not when imported for its helpers.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((cause) => {
    console.error(`build-cdn: ${cause instanceof Error ? cause.message : String(cause)}`);
    process.exitCode = 1;
  });
}
