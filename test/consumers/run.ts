/**
 * Packaging test (issues 6 and 17): the package as npm would publish it, installed into scratch
 * projects outside the repo, the way a newsroom's own front-end would use it, following the
 * README's recipe for each framework word for word (checked first: README_RECIPES).
 *
 *   npx tsx test/consumers/run.ts        ONLY=vue,astro (some)  KEEP=1 (keep them)  TARBALL=path (no pack)
 *
 * 1. `npm pack` (runs `prepack`, i.e. the build) into a temp dir; the tarball must hold the
 *    entries, the JSON Schema and the sample analysis.
 * 2. One scratch project per consumer under os.tmpdir(), installing the tarball beside the
 *    newest framework versions that run on Node 20 (npm's cache answers what it has):
 *    - vite-ts: Vite + TypeScript 7, `newsroom-widgets/nw-stance-card` typed through
 *      HTMLElementTagNameMap; tsc must FAIL on a file of deliberate type errors with the expected
 *      codes on the expected lines. Also runs the README's `npx newsroom-widgets validate` on the
 *      sample inside node_modules.
 *    - react: React 19 (sets properties on custom elements), JSX typing from a declaration.
 *    - vue: Vue 3.5 + Vite 8, isCustomElement, `:analysis.prop`, GlobalComponents for vue-tsc.
 *    - svelte: Svelte 5 + Vite 8, SvelteHTMLElements for svelte-check.
 *    - sveltekit: SvelteKit 2 prerendered by adapter-static, the property set by an attachment.
 *    - astro: Astro 5 static, renderHtml at build time with one shared data script.
 *    - angular: Angular 21 standalone, CUSTOM_ELEMENTS_SCHEMA and `[analysis]`.
 *    Each is type-checked with its framework's checker (and, where it has one, must reject
 *    deliberate mistakes), built twice (first without newsroom-widgets, to measure the script the
 *    elements add, gzip -9), served from node:http and opened in headless Chromium: every nw-*
 *    element ready, the stance card showing Sheinbaum's headline from the sample, no page or
 *    console errors, no failed requests, no `analysis` attribute.
 * 3. Scratch dirs are removed (KEEP=1 keeps them and prints where they are).
 *
 * The consumer apps' sources are template strings here, not files, so the repo's
 * `tsc -p .` (which includes test/) never sees them. Prints a table per check and one per app
 * (versions, build, script added, time, what it needed). Last line: "N passed, N failed".
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../../scripts/browser.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE_FILE = 'mexico-us-deployment.json';
const SAMPLE_PATH = join(REPO, 'data', SAMPLE_FILE);
const SAMPLE = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')) as {
  stances: { actor: string; headline: string }[];
};
const ACTOR = 'claudia-sheinbaum';
const HEADLINE = SAMPLE.stances.find((stance) => stance.actor === ACTOR)?.headline;
if (!HEADLINE) throw new Error(`no stance for ${ACTOR} in ${SAMPLE_PATH}`);

const VITE = 'vite@8.3.8';
const TYPESCRIPT = 'typescript@7.0.2';
const REACT = ['react@19', 'react-dom@19', '@types/react@19', '@types/react-dom@19'];
/**
 * The newest of each that runs on Node 20 (20.19+). Their type checkers need TypeScript's JS API,
 * which TypeScript 7 (the native compiler) does not have: they get 5.9. SvelteKit 2.70 wants
 * Node 22.17; Astro 6 refuses Node 20, so Astro 5 (which brings its own Vite 6); Angular 21
 * brings its own Vite 7 and esbuild.
 */
const TYPESCRIPT_5 = 'typescript@5.9.3';
const VUE = [VITE, TYPESCRIPT_5, 'vue@3.5', '@vitejs/plugin-vue@6', 'vue-tsc@3'];
const SVELTE = [VITE, TYPESCRIPT_5, 'svelte@5', '@sveltejs/vite-plugin-svelte@7', 'svelte-check@4'];
const SVELTEKIT = [...SVELTE, '@sveltejs/kit@~2.69', '@sveltejs/adapter-static@3'];
const ASTRO = ['astro@5', '@astrojs/check@0.9', TYPESCRIPT_5];
const ANGULAR = [
  ...['core', 'common', 'compiler', 'platform-browser', 'build', 'cli', 'compiler-cli'].map(
    (name) => `@angular/${name}@21`,
  ),
  TYPESCRIPT_5,
  'rxjs@7',
  'tslib@2',
];
const KEEP = process.env.KEEP === '1';

// ---------------------------------------------------------------- consumer app sources

/** Vite 8's `create-vite` vanilla-ts/react-ts tsconfig, as a newsroom project would start with it. */
const tsconfig = (extra: Record<string, unknown> = {}, include = ['src']) =>
  JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        useDefineForClassFields: true,
        module: 'ESNext',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: ['vite/client'],
        skipLibCheck: true,
        moduleResolution: 'bundler',
        allowImportingTsExtensions: true,
        verbatimModuleSyntax: true,
        moduleDetection: 'force',
        noEmit: true,
        strict: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        erasableSyntaxOnly: true,
        noFallthroughCasesInSwitch: true,
        noUncheckedSideEffectImports: true,
        ...extra,
      },
      include,
    },
    null,
    2,
  );

/** The deliberate errors live in fail/; this config checks only them (plus what they import). */
const FAIL_TSCONFIG = JSON.stringify({ extends: './tsconfig.json', include: ['fail'] }, null, 2);

const html = (title: string, body: string, entry: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"></head>
<body>${body}<script type="module" src="${entry}"></script></body></html>
`;

const VITE_TS_MAIN = `import 'newsroom-widgets/nw-stance-card';
import type { Analysis } from 'newsroom-widgets/schema';

async function main(): Promise<void> {
  const response = await fetch('/${SAMPLE_FILE}');
  const data = (await response.json()) as Analysis;
  const card = document.querySelector('nw-stance-card')!;
  card.actor = ${JSON.stringify(ACTOR)};
  card.headingLevel = 2;
  card.analysis = data;
  // Typed creation as well as typed lookup.
  const created: HTMLElementTagNameMap['nw-stance-card'] = document.createElement('nw-stance-card');
  created.stance = data.stances[0]?.id ?? null;
}

main().catch((error: unknown) => {
  document.body.dataset.error = String(error);
  throw error;
});
`;

/**
 * Each line ending in `// expect TSnnnn` must produce exactly that error; nothing else may.
 * These prove the element's properties are really typed (not `any`, not plain HTMLElement).
 */
const VITE_TS_FAIL = `import 'newsroom-widgets/nw-stance-card';
import type { Analysis } from 'newsroom-widgets/schema';

const card = document.querySelector('nw-stance-card')!;
card.headingLevel = 'three'; // expect TS2322
card.actor = 42; // expect TS2322
card.actr = ${JSON.stringify(ACTOR)}; // expect TS2551
const partial: Analysis = { schemaVersion: 1 }; // expect TS2740
export { partial };
`;

/**
 * What a React 19 + TypeScript consumer adds once so TSX knows <nw-stance-card>. React 19
 * sets these as properties (they exist on the element), so `analysis` can be an object.
 */
const REACT_JSX_TYPES = `import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { NwStanceCard } from 'newsroom-widgets/nw-stance-card';

type NwProps<E extends HTMLElement, K extends keyof E> =
  DetailedHTMLProps<HTMLAttributes<E>, E> & Partial<Pick<E, K>>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'nw-stance-card': NwProps<NwStanceCard, 'actor' | 'stance' | 'analysis' | 'headingLevel' | 'theme' | 'src'>;
    }
  }
}
`;

const REACT_MAIN = `import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'newsroom-widgets/nw-stance-card';
import type { Analysis } from 'newsroom-widgets/schema';

function App() {
  const [data, setData] = useState<Analysis | null>(null);
  useEffect(() => {
    fetch('/${SAMPLE_FILE}')
      .then((response) => response.json() as Promise<Analysis>)
      .then(setData)
      .catch((error: unknown) => { document.body.dataset.error = String(error); });
  }, []);
  if (!data) return <p>Loading…</p>;
  return <nw-stance-card actor=${JSON.stringify(ACTOR)} headingLevel={2} analysis={data} />;
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
`;

const REACT_FAIL = `import 'newsroom-widgets/nw-stance-card';

export const wrongLevel = <nw-stance-card headingLevel="three" />; // expect TS2322
export const wrongActor = <nw-stance-card actor={42} />; // expect TS2322
`;

const VITE_CONFIG = `import { defineConfig } from 'vite';

export default defineConfig({ logLevel: 'warn' });
`;

/** No @vitejs/plugin-react: Vite 8's built-in oxc transform does the automatic JSX runtime. */
const REACT_VITE_CONFIG = `import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
});
`;

// ---------------------------------------------------------------- framework recipes (README)
//
// Each is the README's recipe for that framework, word for word where the README shows code. The
// analysis comes from the package itself (`newsroom-widgets/data/mexico-us-deployment.json`, the
// sample it ships), as the README's examples import it. Each page shows <nw-summary> and
// <nw-stance-card>; the baseline of each is the same app without newsroom-widgets, built to
// measure what the elements add.

const SAMPLE_IMPORT = "import data from 'newsroom-widgets/data/mexico-us-deployment.json';";

/** Vue: elements are not components (isCustomElement), and `.prop` sets the property. */
const VUE_VITE_CONFIG = `import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('nw-') } } })],
});
`;

const VUE_MAIN = `import { createApp } from 'vue';
import 'newsroom-widgets/nw-summary';
import 'newsroom-widgets/nw-stance-card';
import App from './App.vue';

createApp(App).mount('#app');
`;

const VUE_APP = `<script setup lang="ts">
${SAMPLE_IMPORT}
</script>

<template>
  <nw-summary :analysis.prop="data" />
  <nw-stance-card actor="claudia-sheinbaum" :heading-level="2" :analysis.prop="data" />
</template>
`;

/** What a Vue + TypeScript consumer adds once so strictTemplates knows the elements' props. */
const VUE_TYPES = `import type { DefineComponent } from 'vue';
import type { NwStanceCard } from 'newsroom-widgets/nw-stance-card';
import type { NwSummary } from 'newsroom-widgets/nw-summary';

type NwElement<E, K extends keyof E> = DefineComponent<Partial<Pick<E, K>>>;

declare module 'vue' {
  interface GlobalComponents {
    'nw-summary': NwElement<NwSummary, 'analysis' | 'src' | 'theme'>;
    'nw-stance-card': NwElement<NwStanceCard, 'actor' | 'stance' | 'analysis' | 'headingLevel' | 'theme' | 'src'>;
  }
}
`;

const VUE_FAIL = `<script setup lang="ts">
${SAMPLE_IMPORT}
</script>

<template>
  <nw-stance-card actor="claudia-sheinbaum" :heading-level="'three'" :analysis.prop="data" />
  <nw-summary :anlysis.prop="data" />
</template>
`;

const VUE_BASELINE_MAIN = `import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
`;

/** The baselines import the sample too (bundled as JSON), so the difference is the elements alone. */
const VUE_BASELINE_APP = `<script setup lang="ts">
${SAMPLE_IMPORT}
</script>

<template><p>{{ data.question }}</p></template>
`;

/** Svelte 5 sets properties on custom elements it knows are defined: import the entries first. */
const SVELTE_VITE_CONFIG = `import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({ logLevel: 'warn', plugins: [svelte()] });
`;

const SVELTE_MAIN = `import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
`;

const SVELTE_APP = `<script lang="ts">
  import 'newsroom-widgets/nw-summary';
  import 'newsroom-widgets/nw-stance-card';
  ${SAMPLE_IMPORT}
</script>

<nw-summary analysis={data}></nw-summary>
<nw-stance-card actor="claudia-sheinbaum" heading-level={2} analysis={data}></nw-stance-card>
`;

/** What a Svelte + TypeScript consumer adds once so svelte-check knows the elements. */
const SVELTE_TYPES = `import type { HTMLAttributes } from 'svelte/elements';
import type { NwStanceCard } from 'newsroom-widgets/nw-stance-card';
import type { NwSummary } from 'newsroom-widgets/nw-summary';

type NwAttributes<E extends HTMLElement, K extends keyof E> = HTMLAttributes<E> & Partial<Pick<E, K>>;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'nw-summary': NwAttributes<NwSummary, 'analysis' | 'src' | 'theme'>;
    'nw-stance-card': NwAttributes<NwStanceCard, 'actor' | 'stance' | 'analysis' | 'theme' | 'src'> & {
      'heading-level'?: 2 | 3 | 4;
    };
  }
}
`;

const SVELTE_FAIL = `<script lang="ts">
  import 'newsroom-widgets/nw-stance-card';
</script>

<nw-stance-card actor={42} heading-level={7}></nw-stance-card>
`;

const SVELTE_BASELINE_APP = `<script lang="ts">
  ${SAMPLE_IMPORT}
</script>

<p>{data.question}</p>
`;

const SVELTE_TSCONFIG = (extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: ['vite/client', 'svelte'],
        resolveJsonModule: true,
        verbatimModuleSyntax: true,
        skipLibCheck: true,
        strict: true,
        noEmit: true,
        ...extra,
      },
      include: ['src/**/*.ts', 'src/**/*.svelte'],
    },
    null,
    2,
  );

/** SvelteKit 2, every page prerendered by adapter-static into build/. */
const KIT_CONFIG = `import adapter from '@sveltejs/adapter-static';

export default { kit: { adapter: adapter() } };
`;

const KIT_VITE_CONFIG = `import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({ logLevel: 'warn', plugins: [sveltekit()] });
`;

const KIT_APP_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," />%sveltekit.head%</head>
  <body><div style="display: contents">%sveltekit.body%</div></body>
</html>
`;

/**
 * SvelteKit renders on the server first, and Svelte's server render writes an object given to a
 * custom element as the attribute text "[object Object]" (which the elements report as an error
 * until hydration sets the property). An attachment runs only in the browser: it sets the
 * property, and the prerendered HTML has no analysis attribute at all.
 */
const KIT_PAGE = `<script lang="ts">
  import 'newsroom-widgets/nw-summary';
  import 'newsroom-widgets/nw-stance-card';
  ${SAMPLE_IMPORT}
</script>

<nw-summary {@attach (element) => { element.analysis = data; }}></nw-summary>
<nw-stance-card actor="claudia-sheinbaum" heading-level={2} {@attach (element) => { element.analysis = data; }}></nw-stance-card>
`;

const KIT_TSCONFIG = JSON.stringify(
  {
    extends: './.svelte-kit/tsconfig.json',
    compilerOptions: { resolveJsonModule: true, skipLibCheck: true, strict: true, moduleResolution: 'bundler' },
  },
  null,
  2,
);

/**
 * Astro 5, static: the elements rendered at build time by `newsroom-widgets/render` (readable
 * with JavaScript off), one shared data script for both, and a plain script import upgrading them.
 */
const ASTRO_PAGE = `---
import { renderDataScript, renderHtml } from 'newsroom-widgets/render';
${SAMPLE_IMPORT}
---

<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>astro consumer</title></head>
  <body>
    <Fragment set:html={renderDataScript(data)} />
    <Fragment set:html={await renderHtml(data, { element: 'nw-summary', dataScript: false })} />
    <Fragment
      set:html={await renderHtml(data, { element: 'nw-stance-card', actor: 'claudia-sheinbaum', dataScript: false })}
    />
    <script>
      import 'newsroom-widgets/nw-summary';
      import 'newsroom-widgets/nw-stance-card';
    </script>
  </body>
</html>
`;

const ASTRO_BASELINE_PAGE = `---
---

<html lang="en">
  <head><meta charset="utf-8" /><title>astro consumer</title></head>
  <body>
    <p id="nothing">No widgets.</p>
    <script>
      document.getElementById('nothing')!.dataset.ran = 'yes';
    </script>
  </body>
</html>
`;

const ASTRO_CONFIG = `import { defineConfig } from 'astro/config';

export default defineConfig({ output: 'static', devToolbar: { enabled: false } });
`;

const ASTRO_TSCONFIG = JSON.stringify(
  { extends: 'astro/tsconfigs/strict', include: ['.astro/types.d.ts', 'src'], exclude: ['dist'] },
  null,
  2,
);

/** Angular 21 (standalone, zoneless): CUSTOM_ELEMENTS_SCHEMA, and [analysis] sets the property. */
const ANGULAR_COMPONENT = `import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import 'newsroom-widgets/nw-summary';
import 'newsroom-widgets/nw-stance-card';
${SAMPLE_IMPORT}

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: \`
    <nw-summary [analysis]="data"></nw-summary>
    <nw-stance-card actor="claudia-sheinbaum" [headingLevel]="2" [analysis]="data"></nw-stance-card>
  \`,
})
export class App {
  protected readonly data = data;
}
`;

const ANGULAR_BASELINE_COMPONENT = `import { Component } from '@angular/core';
${SAMPLE_IMPORT}

@Component({ selector: 'app-root', template: '<p>{{ data.question }}</p>' })
export class App {
  protected readonly data = data;
}
`;

const ANGULAR_MAIN = `import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app';

bootstrapApplication(App).catch((error: unknown) => {
  document.body.dataset.error = String(error);
});
`;

const ANGULAR_JSON = JSON.stringify(
  {
    $schema: './node_modules/@angular/cli/lib/config/schema.json',
    version: 1,
    cli: { analytics: false },
    projects: {
      app: {
        projectType: 'application',
        root: '',
        sourceRoot: 'src',
        architect: {
          build: {
            builder: '@angular/build:application',
            options: {
              outputPath: 'dist',
              index: 'src/index.html',
              browser: 'src/main.ts',
              tsConfig: 'tsconfig.json',
              optimization: true,
              outputHashing: 'all',
              sourceMap: false,
              budgets: [],
            },
          },
        },
      },
    },
  },
  null,
  2,
);

const ANGULAR_TSCONFIG = JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'preserve',
      moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
      resolveJsonModule: true,
      isolatedModules: true,
      skipLibCheck: true,
      strict: true,
      noEmit: true,
    },
    angularCompilerOptions: { strictTemplates: true, strictInjectionParameters: true },
    files: ['src/main.ts'],
  },
  null,
  2,
);

/** The README shows each of these verbatim, as a code block of its own (checked first). */
export const README_RECIPES: Record<string, string> = {
  REACT_JSX_TYPES,
  VUE_VITE_CONFIG,
  VUE_MAIN,
  VUE_APP,
  VUE_TYPES,
  SVELTE_APP,
  SVELTE_TYPES,
  KIT_PAGE,
  ANGULAR_COMPONENT,
  ASTRO_PAGE,
};

// ---------------------------------------------------------------- harness

type Result = { name: string; ok: boolean; ms: number; detail: string };
const results: Result[] = [];

async function check(name: string, fn: () => Promise<string | void>): Promise<boolean> {
  const t0 = performance.now();
  let ok = true;
  let detail = '';
  try {
    detail = (await fn()) ?? '';
  } catch (error) {
    ok = false;
    detail = error instanceof Error ? error.message : String(error);
  }
  const result = { name, ok, ms: performance.now() - t0, detail: oneLine(detail) };
  results.push(result);
  console.error(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds(result.ms)})${result.detail ? ` — ${result.detail}` : ''}`);
  return ok;
}

function skip(name: string, because: string): void {
  results.push({ name, ok: false, ms: 0, detail: `skipped: ${because}` });
  console.error(`FAIL ${name} — skipped: ${because}`);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 400);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Run = { code: number; output: string };

/** Runs a command; never throws for a non-zero exit (the caller decides), only for timeouts. */
function run(cmd: string, args: string[], cwd: string, timeout = 300_000): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      cmd,
      args,
      {
        cwd,
        timeout,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
      },
      (error, stdout, stderr) => {
        if (error && (error as { killed?: boolean }).killed) {
          reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeout / 1000} s`));
          return;
        }
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolvePromise({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

async function mustRun(cmd: string, args: string[], cwd: string, timeout?: number): Promise<string> {
  const { code, output } = await run(cmd, args, cwd, timeout);
  if (code !== 0) throw new Error(`\`${cmd} ${args.join(' ')}\` exited ${code}: ${tail(output)}`);
  return output;
}

const tail = (text: string, lines = 8) => text.trim().split('\n').slice(-lines).join(' | ');

const write = (dir: string, files: Record<string, string>) => {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
};

type TsError = { file: string; line: number; code: string; text: string };

function tsErrors(output: string): TsError[] {
  const errors: TsError[] = [];
  for (const raw of output.split('\n')) {
    const match = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(raw.trim());
    if (match)
      errors.push({ file: match[1]!.replaceAll('\\', '/'), line: Number(match[2]), code: match[3]!, text: match[4]! });
  }
  return errors;
}

/** tsc must fail with exactly the `// expect TSnnnn` errors of `file`, and nothing else. */
async function expectTypeErrors(dir: string, file: string, source: string): Promise<string> {
  const { code, output } = await run(
    join(dir, 'node_modules/.bin/tsc'),
    ['-p', 'tsconfig.fail.json', '--pretty', 'false'],
    dir,
  );
  if (code === 0)
    throw new Error(`tsc passed on ${file}, which has deliberate type errors: the element's properties are not typed`);
  const expected = source.split('\n').flatMap((text, index) => {
    const match = /\/\/ expect (TS\d+)/.exec(text);
    return match ? [{ line: index + 1, code: match[1]! }] : [];
  });
  const errors = tsErrors(output);
  if (errors.length === 0) throw new Error(`tsc exited ${code} without type errors: ${tail(output)}`);
  const missing = expected.filter(
    (want) => !errors.some((got) => got.file === file && got.line === want.line && got.code === want.code),
  );
  const unexpected = errors.filter(
    (got) => !expected.some((want) => got.file === file && got.line === want.line && got.code === want.code),
  );
  const problems = [
    ...missing.map((want) => `no ${want.code} on ${file}:${want.line}`),
    ...unexpected.map((got) => `unexpected ${got.file}:${got.line} ${got.code} ${got.text}`),
  ];
  if (problems.length)
    throw new Error(problems.slice(0, 6).join('; ') + (problems.length > 6 ? `; …${problems.length - 6} more` : ''));
  return `${expected.length} expected errors (${expected.map((want) => want.code).join(', ')})`;
}

async function typecheckClean(dir: string): Promise<string> {
  const { code, output } = await run(
    join(dir, 'node_modules/.bin/tsc'),
    ['-p', 'tsconfig.json', '--pretty', 'false'],
    dir,
  );
  if (code === 0) return '';
  const errors = tsErrors(output);
  const shown = errors
    .slice(0, 4)
    .map((error) => `${error.file}:${error.line} ${error.code} ${error.text}`)
    .join('; ');
  throw new Error(
    errors.length
      ? `${errors.length} type errors: ${shown}${errors.length > 4 ? '; …' : ''}`
      : `tsc exited ${code}: ${tail(output)}`,
  );
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
    if (!file.startsWith(root + sep) || !existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  }).listen(0, '127.0.0.1');
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.once('listening', () =>
      resolvePromise({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
}

let browser: Browser | undefined;

type RenderExpect = {
  /** The stance card's heading level (2 where the app sets headingLevel, else the default 3). */
  headingLevel: string;
  /** The elements got `analysis` as a property (false: static HTML reading a data script by `for=`). */
  viaProperty: boolean;
  /** How many nw-* elements the page shows. */
  elements: number;
};

/**
 * Opens the built page: every nw-* element must be ready, the stance card titled with the sample's
 * headline at the expected level, with no page or console errors, failed requests or HTTP errors.
 */
async function renderCheck(distDir: string, expect: RenderExpect): Promise<{ summary: string; scriptGzip: number }> {
  if (!browser) {
    const executablePath = findBrowser();
    if (!executablePath) throw new Error(HOW_TO_INSTALL);
    browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  }
  const { server, origin } = await serve(distDir);
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) =>
    problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  // What an English page downloads of script: the build also holds the languages loaded on demand.
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    else if (response.request().resourceType() === 'script')
      scripts.push(
        response.buffer().then(
          (body) => gzipSync(body, { level: 9 }).length,
          () => 0,
        ),
      );
  });
  /** Every nw-* element in the page's light DOM (frameworks may nest them in their root). */
  const count = expect.elements;
  const states = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((element) => element.localName.startsWith('nw-'))
        .map((element) => `${element.localName}:${element.getAttribute('state') ?? 'undefined'}`),
    );
  try {
    await page.goto(`${origin}/`, { waitUntil: 'load', timeout: 30_000 });
    try {
      await page.waitForFunction(
        (wanted: number) => {
          const elements = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('nw-'));
          return (
            document.body.dataset.error ||
            (elements.length >= wanted &&
              elements.every((element) => ['ready', 'error'].includes(element.getAttribute('state') ?? '')))
          );
        },
        { timeout: 15_000 },
        count,
      );
    } catch {
      throw new Error(
        `the elements never settled (${(await states()).join(', ') || 'none on the page'}) ${problems.join('; ')}`,
      );
    }
    const seen = await page.evaluate(() => {
      const elements = [...document.querySelectorAll('*')].filter((element) =>
        element.localName.startsWith('nw-'),
      ) as (HTMLElement & { analysis?: unknown })[];
      const card = document.querySelector('nw-stance-card') as (HTMLElement & { analysis?: unknown }) | null;
      const root = card?.shadowRoot;
      const headline = root?.querySelector('[part~="headline"]');
      return {
        undefinedTags: elements.filter((element) => !customElements.get(element.localName)).map((el) => el.localName),
        notReady: elements
          .filter((element) => element.getAttribute('state') !== 'ready')
          .map(
            (element) =>
              `${element.localName} state=${element.getAttribute('state')}: ${element.shadowRoot?.querySelector('[part~="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? document.body.dataset.error ?? 'no error text'}`,
          ),
        analysisTypes: elements.map((element) => typeof element.analysis),
        analysisAttributes: elements.flatMap((element) => element.getAttribute('analysis') ?? []),
        dataScripts: document.querySelectorAll('script[type="application/json"]').length,
        headingLevel: headline?.getAttribute('aria-level') ?? headline?.tagName.match(/^H(\d)$/)?.[1] ?? null,
        headline: headline?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
        count: elements.length,
      };
    });
    if (seen.count !== count) throw new Error(`${seen.count} nw-* elements on the page, expected ${count}`);
    if (seen.undefinedTags.length) throw new Error(`not defined on the page: ${seen.undefinedTags.join(', ')}`);
    if (seen.notReady.length) throw new Error(seen.notReady.join('; '));
    if (seen.headline !== HEADLINE)
      throw new Error(`headline is ${JSON.stringify(seen.headline)}, expected ${JSON.stringify(HEADLINE)}`);
    if (expect.viaProperty && seen.analysisTypes.some((type) => type !== 'object'))
      throw new Error(`element.analysis is ${seen.analysisTypes.join(', ')}, expected the object on each`);
    if (seen.analysisAttributes.length)
      throw new Error(`analysis was also set as an attribute: ${seen.analysisAttributes[0]!.slice(0, 60)}`);
    if (seen.headingLevel !== expect.headingLevel)
      throw new Error(`headline is at heading level ${seen.headingLevel}, expected ${expect.headingLevel}`);
    if (!expect.viaProperty && seen.dataScripts !== 1)
      throw new Error(`${seen.dataScripts} data scripts on the page, expected one shared by the elements`);
    if (problems.length) throw new Error(problems.join('; '));
    const summary = `${seen.count} ${seen.count === 1 ? 'element' : 'elements'} ready, headline at level ${seen.headingLevel}, ${
      expect.viaProperty ? 'analysis an object property' : 'one shared data script'
    }`;
    return { summary, scriptGzip: (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0) };
  } finally {
    await page.close();
    server.close();
  }
}

/** gzip -9 bytes of every .js file under `dir` (what a reader downloads of script, compressed). */
function scriptGzipBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.m?js$/.test(entry.name)) continue;
    total += gzipSync(readFileSync(join(entry.parentPath, entry.name)), { level: 9 }).length;
  }
  return total;
}

// ---------------------------------------------------------------- the consumers

type Consumer = {
  name: string;
  /** What to install beside the tarball. */
  deps: string[];
  /** Packages whose installed versions the report names. */
  report: string[];
  files: Record<string, string>;
  /** A file of deliberate type errors (`// expect TSnnnn` lines, checked by tsc), if any. */
  failFile?: string;
  /** The type check (command and args, from node_modules/.bin); default `tsc -p tsconfig.json`. */
  typecheck?: string[];
  /**
   * The framework's own checker on a file of deliberate errors: it must fail and name each of
   * `mustName` (for checkers whose output has no TS codes).
   */
  rejects?: { command: string[]; files: Record<string, string>; mustName: string[] };
  /** The build (from node_modules/.bin); default `vite build`. */
  build?: string[];
  /** Where the build writes the site; default dist. */
  out?: string;
  /** Files replaced for the baseline build: the same app without newsroom-widgets. */
  baseline: Record<string, string>;
  expect: RenderExpect;
  /** Fetches the sample from public/ (the vite-ts and React apps) instead of importing it. */
  publicSample?: boolean;
  /** What the built index.html must hold before any script runs (prerendered apps). */
  prerendered?: (html: string) => string | undefined;
  /** What the app needed beyond importing the element entries, for the report. */
  needed: string;
};

/** The headline as Lit SSR escapes text (the sample's has an apostrophe). */
const ESCAPED_HEADLINE = HEADLINE.replaceAll('&', '&amp;').replaceAll("'", '&#39;').replaceAll('"', '&quot;');

const CONSUMERS: Consumer[] = [
  {
    name: 'vite-ts',
    deps: [VITE, TYPESCRIPT],
    report: ['vite', 'typescript'],
    files: {
      'index.html': html('vite-ts consumer', '<nw-stance-card></nw-stance-card>', '/src/main.ts'),
      'src/main.ts': VITE_TS_MAIN,
      'fail/wrong-types.ts': VITE_TS_FAIL,
      'tsconfig.json': tsconfig(),
      'tsconfig.fail.json': FAIL_TSCONFIG,
      'vite.config.ts': VITE_CONFIG,
    },
    failFile: 'fail/wrong-types.ts',
    baseline: { 'src/main.ts': "document.body.dataset.ran = 'yes';\nexport {};\n" },
    expect: { headingLevel: '2', viaProperty: true, elements: 1 },
    publicSample: true,
    needed: 'nothing: the entries type querySelector and createElement',
  },
  {
    name: 'react',
    deps: [VITE, TYPESCRIPT, ...REACT],
    report: ['react', 'vite', 'typescript'],
    files: {
      'index.html': html('react consumer', '<div id="root"></div>', '/src/main.tsx'),
      'src/main.tsx': REACT_MAIN,
      'src/newsroom-widgets-jsx.d.ts': REACT_JSX_TYPES,
      'fail/wrong-props.tsx': REACT_FAIL,
      // fail/ needs the JSX augmentation too.
      'tsconfig.json': tsconfig({ jsx: 'react-jsx' }, ['src']),
      'tsconfig.fail.json': JSON.stringify(
        { extends: './tsconfig.json', include: ['fail', 'src/newsroom-widgets-jsx.d.ts'] },
        null,
        2,
      ),
      'vite.config.ts': REACT_VITE_CONFIG,
    },
    failFile: 'fail/wrong-props.tsx',
    baseline: {
      'src/main.tsx': `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<StrictMode><p>No widgets.</p></StrictMode>);
`,
      'src/newsroom-widgets-jsx.d.ts': 'export {};\n',
    },
    expect: { headingLevel: '2', viaProperty: true, elements: 1 },
    publicSample: true,
    needed: 'a JSX IntrinsicElements declaration (React 19 sets the properties itself)',
  },
  {
    name: 'vue',
    deps: VUE,
    report: ['vue', '@vitejs/plugin-vue', 'vue-tsc', 'vite', 'typescript'],
    files: {
      'index.html': html('vue consumer', '<div id="app"></div>', '/src/main.ts'),
      'src/main.ts': VUE_MAIN,
      'src/App.vue': VUE_APP,
      'src/newsroom-widgets-vue.d.ts': VUE_TYPES,
      'tsconfig.json': JSON.stringify(
        {
          ...JSON.parse(tsconfig({ resolveJsonModule: true, jsx: 'preserve' }, ['src/**/*.ts', 'src/**/*.vue'])),
          vueCompilerOptions: { strictTemplates: true },
        },
        null,
        2,
      ),
      'vite.config.ts': VUE_VITE_CONFIG,
    },
    typecheck: ['vue-tsc', '-p', 'tsconfig.json', '--noEmit', '--pretty', 'false'],
    rejects: {
      command: ['vue-tsc', '-p', 'tsconfig.fail.json', '--noEmit', '--pretty', 'false'],
      files: {
        'fail/Wrong.vue': VUE_FAIL,
        'tsconfig.fail.json': JSON.stringify(
          { extends: './tsconfig.json', include: ['fail/**/*.vue', 'src/newsroom-widgets-vue.d.ts'] },
          null,
          2,
        ),
      },
      mustName: ["'string' is not assignable to type 'number'", "'anlysis'"],
    },
    baseline: { 'src/main.ts': VUE_BASELINE_MAIN, 'src/App.vue': VUE_BASELINE_APP },
    expect: { headingLevel: '2', viaProperty: true, elements: 2 },
    needed: 'compilerOptions.isCustomElement, :analysis.prop, a GlobalComponents declaration for strictTemplates',
  },
  {
    name: 'svelte',
    deps: SVELTE,
    report: ['svelte', '@sveltejs/vite-plugin-svelte', 'svelte-check', 'vite', 'typescript'],
    files: {
      'index.html': html('svelte consumer', '<div id="app"></div>', '/src/main.ts'),
      'src/main.ts': SVELTE_MAIN,
      'src/App.svelte': SVELTE_APP,
      'src/newsroom-widgets-svelte.d.ts': SVELTE_TYPES,
      'tsconfig.json': SVELTE_TSCONFIG(),
      'vite.config.ts': SVELTE_VITE_CONFIG,
    },
    typecheck: ['svelte-check', '--tsconfig', './tsconfig.json', '--output', 'machine', '--fail-on-warnings'],
    rejects: {
      command: ['svelte-check', '--tsconfig', './tsconfig.fail.json', '--output', 'machine'],
      files: {
        'fail/Wrong.svelte': SVELTE_FAIL,
        'tsconfig.fail.json': JSON.stringify(
          {
            extends: './tsconfig.json',
            include: ['fail/**/*.svelte', 'src/newsroom-widgets-svelte.d.ts'],
          },
          null,
          2,
        ),
      },
      mustName: ["'number' is not assignable to type 'string'", "'7' is not assignable"],
    },
    baseline: { 'src/App.svelte': SVELTE_BASELINE_APP },
    expect: { headingLevel: '2', viaProperty: true, elements: 2 },
    needed: 'a SvelteHTMLElements declaration; nothing else (Svelte 5 sets properties on defined elements)',
  },
  {
    name: 'sveltekit',
    deps: SVELTEKIT,
    report: ['@sveltejs/kit', '@sveltejs/adapter-static', 'svelte', 'vite', 'typescript'],
    files: {
      'svelte.config.js': KIT_CONFIG,
      'vite.config.ts': KIT_VITE_CONFIG,
      'src/app.html': KIT_APP_HTML,
      'src/routes/+layout.ts': 'export const prerender = true;\n',
      'src/routes/+page.svelte': KIT_PAGE,
      'src/newsroom-widgets-svelte.d.ts': SVELTE_TYPES,
      'tsconfig.json': KIT_TSCONFIG,
    },
    typecheck: [
      'svelte-kit',
      'sync',
      '&&',
      'svelte-check',
      '--tsconfig',
      './tsconfig.json',
      '--output',
      'machine',
      '--fail-on-warnings',
    ],
    build: ['vite', 'build'],
    out: 'build',
    baseline: { 'src/routes/+page.svelte': SVELTE_BASELINE_APP },
    expect: { headingLevel: '2', viaProperty: true, elements: 2 },
    prerendered: (page) =>
      !/<nw-stance-card actor="claudia-sheinbaum" heading-level="2"/.test(page)
        ? 'the prerendered page has no <nw-stance-card actor=… heading-level="2">'
        : /<nw-[a-z-]+[^>]*\sanalysis=/.test(page)
          ? 'the prerendered page has an analysis attribute'
          : undefined,
    needed: 'the Svelte declaration; prerendered pages get the elements on hydration',
  },
  {
    name: 'astro',
    deps: ASTRO,
    report: ['astro', '@astrojs/check', 'vite', 'typescript'],
    files: {
      'astro.config.mjs': ASTRO_CONFIG,
      'src/pages/index.astro': ASTRO_PAGE,
      'tsconfig.json': ASTRO_TSCONFIG,
    },
    typecheck: ['astro', 'check', '--minimumSeverity', 'warning'],
    build: ['astro', 'build', '--silent'],
    baseline: { 'src/pages/index.astro': ASTRO_BASELINE_PAGE },
    expect: { headingLevel: '3', viaProperty: false, elements: 2 },
    // Readable without JavaScript: the content in declarative shadow roots, the data once.
    prerendered: (page) =>
      (page.match(/shadowrootmode="open"/g)?.length ?? 0) < 2
        ? 'fewer than two declarative shadow roots'
        : !page.includes(ESCAPED_HEADLINE) && !page.includes(HEADLINE)
          ? "the stance card's headline is not in the page"
          : page.match(/<script type="application\/json"/g)?.length !== 1
            ? 'not exactly one data script'
            : undefined,
    needed: 'renderHtml through <Fragment set:html>, one renderDataScript for both, a plain <script> import',
  },
  {
    name: 'angular',
    deps: ANGULAR,
    report: ['@angular/core', '@angular/build', 'typescript'],
    files: {
      'angular.json': ANGULAR_JSON,
      'tsconfig.json': ANGULAR_TSCONFIG,
      'src/index.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>angular consumer</title><base href="/"><link rel="icon" href="data:,"></head>
<body><app-root></app-root></body></html>
`,
      'src/main.ts': ANGULAR_MAIN,
      'src/app.ts': ANGULAR_COMPONENT,
    },
    typecheck: ['ngc', '-p', 'tsconfig.json'],
    rejects: {
      // The same component without the schema: what the README says the schema is for.
      command: ['ngc', '-p', 'tsconfig.fail.json'],
      files: {
        'fail/main.ts': ANGULAR_MAIN,
        'fail/app.ts': ANGULAR_COMPONENT.replace(
          "import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';",
          "import { Component } from '@angular/core';",
        ).replace('  schemas: [CUSTOM_ELEMENTS_SCHEMA],\n', ''),
        'tsconfig.fail.json': JSON.stringify({ extends: './tsconfig.json', files: ['fail/main.ts'] }, null, 2),
      },
      mustName: ['NG8001', "'nw-summary' is not a known element"],
    },
    build: ['ng', 'build'],
    out: 'dist/browser',
    baseline: { 'src/app.ts': ANGULAR_BASELINE_COMPONENT },
    expect: { headingLevel: '2', viaProperty: true, elements: 2 },
    needed: 'schemas: [CUSTOM_ELEMENTS_SCHEMA] (else NG8001), [analysis] binding',
  },
];

/** Runs a node_modules/.bin command line; `&&` chains two. */
async function bin(dir: string, args: string[], timeout?: number): Promise<Run> {
  const split = args.indexOf('&&');
  if (split >= 0) {
    const first = await bin(dir, args.slice(0, split), timeout);
    return first.code === 0 ? bin(dir, args.slice(split + 1), timeout) : first;
  }
  const [command, ...rest] = args;
  return run(join(dir, 'node_modules/.bin', command!), rest, dir, timeout);
}

async function mustBin(dir: string, args: string[], timeout?: number): Promise<string> {
  const { code, output } = await bin(dir, args, timeout);
  if (code !== 0) throw new Error(`\`${args.join(' ')}\` exited ${code}: ${tail(output)}`);
  return output;
}

type Measured = {
  name: string;
  versions: string;
  build: string;
  /** Every script file the build wrote, over the app without the elements (gzip -9). */
  addedGzip?: number;
  /** The part of it an English page downloads (the other languages load on demand). */
  loadedGzip?: number;
  needed: string;
  seconds: number;
};
const measured: Measured[] = [];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function consumer(spec: Consumer, tarball: string | undefined, scratch: string): Promise<void> {
  const t0 = performance.now();
  const dir = join(scratch, spec.name);
  const step = (what: string) => `${spec.name}: ${what}`;
  const steps = [
    'type-checks',
    ...(spec.failFile || spec.rejects ? ['rejects wrong types'] : []),
    'builds',
    'renders in Chromium',
  ];
  const record: Measured = { name: spec.name, versions: '', build: 'not built', needed: spec.needed, seconds: 0 };
  measured.push(record);
  if (!tarball) {
    for (const what of ['npm install', ...steps]) skip(step(what), 'npm pack failed');
    return;
  }
  const installed = await check(step('npm install'), async () => {
    mkdirSync(dir, { recursive: true });
    write(dir, {
      'package.json': `${JSON.stringify({ name: `nw-consumer-${spec.name}`, private: true, type: 'module' }, null, 2)}\n`,
      ...spec.files,
    });
    if (spec.publicSample) {
      mkdirSync(join(dir, 'public'), { recursive: true });
      cpSync(SAMPLE_PATH, join(dir, 'public', SAMPLE_FILE));
    }
    // --prefer-offline: the npm cache answers for what it has (the second run installs in seconds).
    await mustRun(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline', tarball, ...spec.deps],
      dir,
      600_000,
    );
    const version = (name: string) =>
      (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
        .version;
    record.versions = spec.report.map((name) => `${name} ${version(name)}`).join(', ');
    return ['newsroom-widgets', ...spec.report].map((name) => `${name}@${version(name)}`).join(' ');
  });
  if (!installed) {
    for (const what of steps) skip(step(what), 'npm install failed');
    return;
  }
  await check(step('type-checks'), async () => {
    if (!spec.typecheck) return typecheckClean(dir);
    const { code, output } = await bin(dir, spec.typecheck, 300_000);
    if (code !== 0) throw new Error(`\`${spec.typecheck.join(' ')}\` exited ${code}: ${tail(output, 12)}`);
  });
  if (spec.failFile)
    await check(step('rejects wrong types'), () => expectTypeErrors(dir, spec.failFile!, spec.files[spec.failFile!]!));
  if (spec.rejects) {
    const { command, files, mustName } = spec.rejects;
    await check(step('rejects wrong types'), async () => {
      write(dir, files);
      const { code, output } = await bin(dir, command, 300_000);
      if (code === 0) throw new Error(`\`${command.join(' ')}\` passed on deliberate type errors`);
      const unnamed = mustName.filter((text) => !output.includes(text));
      if (unnamed.length) throw new Error(`exited ${code} without naming ${unnamed.join(', ')}: ${tail(output, 12)}`);
      return `exited ${code}, naming ${mustName.length} errors`;
    });
  }
  const out = join(dir, spec.out ?? 'dist');
  const build = spec.build ?? ['vite', 'build'];
  let baseline = 0;
  const built = await check(step('builds'), async () => {
    // The same app without newsroom-widgets first, to measure what the elements add.
    const real = Object.fromEntries(
      Object.keys(spec.baseline).map((path) => [path, readFileSync(join(dir, path), 'utf8')]),
    );
    write(dir, spec.baseline);
    await mustBin(dir, build, 300_000);
    baseline = scriptGzipBytes(out);
    rmSync(out, { recursive: true, force: true });
    write(dir, real);
    await mustBin(dir, build, 300_000);
    if (spec.publicSample && !existsSync(join(out, SAMPLE_FILE)))
      throw new Error(`${spec.out ?? 'dist'}/${SAMPLE_FILE} missing (public/ not copied)`);
    if (spec.prerendered) {
      const problem = spec.prerendered(readFileSync(join(out, 'index.html'), 'utf8'));
      if (problem) throw new Error(`${spec.out ?? 'dist'}/index.html: ${problem}`);
    }
    record.addedGzip = scriptGzipBytes(out) - baseline;
    record.build = 'built';
    return `${kb(record.addedGzip)} of script (gzip -9) over the same app without the elements`;
  });
  if (!built) {
    record.build = 'build failed';
    skip(step('renders in Chromium'), 'the build failed');
    return;
  }
  const rendered = await check(step('renders in Chromium'), async () => {
    const { summary, scriptGzip } = await renderCheck(out, spec.expect);
    record.loadedGzip = scriptGzip - baseline;
    return `${summary}; ${kb(record.loadedGzip)} of script loaded (gzip -9) over the same app without the elements`;
  });
  if (spec.name === 'vite-ts') {
    // The README's CLI example, outside a clone: the sample ships in the package.
    await check(step('npx newsroom-widgets validate (the packaged sample)'), async () => {
      const { code, output } = await run(
        'npx',
        ['--no-install', 'newsroom-widgets', 'validate', `node_modules/newsroom-widgets/data/${SAMPLE_FILE}`],
        dir,
      );
      if (code !== 0) throw new Error(`exited ${code}: ${tail(output)}`);
      return output.trim();
    });
  }
  record.build = rendered ? 'built, renders' : 'built, render FAILED';
  record.seconds = (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), 'nw-consumers-'));
  if (scratch.startsWith(REPO + sep)) throw new Error(`scratch dir ${scratch} is inside the repo`);
  // ONLY=vue,astro runs those alone; TARBALL=path skips the pack (both for working on one recipe).
  const only = process.env.ONLY?.split(',').filter(Boolean);
  let tarball: string | undefined = process.env.TARBALL;
  try {
    await check('README shows every recipe as tested', async () => {
      const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
      const missing = Object.entries(README_RECIPES)
        .filter(([, source]) => !readme.includes(`\n${source}\`\`\``))
        .map(([name]) => name);
      if (missing.length) throw new Error(`README.md has no code block with exactly ${missing.join(', ')}`);
      return `${Object.keys(README_RECIPES).length} code blocks`;
    });
    if (!tarball)
      await check('npm pack', async () => {
        const packDir = join(scratch, 'pack');
        mkdirSync(packDir);
        // `npm pack` runs `prepack` (the build), so the tarball holds a fresh dist/.
        await mustRun('npm', ['pack', '--pack-destination', packDir, '--loglevel=error'], REPO, 300_000);
        const found = readdirSync(packDir).filter((file) => file.endsWith('.tgz'));
        if (found.length !== 1)
          throw new Error(`expected one tarball in ${packDir}, found ${found.join(', ') || 'none'}`);
        tarball = join(packDir, found[0]!);
        const listing = await mustRun('tar', ['-tzf', tarball], scratch);
        for (const needed of [
          'package/dist/nw-stance-card.js',
          'package/dist/schema.js',
          'package/dist/analysis.schema.json',
          `package/data/${SAMPLE_FILE}`,
          'package/custom-elements.json',
          'package/package.json',
        ]) {
          if (!listing.split('\n').includes(needed)) throw new Error(`${needed} is not in the tarball`);
        }
        return `${found[0]} (${listing.trim().split('\n').length} files)`;
      });
    for (const spec of CONSUMERS) if (!only || only.includes(spec.name)) await consumer(spec, tarball, scratch);
  } finally {
    await browser?.close();
    if (KEEP) console.error(`kept scratch projects in ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }

  const width = Math.max(...results.map((result) => result.name.length));
  console.log(`\n| ${'check'.padEnd(width)} | result | time   |\n| ${'-'.repeat(width)} | ------ | ------ |`);
  for (const result of results) {
    console.log(
      `| ${result.name.padEnd(width)} | ${result.ok ? 'pass  ' : 'FAIL  '} | ${seconds(result.ms).padStart(6)} |`,
    );
  }
  console.log(
    '\n| app | versions | build | script added, loaded / built (gzip -9) | time | needed |\n| --- | --- | --- | --- | --- | --- |',
  );
  for (const app of measured) {
    console.log(
      `| ${app.name} | ${app.versions} | ${app.build} | ${app.loadedGzip === undefined ? '—' : kb(app.loadedGzip)} / ${app.addedGzip === undefined ? '—' : kb(app.addedGzip)} | ${app.seconds.toFixed(0)} s | ${app.needed} |`,
    );
  }
  console.log(`total ${seconds(performance.now() - t0)}`);
  const failed = results.filter((result) => !result.ok);
  if (failed.length) {
    const first = failed[0]!;
    console.log(`consumers: ${first.name} failed: ${first.detail}`);
    process.exitCode = 1;
  }
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
}

// Only when run (`tsx test/consumers/run.ts`), not when imported for its recipes.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((error: unknown) => {
    console.log(`consumers: ${error instanceof Error ? error.message : String(error)}`);
    console.log(
      `${results.filter((result) => result.ok).length} passed, ${results.filter((result) => !result.ok).length + 1} failed`,
    );
    process.exitCode = 1;
  });
