/**
 * `npm start` serves demo/ (with the sample analyses from data/ at the site root);
 * `vite build` builds the npm library into dist/: one ES module per entry, dependencies
 * left as imports so a site that already has Lit does not load it twice.
 */
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defineConfig, type Plugin } from 'vite';

/**
 * Minifies the CSS inside Lit's css`` templates (whitespace and comments otherwise ship as
 * they are written: about 1.5 KB gzip over the whole bundle). html`` templates are left alone:
 * collapsing their whitespace can join or split words, for 0.2 KB. Fails the build on CSS it
 * cannot parse rather than shipping it unminified without a word. Every build uses it.
 */
export const minifyCssTemplates = (): Plugin =>
  // Typed for Rollup; its transform hook is all it uses, which Rolldown runs as Rollup does.
  minifyLiterals({ failOnError: true, options: { shouldMinify: () => false } }) as unknown as Plugin;

/** Every public entry of the package; element entries join this list. */
export const LIBRARY_ENTRIES: Record<string, string> = {
  index: 'src/index.ts',
  schema: 'src/schema/index.ts',
  define: 'src/define.ts',
  'nw-summary': 'src/components/summary/summary.ts',
  'nw-stance-card': 'src/components/stance-card/stance-card.ts',
  'nw-stances': 'src/components/stances/stances.ts',
  'nw-source-list': 'src/components/source-list/source-list.ts',
  'nw-cite': 'src/components/cite/cite.ts',
  'nw-analysis': 'src/components/analysis/analysis.ts',
  'nw-timeline': 'src/components/timeline/timeline.ts',
  import: 'src/import/timelinejs.ts',
  render: 'src/render/index.ts',
  cli: 'src/cli/main.ts',
};

export default defineConfig(({ command }) =>
  command === 'serve'
    ? {
        root: 'demo',
        publicDir: '../data',
        server: { port: 5173, strictPort: false },
        // The builder's site.zip worker imports Lit SSR, found only when the worker first
        // starts: scanned up front, or Vite re-bundles then and reloads the page mid-download.
        // The same for the spreadsheet reader, which step 1 imports only when a workbook arrives.
        optimizeDeps: { entries: ['*.html', 'builder-publish.worker.ts', 'builder-sheet.ts'] },
      }
    : {
        publicDir: false,
        plugins: [minifyCssTemplates()],
        build: {
          outDir: 'dist',
          emptyOutDir: true,
          target: 'es2022',
          minify: false,
          sourcemap: true,
          lib: { entry: LIBRARY_ENTRIES, formats: ['es'] },
          rollupOptions: {
            external: [/^@e965\/xlsx($|\/)/, /^lit($|\/)/, /^@lit\//, /^@lit-labs\/ssr($|\/)/, /^zod($|\/)/, /^node:/],
            // One output file per source module: registration calls stay in the registering
            // files that sideEffects names. Shared chunks had moved some of them into hashed
            // files a consumer's bundler then dropped, so an element import registered nothing.
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
        },
      },
);
