/**
 * Packaging test (issue 6): the package as npm would publish it, installed into scratch
 * projects outside the repo, the way a newsroom's own front-end would use it.
 *
 *   npx tsx test/consumers/run.ts
 *
 * 1. `npm pack` (runs `prepare`, i.e. the build) into a temp dir.
 * 2. Two scratch projects under os.tmpdir(), each installing the tarball from npm's registry
 *    alongside vite 8 and typescript 7:
 *    - vite-ts: a Vite + TypeScript page importing `newsroom-widgets/nw-stance-card` and
 *      `newsroom-widgets/schema`, setting `actor` and `analysis` on the element typed through
 *      HTMLElementTagNameMap. `tsc` must pass on it and must FAIL, with the expected codes on
 *      the expected lines, on a file of deliberate type errors.
 *    - react: a React 19 page rendering `<nw-stance-card actor=… analysis={data}>`; React 19
 *      sets properties on custom elements, so the card only reaches "ready" if `analysis`
 *      arrived as an object property. JSX typing comes from a module augmentation consumers
 *      write themselves (see REACT_JSX_TYPES below).
 *    Each is type-checked with Vite's own template tsconfig, built with `vite build`, served
 *    from node:http and opened in headless Chromium: the card must reach state="ready", show
 *    Sheinbaum's headline from the sample in its shadow DOM, with no page or console errors.
 * 3. Scratch dirs are removed (KEEP=1 keeps them and prints where they are).
 *
 * The consumer apps' sources are template strings here, not files, so the repo's
 * `tsc -p .` (which includes test/) never sees them. Last line: "N passed, N failed".
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Opens the built page; the card must be ready, titled with the sample's headline, error-free. */
async function renderCheck(distDir: string, extra?: string): Promise<string> {
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
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    await page.goto(`${origin}/`, { waitUntil: 'load', timeout: 30_000 });
    try {
      await page.waitForFunction(
        () =>
          ['ready', 'error'].includes(document.querySelector('nw-stance-card')?.getAttribute('state') ?? '') ||
          document.body.dataset.error,
        { timeout: 15_000 },
      );
    } catch {
      throw new Error(
        `the card never settled (state=${await page.evaluate(() => document.querySelector('nw-stance-card')?.getAttribute('state') ?? 'no element')}) ${problems.join('; ')}`,
      );
    }
    const seen = await page.evaluate(() => {
      const card = document.querySelector('nw-stance-card') as (HTMLElement & { analysis?: unknown }) | null;
      const root = card?.shadowRoot;
      const headline = root?.querySelector('[part~="headline"]');
      return {
        defined: Boolean(customElements.get('nw-stance-card')),
        state: card?.getAttribute('state') ?? null,
        analysisType: typeof card?.analysis,
        analysisAttribute: card?.getAttribute('analysis') ?? null,
        headingLevel: headline?.getAttribute('aria-level') ?? headline?.tagName.match(/^H(\d)$/)?.[1] ?? null,
        headline: headline?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
        error:
          root?.querySelector('[part~="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ??
          document.body.dataset.error ??
          null,
      };
    });
    if (!seen.defined) throw new Error('nw-stance-card is not defined on the page');
    if (seen.state !== 'ready') throw new Error(`state=${seen.state}: ${seen.error ?? 'no error text'}`);
    if (seen.headline !== HEADLINE)
      throw new Error(`headline is ${JSON.stringify(seen.headline)}, expected ${JSON.stringify(HEADLINE)}`);
    if (seen.analysisType !== 'object')
      throw new Error(`element.analysis is a ${seen.analysisType}, expected the object`);
    if (seen.analysisAttribute !== null)
      throw new Error(`analysis was also set as an attribute: ${seen.analysisAttribute.slice(0, 60)}`);
    if (seen.headingLevel !== '2')
      throw new Error(`headline is at heading level ${seen.headingLevel}, expected 2 from headingLevel=2`);
    if (problems.length) throw new Error(problems.join('; '));
    return `state=ready, headline at level 2, analysis is an object property${extra ? `, ${extra}` : ''}`;
  } finally {
    await page.close();
    server.close();
  }
}

// ---------------------------------------------------------------- the consumers

type Consumer = {
  name: string;
  deps: string[];
  files: Record<string, string>;
  failFile: string;
};

const CONSUMERS: Consumer[] = [
  {
    name: 'vite-ts',
    deps: [VITE, TYPESCRIPT],
    files: {
      'index.html': html('vite-ts consumer', '<nw-stance-card></nw-stance-card>', '/src/main.ts'),
      'src/main.ts': VITE_TS_MAIN,
      'fail/wrong-types.ts': VITE_TS_FAIL,
      'tsconfig.json': tsconfig(),
      'tsconfig.fail.json': FAIL_TSCONFIG,
      'vite.config.ts': VITE_CONFIG,
    },
    failFile: 'fail/wrong-types.ts',
  },
  {
    name: 'react',
    deps: [VITE, TYPESCRIPT, ...REACT],
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
  },
];

async function consumer(spec: Consumer, tarball: string | undefined, scratch: string): Promise<void> {
  const dir = join(scratch, spec.name);
  const step = (what: string) => `${spec.name}: ${what}`;
  if (!tarball) {
    for (const what of ['npm install', 'tsc passes', 'tsc rejects wrong types', 'vite build', 'renders in Chromium'])
      skip(step(what), 'npm pack failed');
    return;
  }
  const installed = await check(step('npm install'), async () => {
    mkdirSync(dir, { recursive: true });
    write(dir, {
      'package.json': `${JSON.stringify({ name: `nw-consumer-${spec.name}`, private: true, type: 'module' }, null, 2)}\n`,
      ...spec.files,
    });
    mkdirSync(join(dir, 'public'), { recursive: true });
    cpSync(SAMPLE_PATH, join(dir, 'public', SAMPLE_FILE));
    await mustRun(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...spec.deps],
      dir,
      300_000,
    );
    const version = (name: string) =>
      (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
        .version;
    return ['newsroom-widgets', 'vite', 'typescript', ...(spec.name === 'react' ? ['react'] : [])]
      .map((name) => `${name}@${version(name)}`)
      .join(' ');
  });
  if (!installed) {
    for (const what of ['tsc passes', 'tsc rejects wrong types', 'vite build', 'renders in Chromium'])
      skip(step(what), 'npm install failed');
    return;
  }
  await check(step('tsc passes'), () => typecheckClean(dir));
  await check(step('tsc rejects wrong types'), () => expectTypeErrors(dir, spec.failFile, spec.files[spec.failFile]!));
  const built = await check(step('vite build'), async () => {
    await mustRun(join(dir, 'node_modules/.bin/vite'), ['build'], dir, 180_000);
    const assets = readdirSync(join(dir, 'dist', 'assets')).filter((file) => file.endsWith('.js'));
    if (!existsSync(join(dir, 'dist', SAMPLE_FILE)))
      throw new Error(`dist/${SAMPLE_FILE} missing (public/ not copied)`);
    return `${assets.length} JS chunk(s)`;
  });
  if (!built) {
    skip(step('renders in Chromium'), 'vite build failed');
    return;
  }
  await check(step('renders in Chromium'), () => renderCheck(join(dir, 'dist')));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), 'nw-consumers-'));
  if (scratch.startsWith(REPO + sep)) throw new Error(`scratch dir ${scratch} is inside the repo`);
  let tarball: string | undefined;
  try {
    await check('npm pack', async () => {
      const packDir = join(scratch, 'pack');
      mkdirSync(packDir);
      // `npm pack` runs `prepare` (the build), so the tarball holds a fresh dist/.
      await mustRun('npm', ['pack', '--pack-destination', packDir, '--loglevel=error'], REPO, 300_000);
      const found = readdirSync(packDir).filter((file) => file.endsWith('.tgz'));
      if (found.length !== 1)
        throw new Error(`expected one tarball in ${packDir}, found ${found.join(', ') || 'none'}`);
      tarball = join(packDir, found[0]!);
      const listing = await mustRun('tar', ['-tzf', tarball], scratch);
      for (const needed of [
        'package/dist/nw-stance-card.js',
        'package/dist/schema.js',
        'package/custom-elements.json',
        'package/package.json',
      ]) {
        if (!listing.split('\n').includes(needed)) throw new Error(`${needed} is not in the tarball`);
      }
      return `${found[0]} (${listing.trim().split('\n').length} files)`;
    });
    for (const spec of CONSUMERS) await consumer(spec, tarball, scratch);
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
  console.log(`total ${seconds(performance.now() - t0)}`);
  const failed = results.filter((result) => !result.ok);
  if (failed.length) {
    const first = failed[0]!;
    console.log(`consumers: ${first.name} failed: ${first.detail}`);
    process.exitCode = 1;
  }
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
}

main().catch((error: unknown) => {
  console.log(`consumers: ${error instanceof Error ? error.message : String(error)}`);
  console.log(
    `${results.filter((result) => result.ok).length} passed, ${results.filter((result) => !result.ok).length + 1} failed`,
  );
  process.exitCode = 1;
});
