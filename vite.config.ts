/**
 * `npm start` serves demo/ (with the sample analyses from data/ at the site root);
 * `vite build` builds the npm library into dist/: one ES module per entry, dependencies
 * left as imports so a site that already has Lit does not load it twice.
 */
import { defineConfig } from 'vite';

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
  cli: 'src/cli/main.ts',
};

export default defineConfig(({ command }) =>
  command === 'serve'
    ? {
        root: 'demo',
        publicDir: '../data',
        server: { port: 5173, strictPort: false },
      }
    : {
        publicDir: false,
        build: {
          outDir: 'dist',
          emptyOutDir: true,
          target: 'es2022',
          minify: false,
          sourcemap: true,
          lib: { entry: LIBRARY_ENTRIES, formats: ['es'] },
          rollupOptions: {
            external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^node:/],
            // One output file per source module: registration calls stay in the registering
            // files that sideEffects names. Shared chunks had moved some of them into hashed
            // files a consumer's bundler then dropped, so an element import registered nothing.
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
        },
      },
);
