/**
 * What the page-level tests for issue 8 (csp, two-versions, leaks) share: a tiny HTTP server
 * on an ephemeral port that answers from a route function and counts requests still open,
 * a headless Chromium, the npm build (dist/*.js) bundled the way a site's bundler would, and
 * a few ways to look into a page.
 *
 * Page-side code is passed as strings, or as functions with no named inner functions: tsx
 * would wrap those in a helper the page does not have. Polling uses evaluate, not
 * `waitForFunction`, which builds its predicate with `new Function` (refused by a strict CSP).
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../../scripts/browser.mjs';

export const TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
} as const;

export interface Reply {
  status?: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** Answers a request, or returns undefined for a 404. May answer late (a promise), or never. */
export type Route = (
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
) => Reply | undefined | Promise<Reply | undefined>;

export interface StaticServer {
  origin: string;
  /** Every request's path and query, in arrival order. */
  requested: string[];
  /** Requests whose connection is still open: not answered yet, nor aborted by the browser. */
  open(): number;
  close(): Promise<void>;
}

export async function serve(route: Route): Promise<StaticServer> {
  const requested: string[] = [];
  let open = 0;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    requested.push(`${url.pathname}${url.search}`);
    open++;
    // 'close' fires once per response, whether it was answered or the browser hung up first.
    response.once('close', () => open--);
    void Promise.resolve(route(url, request, response)).then((reply) => {
      if (response.writableEnded || response.destroyed) return; // answered by the route itself, or gone
      const {
        status = 200,
        type,
        body,
        headers = {},
      } = reply ?? { status: 404, type: 'text/plain', body: 'not found' };
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requested,
    open: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // keep-alive sockets and requests left hanging would hold close() up
        server.close(() => resolve());
      }),
  };
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Fails early, with the fix, when the build these tests read is not there. */
export function requireBuilt(...files: string[]): void {
  for (const file of files) if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
}

/**
 * The npm build as a site uses it: `dist/define.js` (Lit, @lit/task and zod left as imports)
 * bundled with Vite into one ES module, dependencies resolved from node_modules. Browsers
 * could load dist/ as it is only through an import map, an inline script a strict CSP
 * forbids (and an external import map is not supported); a bundle is what sites ship anyway.
 */
export async function bundleNpmBuild(): Promise<string> {
  requireBuilt('dist/define.js');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      sourcemap: false,
      target: 'es2022',
      lib: { entry: 'dist/define.js', formats: ['es'], fileName: () => 'app.js' },
      rolldownOptions: { external: [], output: { codeSplitting: false } },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = result && 'output' in result ? result.output.find((item) => item.type === 'chunk') : undefined;
  if (!chunk || chunk.type !== 'chunk') throw new Error('bundling dist/define.js produced no script');
  return chunk.code;
}

/** A new tab that records uncaught errors, console errors and console warnings. */
export async function openTab(browser: Browser, url: string) {
  const tab = await browser.newPage();
  const problems: string[] = [];
  const warnings: string[] = [];
  tab.on('pageerror', (error) => problems.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url ?? ''})`);
    if (message.type() === 'warn') warnings.push(message.text());
  });
  await tab.goto(url, { waitUntil: 'load' });
  return { tab, problems, warnings };
}

/** Polls until `expression` (page-side JS) is truthy. */
export async function until(tab: Page, expression: string, what: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await tab.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Page-side: every nw-* element, in the page and in other elements' shadow roots, as `tag: state`. */
export const STATES_JS = `(() => {
  const found = [];
  const roots = [document];
  for (let root = roots.pop(); root; root = roots.pop()) {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName.startsWith('nw-')) found.push(element.localName + ': ' + element.getAttribute('state'));
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  return found;
})()`;

/** Waits until at least `count` elements are on the page and none is loading; returns their states. */
export async function settled(tab: Page, count: number): Promise<string[]> {
  await until(
    tab,
    `${STATES_JS}.length >= ${count} && ${STATES_JS}.every((entry) => !/: (loading|null)$/.test(entry))`,
    'every element settled',
  );
  return (await tab.evaluate(STATES_JS)) as string[];
}

/**
 * A reader's click on an element in `host`'s shadow root, at the middle of what it shows.
 * Citation markers are `line-height: 0` buttons (a superscript must not stretch its line):
 * their box has no height, their text does, and the text is what a reader clicks.
 */
export async function click(tab: Page, host: string, selector: string): Promise<void> {
  const point = await tab.evaluate(
    ([hostSelector, inner]) => {
      const element = document.querySelector(hostSelector!)?.shadowRoot?.querySelector(inner!);
      if (!element) return null;
      element.scrollIntoView({ block: 'center' });
      let rect = element.getBoundingClientRect();
      if (rect.height === 0) {
        const range = document.createRange();
        range.selectNodeContents(element);
        rect = range.getBoundingClientRect();
      }
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    },
    [host, selector],
  );
  if (!point) throw new Error(`no ${selector} in ${host}`);
  await tab.mouse.click(point.x, point.y);
}

/** Clicks the first `<nw-cite>`'s marker as a reader would, and waits until its popover is open. */
export async function openCitePopover(tab: Page): Promise<void> {
  await click(tab, 'nw-cite', 'button.cite');
  await until(
    tab,
    `document.querySelector('nw-cite').shadowRoot.querySelector('.popover:popover-open') !== null`,
    'the popover',
  );
}

/** The text of the first `selector` in `host`'s shadow root, whitespace squashed; null when there is none. */
export const shadowText = (tab: Page, host: string, selector: string) =>
  tab.evaluate(
    ([hostSelector, inner]) =>
      document
        .querySelector(hostSelector!)
        ?.shadowRoot?.querySelector(inner!)
        ?.textContent?.replace(/\s+/g, ' ')
        .trim() ?? null,
    [host, selector],
  );

/** How many `selector` are in `host`'s shadow root; -1 when there is no such host or root. */
export const shadowCount = (tab: Page, host: string, selector: string) =>
  tab.evaluate(
    ([hostSelector, inner]) => document.querySelector(hostSelector!)?.shadowRoot?.querySelectorAll(inner!).length ?? -1,
    [host, selector],
  );
