/**
 * How many bytes a reader downloads for one entry of the library: the entry bundled alone
 * with everything it imports (Lit, the schema, zod/mini), minified as the CDN build is, then
 * compressed as a server would send it. Shared by `npm run size` (bench/size.ts, which gates
 * CI on these numbers) and `npm run bench` (bench/sizes.ts, which sets them beside TimelineJS).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { LIBRARY_ENTRIES, minifyCssTemplates } from '../vite.config.js';

/** Every element entry, from the library's own list, plus the bundles a page may load. */
export const ENTRY_BUNDLES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(LIBRARY_ENTRIES).filter(([name]) => name.startsWith('nw-'))),
  'all elements (define)': LIBRARY_ENTRIES.define!,
  'schema + validator': LIBRARY_ENTRIES.schema!,
};

/** `entry` and everything it imports as one minified ES module, in memory. */
export async function bundleEntry(entry: string): Promise<string> {
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [minifyCssTemplates()],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      // As the CDN build: library mode otherwise keeps whitespace and /*#__PURE__*/ comments.
      rolldownOptions: { output: { minify: true, comments: false } },
    },
  })) as Rolldown.RolldownOutput[];
  // What the page loads up front: the entry and the chunks it imports, not the locale files
  // loaded on demand (dynamic imports; bench/size.ts measures them on their own).
  return result[0]!.output
    .filter((chunk): chunk is Rolldown.OutputChunk => chunk.type === 'chunk' && !chunk.isDynamicEntry)
    .map((chunk) => chunk.code)
    .join('\n');
}

export interface CompressedSize {
  /** bytes as written (minified) */
  min: number;
  /** gzip at level 9, what most servers and CDNs send */
  gzip: number;
  /** brotli at quality 11, what CDNs send to browsers that accept it */
  brotli: number;
}

/** Sizes of `content` as served: raw, gzip -9 and brotli 11. Deterministic. */
export function compressedSize(content: string | Uint8Array): CompressedSize {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Sums sizes file by file: what a page that downloads all of them transfers. */
export const totalSize = (sizes: CompressedSize[]): CompressedSize => ({
  min: sizes.reduce((sum, size) => sum + size.min, 0),
  gzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
  brotli: sizes.reduce((sum, size) => sum + size.brotli, 0),
});
