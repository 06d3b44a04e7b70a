/**
 * Static HTML from the built `newsroom-widgets render` command, in headless Chromium, the way
 * a reader gets it from a CMS page: first with JavaScript off (the content is there, laid
 * out), then with the script-tag build (dist/cdn) loading after the page has painted: the
 * elements become interactive, read their inline data without a request, and nothing moves.
 *
 * Under a strict Content-Security-Policy (no `'unsafe-inline'` styles) the same renders with
 * `--stylesheet`: each shadow root links the file `--write-stylesheet` writes, so the content
 * is styled exactly as with the inline styles, JavaScript off and on, with no violation.
 *
 * Run after `npm run build`. `RENDER_SCREENSHOTS=dir` also saves what JavaScript-off readers
 * see at 320 and 1000 px wide.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../../scripts/browser.mjs';

const CLI = 'bin/newsroom-widgets.js';
const CDN = 'dist/cdn/newsroom-widgets.js';
const SAMPLE_PATH = 'data/mexico-us-deployment.json';
const SAMPLE = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')) as {
  question: string;
  summary: string;
  stances: { actor: string; headline: string }[];
  sources: { title: string }[];
};
if (!existsSync('dist/cli.js') || !existsSync(CDN)) throw new Error('dist is missing: run `npm run build` first');

const render = (...args: string[]) => execFileSync('node', [CLI, 'render', SAMPLE_PATH, ...args], { encoding: 'utf8' });

interface Case {
  name: string;
  element: string;
  args: string[];
  /** Text a reader must see inside the element (its shadow root) with JavaScript off. */
  shows: string[];
}

const CASES: Case[] = [
  {
    name: 'analysis',
    element: 'nw-analysis',
    args: [],
    shows: [SAMPLE.question, 'Contents', SAMPLE.stances[1]!.headline, 'Sources'],
  },
  {
    name: 'analysis-es',
    element: 'nw-analysis',
    args: ['--lang', 'es'],
    shows: [SAMPLE.question, 'Contenido', 'Fuentes', 'En contra'],
  },
  { name: 'summary', element: 'nw-summary', args: [], shows: [SAMPLE.question, 'Key points'] },
  {
    name: 'stance-card',
    element: 'nw-stance-card',
    args: ['--actor', 'claudia-sheinbaum'],
    shows: ['Claudia Sheinbaum', 'Opposes', SAMPLE.stances[1]!.headline],
  },
  {
    name: 'stance-card-es',
    element: 'nw-stance-card',
    args: ['--actor', 'claudia-sheinbaum', '--lang', 'es'],
    shows: ['En contra', 'Confianza', '8 de agosto de 2025'],
  },
  { name: 'stances', element: 'nw-stances', args: [], shows: SAMPLE.stances.map((stance) => stance.headline) },
  { name: 'source-list', element: 'nw-source-list', args: [], shows: ['Sources', SAMPLE.sources[0]!.title] },
  { name: 'timeline', element: 'nw-timeline', args: [], shows: ['8 statements', 'February 2025'] },
];

const PAGE_CSS = 'body { font: 17px/1.5 Georgia, serif; margin: 0 auto; padding: 16px; max-width: 60rem; }';

/** A plain article page around a snippet; `script` adds the CDN build at the end of the body. */
/** The article around a snippet: a paragraph before and after it, and the module script if asked. */
const articleBody = (snippet: string, script: boolean) => `<body>
<h1>A newsroom article</h1>
<p id="before">The paragraph before the embed.</p>
${snippet}
<p id="after">The paragraph after the embed.</p>
${script ? '<script type="module" src="/cdn/newsroom-widgets.js"></script>' : ''}
</body></html>`;

const page = (snippet: string, { script = false, lang = 'en' } = {}) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>static render</title><link rel="icon" href="data:,">
<style>${PAGE_CSS}</style>
</head>${articleBody(snippet, script)}`;

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const STYLESHEET = '/newsroom-widgets.css';
const SLOW_STYLESHEET = '/slow/newsroom-widgets.css';
/** Runs first: records every CSP violation, from inside shadow roots too (the event is composed). */
const LISTENER_JS = `window.cspViolations = [];
addEventListener('securitypolicyviolation', (event) => {
  cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline'));
}, true);`;

/** An article page served with STRICT_CSP (paths under /csp/): no inline script or style of its own. */
const cspPage = (snippet: string, { script = false, head = '' } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>static render, strict CSP</title><link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/csp/page.css">${head}
<script src="/csp/listener.js"></script>
</head>${articleBody(snippet, script)}`;

const PAGES = new Map<string, string>();
const requested: string[] = [];
let server: Server;
let browser: Browser;
let origin: string;

before(async () => {
  for (const c of CASES) {
    const snippet = render('--element', c.element, ...c.args);
    PAGES.set(`/${c.name}.html`, page(snippet, { lang: c.args.includes('es') ? 'es' : 'en' }));
    PAGES.set(`/${c.name}-with-script.html`, page(snippet, { script: true }));
  }
  const css = join(mkdtempSync(join(tmpdir(), 'nw-render-css-')), 'newsroom-widgets.css');
  execFileSync('node', [CLI, 'render', '--write-stylesheet', css]);
  PAGES.set(STYLESHEET, readFileSync(css, 'utf8'));
  PAGES.set('/csp/listener.js', LISTENER_JS);
  PAGES.set('/csp/page.css', PAGE_CSS);
  for (const c of CASES) {
    const linked = render('--element', c.element, ...c.args, '--stylesheet', STYLESHEET);
    PAGES.set(`/csp/${c.name}.html`, cspPage(linked));
    PAGES.set(`/csp/${c.name}-with-script.html`, cspPage(linked, { script: true }));
  }
  // The stylesheet slow to arrive, linked in <head> as well as from the shadow roots.
  for (const head of [false, true]) {
    const linked = render(
      '--element',
      'nw-stance-card',
      '--actor',
      'claudia-sheinbaum',
      '--stylesheet',
      SLOW_STYLESHEET,
    );
    PAGES.set(
      `/csp/slow-stylesheet${head ? '-in-head' : ''}.html`,
      cspPage(linked, { head: head ? `<link rel="stylesheet" href="${SLOW_STYLESHEET}">` : '' }),
    );
  }
  // The control: the inline-style render under the same policy.
  PAGES.set(
    '/csp/inline-stance-card.html',
    cspPage(render('--element', 'nw-stance-card', '--actor', 'claudia-sheinbaum')),
  );
  PAGES.set(
    '/csp/inline-stance-card-with-script.html',
    cspPage(render('--element', 'nw-stance-card', '--actor', 'claudia-sheinbaum'), { script: true }),
  );
  PAGES.set(
    '/src.html',
    page(render('--element', 'nw-stance-card', '--actor', 'claudia-sheinbaum', '--src', '/data/sample.json')),
  );
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requested.push(path);
    const send = (status: number, type: string, body: string | Buffer) =>
      response
        .writeHead(status, {
          'content-type': type,
          ...(path.startsWith('/csp/') ? { 'content-security-policy': STRICT_CSP } : {}),
        })
        .end(body);
    if (path === STYLESHEET || path === '/csp/page.css') send(200, 'text/css; charset=utf-8', PAGES.get(path)!);
    else if (path.endsWith('.js') && PAGES.has(path)) send(200, 'text/javascript', PAGES.get(path)!);
    else if (PAGES.has(path)) send(200, 'text/html; charset=utf-8', PAGES.get(path)!);
    else if (path === SLOW_STYLESHEET)
      setTimeout(() => send(200, 'text/css; charset=utf-8', PAGES.get(STYLESHEET)!), 500);
    else if (path === '/favicon.ico') send(204, 'image/x-icon', '');
    else if (path === '/cdn/newsroom-widgets.js') send(200, 'text/javascript', readFileSync(CDN));
    // The data is slow: served content must stay on screen while it loads.
    else if (path === '/data/sample.json')
      setTimeout(() => send(200, 'application/json', readFileSync(SAMPLE_PATH)), 400);
    else send(404, 'text/plain', 'not found');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

async function open(path: string, { javascript = true, width = 1000 } = {}) {
  const tab = await browser.newPage();
  await tab.setViewport({ width, height: 900 });
  await tab.setJavaScriptEnabled(javascript);
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  requested.length = 0;
  await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
  return { tab, errors };
}

/**
 * What the element shows: the text of its shadow root and of the shadow roots inside it
 * (composed elements), its size, and its first line of text's height. No named functions
 * inside page code: tsx would wrap them in a helper the page does not have.
 */
const shown = (tab: Page, tag: string) =>
  tab.$eval(tag, (element) => {
    const texts: string[] = [];
    const stack: Element[] = [element];
    while (stack.length) {
      const root = stack.pop()!.shadowRoot;
      if (!root) continue;
      texts.push(root.textContent ?? '');
      stack.push(...root.querySelectorAll('*'));
    }
    const box = element.getBoundingClientRect();
    const firstText = element.shadowRoot?.querySelector('h2, p, li');
    return {
      text: texts.join('\n').replace(/\s+/g, ' '),
      height: box.height,
      state: element.getAttribute('state'),
      firstTextHeight: firstText?.getBoundingClientRect().height ?? 0,
    };
  });

type Box = { x: number; y: number; width: number; height: number };
/** Boxes of the element, the paragraph after it, and the first heading and paragraph inside it. */
const boxes = (tab: Page, tag: string) =>
  tab.evaluate((selector: string) => {
    const element = document.querySelector(selector)!;
    const root = element.shadowRoot;
    const nodes = {
      element,
      after: document.getElementById('after'),
      heading: root?.querySelector('h2, [role="heading"], .heading'),
      text: root?.querySelector('p'),
    };
    return Object.fromEntries(
      Object.entries(nodes).map(([key, node]) => {
        if (!node) return [key, null];
        const { x, y, width, height } = node.getBoundingClientRect();
        return [key, { x, y, width, height }];
      }),
    );
  }, tag) as Promise<Record<string, Box | null>>;

const maxShift = (a: Record<string, Box | null>, b: Record<string, Box | null>) =>
  Math.max(
    ...Object.keys(a).flatMap((key) => {
      const [p, q] = [a[key], b[key]];
      if (!p || !q) return [p === q ? 0 : Infinity];
      return [Math.abs(p.x - q.x), Math.abs(p.y - q.y), Math.abs(p.width - q.width), Math.abs(p.height - q.height)];
    }),
  );

/** Cumulative layout shift so far, from the buffered layout-shift entries. */
const cls = (tab: Page) =>
  tab.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 100);
      }),
  );

const waitReady = (tab: Page, tag: string) =>
  tab.waitForFunction(
    (selector: string) => document.querySelector(selector)?.getAttribute('state') === 'ready',
    { timeout: 10_000, polling: 20 },
    tag,
  );

/** Loads the CDN build into a page that painted its static content, as a slow script would. */
const loadScript = (tab: Page) =>
  tab.evaluate(() => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/cdn/newsroom-widgets.js';
    document.body.append(script);
  });

export const results: Record<string, unknown>[] = [];

describe('static render with JavaScript off', () => {
  for (const c of CASES) {
    it(`${c.name}: <${c.element}> shows its content, laid out`, async () => {
      const { tab } = await open(`/${c.name}.html`, { javascript: false });
      try {
        const view = await shown(tab, c.element);
        for (const text of c.shows) assert.ok(view.text.includes(text), `shows "${text}"`);
        assert.ok(view.height > 100, `height ${view.height}`);
        assert.ok(view.firstTextHeight > 0);
        assert.equal(view.state, null, 'no script ran: no state attribute');
        if (process.env.RENDER_SCREENSHOTS && (c.name === 'analysis' || c.name === 'stance-card')) {
          for (const width of [320, 1000]) {
            await tab.setViewport({ width, height: 900 });
            await tab.screenshot({
              path: join(process.env.RENDER_SCREENSHOTS, `static-${c.name}-${width}.png`) as `${string}.png`,
              fullPage: c.name !== 'analysis',
            });
          }
        }
      } finally {
        await tab.close();
      }
    });
  }

  it('escapes hostile text: no markup from the analysis reaches the page', async () => {
    const hostile = '<img src=x onerror="document.title=1"><b id="injected">bold</b>';
    const doc = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8'));
    doc.question = hostile;
    doc.summary = `${hostile} [1]`;
    const file = join(mkdtempSync(join(tmpdir(), 'nw-render-')), 'hostile.json');
    writeFileSync(file, JSON.stringify(doc));
    const snippet = execFileSync('node', [CLI, 'render', file, '--element', 'nw-summary'], { encoding: 'utf8' });
    PAGES.set('/hostile.html', page(snippet, { script: true }));
    const { tab, errors } = await open('/hostile.html');
    try {
      await waitReady(tab, 'nw-summary');
      const result = await tab.$eval('nw-summary', (element) => ({
        injected: element.shadowRoot!.querySelectorAll('img, b, #injected').length,
        question: element.shadowRoot!.querySelector('h2')!.textContent,
        title: document.title,
      }));
      assert.deepEqual(result, { injected: 0, question: hostile, title: 'static render' });
      assert.deepEqual(errors, []);
    } finally {
      await tab.close();
    }
  });
});

describe('static render, then the script loads', () => {
  for (const c of CASES) {
    it(`${c.name}: upgrades in place, without a request for data and without moving`, async () => {
      const { tab, errors } = await open(`/${c.name}.html`);
      try {
        // JavaScript on, the script not loaded yet: what readers see while it downloads.
        const beforeBoxes = await boxes(tab, c.element);
        await loadScript(tab);
        await waitReady(tab, c.element);
        await new Promise((resolve) => setTimeout(resolve, 150));
        const afterBoxes = await boxes(tab, c.element);
        const score = await cls(tab);
        if (c.element === 'nw-analysis') {
          // Known: its source list's back-links are plain text on the server (they do nothing
          // without JavaScript) and buttons once upgraded, which wrap differently: the end of
          // the element grows a little. Everything above it stays put.
          const growth = afterBoxes.element!.height - beforeBoxes.element!.height;
          const top = maxShift(
            { heading: beforeBoxes.heading!, text: beforeBoxes.text! },
            { heading: afterBoxes.heading!, text: afterBoxes.text! },
          );
          results.push({ case: c.name, cls: score, maxBoxShiftPx: top, elementHeightChangePx: growth });
          assert.equal(beforeBoxes.element!.y, afterBoxes.element!.y);
          assert.ok(top <= 0.5, `content moved by ${top}px`);
          assert.ok(Math.abs(growth) < 100, `height changed by ${growth}px`);
        } else {
          const shift = maxShift(beforeBoxes, afterBoxes);
          results.push({ case: c.name, cls: score, maxBoxShiftPx: shift });
          assert.ok(
            shift <= 0.5,
            `boxes moved by ${shift}px: ${JSON.stringify({ before: beforeBoxes, after: afterBoxes })}`,
          );
        }
        assert.ok(score < 0.001, `CLS ${score}`);
        assert.deepEqual(errors, []);
        // Only the script: the element read the inline data.
        assert.deepEqual(
          requested.filter((path) => path !== `/${c.name}.html`),
          ['/cdn/newsroom-widgets.js'],
        );
        // The server's nodes are gone: the content is there once, rendered by the element.
        const count = await tab.$eval(c.element, (element) => element.shadowRoot!.querySelectorAll('style').length);
        assert.equal(count, 0, 'no server <style> left (the element uses adopted style sheets)');
      } finally {
        await tab.close();
      }
    });
  }

  it('stance card: a citation opens its popover once upgraded', async () => {
    const { tab } = await open('/stance-card-with-script.html');
    try {
      await waitReady(tab, 'nw-stance-card');
      await tab.$eval('nw-stance-card', (element) =>
        element.shadowRoot!.querySelector<HTMLElement>('button.cite')!.click(),
      );
      await tab.waitForFunction(
        () => document.querySelector('nw-stance-card')!.shadowRoot!.querySelector('.popover')!.matches(':popover-open'),
        { timeout: 5000 },
      );
      const title = await tab.$eval(
        'nw-stance-card',
        (element) => element.shadowRoot!.querySelector('.popover-title')?.textContent,
      );
      assert.equal(title, SAMPLE.sources[1]!.title);
      assert.ok((await cls(tab)) < 0.001);
    } finally {
      await tab.close();
    }
  });

  it('analysis with the script in the page: CLS 0, and the composed elements are ready', async () => {
    const { tab, errors } = await open('/analysis-with-script.html');
    try {
      await waitReady(tab, 'nw-analysis');
      const states = await tab.$eval('nw-analysis', (element) =>
        [...element.shadowRoot!.querySelectorAll('nw-summary, nw-stances, nw-timeline, nw-source-list')].map(
          (e) => `${e.localName}: ${e.getAttribute('state')}`,
        ),
      );
      assert.deepEqual(states, [
        'nw-summary: ready',
        'nw-stances: ready',
        'nw-timeline: ready',
        'nw-source-list: ready',
      ]);
      const score = await cls(tab);
      results.push({ case: 'analysis, script in page', cls: score });
      assert.ok(score < 0.001, `CLS ${score}`);
      assert.deepEqual(errors, []);
    } finally {
      await tab.close();
    }
  });

  it('with --src: the served content stays while the data loads, then is replaced without moving', async () => {
    const { tab, errors } = await open('/src.html');
    try {
      const beforeBoxes = await boxes(tab, 'nw-stance-card');
      await loadScript(tab);
      // The data takes 400 ms: meanwhile the element is loading but still shows its content.
      await tab.waitForFunction(() => document.querySelector('nw-stance-card')?.getAttribute('state') === 'loading', {
        timeout: 5000,
        polling: 10,
      });
      const whileLoading = await shown(tab, 'nw-stance-card');
      assert.ok(whileLoading.text.includes('Claudia Sheinbaum'), 'content shown while loading');
      await waitReady(tab, 'nw-stance-card');
      const shift = maxShift(beforeBoxes, await boxes(tab, 'nw-stance-card'));
      const score = await cls(tab);
      results.push({ case: 'stance card with --src (slow data)', cls: score, maxBoxShiftPx: shift });
      assert.ok(shift <= 0.5, `moved ${shift}px`);
      assert.ok(score < 0.001, `CLS ${score}`);
      assert.ok(requested.includes('/data/sample.json'));
      assert.deepEqual(errors, []);
    } finally {
      await tab.close();
    }
  });

  after(() => console.log(`layout after upgrade:\n${results.map((r) => `  ${JSON.stringify(r)}`).join('\n')}`));
});

/**
 * Every computed style of every element inside the element's shadow roots (nested ones too),
 * in document order, `<style>` and `<link>` left out: what readers see, property by property.
 */
const computedStyles = (tab: Page, tag: string) =>
  tab.$eval(tag, (element) => {
    const rows: string[] = [];
    // A stack, not a named recursive function: tsx would wrap it in a helper the page lacks.
    const stack: [Element, string][] = [[element, element.localName]];
    while (stack.length) {
      const [node, path] = stack.shift()!;
      const style = getComputedStyle(node);
      const values: string[] = [];
      for (let i = 0; i < style.length; i++) values.push(`${style[i]}: ${style.getPropertyValue(style[i]!)}`);
      // Sorted: custom properties come in no fixed order.
      rows.push(`${path} { ${values.sort().join('; ')} }`);
      const children = [...(node.shadowRoot?.querySelectorAll('*') ?? [])].filter(
        (child) => child.localName !== 'style' && child.localName !== 'link',
      );
      stack.unshift(
        ...children.map((child, index): [Element, string] => [child, `${path} > ${child.localName}:${index}`]),
      );
    }
    return rows;
  });

/** The stance card's badge: what makes it a badge rather than a word. */
const badge = (tab: Page) =>
  tab.$eval('nw-stance-card', (element) => {
    const style = getComputedStyle(element.shadowRoot!.querySelector('.badge')!);
    const card = getComputedStyle(element.shadowRoot!.querySelector('.stance')!);
    return {
      border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
      radius: style.borderTopLeftRadius,
      display: style.display,
      cardBorderTop: `${card.borderTopWidth} ${card.borderTopStyle}`,
    };
  });

/** What the sample's Sheinbaum card shows styled (opposes: the --_opposes colour). */
const STYLED_BADGE = {
  border: '1px solid rgb(179, 38, 30)', // 1.5px, drawn as 1 device pixel
  radius: '999px',
  display: 'flex',
  cardBorderTop: '4px solid',
};

describe('static render under a strict CSP (style-src self, no unsafe-inline)', () => {
  it('the control: inline <style> in the shadow root is refused (JavaScript off: an unstyled card; on: violations)', async () => {
    const off = await open('/csp/inline-stance-card.html', { javascript: false });
    try {
      const seen = await badge(off.tab);
      assert.notDeepEqual(seen, STYLED_BADGE);
      assert.equal(seen.border.split(' ')[1], 'none', 'no badge border: the style was refused');
    } finally {
      await off.tab.close();
    }
    const on = await open('/csp/inline-stance-card-with-script.html');
    try {
      await waitReady(on.tab, 'nw-stance-card');
      const violations = await on.tab.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      assert.ok(violations.length > 0, 'the listener sees the refused <style>');
      assert.ok(
        violations.every((line) => line.startsWith('style-src')),
        violations.join('\n'),
      );
    } finally {
      await on.tab.close();
    }
  });

  for (const c of CASES) {
    it(`${c.name}: --stylesheet, JavaScript off: styled exactly as the inline render, one request for the file`, async () => {
      const inline = await open(`/${c.name}.html`, { javascript: false });
      let expected: string[];
      try {
        expected = await computedStyles(inline.tab, c.element);
      } finally {
        await inline.tab.close();
      }
      const { tab, errors } = await open(`/csp/${c.name}.html`, { javascript: false });
      try {
        const requests = requested.filter((path) => path === STYLESHEET).length;
        const view = await shown(tab, c.element);
        for (const text of c.shows) assert.ok(view.text.includes(text), `shows "${text}"`);
        const actual = await computedStyles(tab, c.element);
        assert.equal(actual.length, expected.length, 'the same elements');
        const differ = actual.findIndex((row, index) => row !== expected[index]);
        if (differ !== -1) {
          const props = (row: string) => row.slice(row.indexOf('{') + 2, -2).split('; ');
          const want = new Set(props(expected[differ]!));
          const got = props(actual[differ]!).filter((prop) => !want.has(prop));
          const path = actual[differ]!.slice(0, actual[differ]!.indexOf(' {'));
          const lost = [...want].filter((prop) => !props(actual[differ]!).includes(prop));
          assert.fail(`${path}: inline ${lost.join('; ')}; linked ${got.join('; ')}`);
        }
        if (c.element === 'nw-stance-card' && !c.args.includes('es')) assert.deepEqual(await badge(tab), STYLED_BADGE);
        assert.equal(requests, 1, 'every shadow root shares one request for the stylesheet');
        assert.deepEqual(errors, []);
      } finally {
        await tab.close();
      }
    });
  }

  for (const c of CASES) {
    it(`${c.name}: --stylesheet, with the script: ready, styled, zero violations`, async () => {
      const { tab, errors } = await open(`/csp/${c.name}-with-script.html`);
      try {
        await waitReady(tab, c.element);
        const view = await shown(tab, c.element);
        for (const text of c.shows) assert.ok(view.text.includes(text), `shows "${text}"`);
        if (c.element === 'nw-stance-card' && !c.args.includes('es')) assert.deepEqual(await badge(tab), STYLED_BADGE);
        const violations = await tab.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
        assert.deepEqual(violations, []);
        assert.deepEqual(errors, []);
        // The served nodes, the link included, are gone: the element's adopted styles remain.
        const links = await tab.$eval(
          c.element,
          (element) => element.shadowRoot!.querySelectorAll('link, style').length,
        );
        assert.equal(links, 0);
      } finally {
        await tab.close();
      }
    });
  }

  it('a stylesheet linked only in shadow roots does not hold the first paint; linked in <head> too, it does (one request)', async () => {
    const firstPaint = async (path: string) => {
      const { tab } = await open(path, { javascript: false });
      try {
        const count = requested.filter((p) => p === SLOW_STYLESHEET).length;
        // Polled from here: with JavaScript off, waitForFunction cannot run in the page.
        for (let tries = 0; tries < 100; tries++) {
          if (await tab.evaluate(() => performance.getEntriesByName('first-contentful-paint').length > 0)) break;
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        const timing = await tab.evaluate(() => ({
          paint: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
          css: (
            performance
              .getEntriesByType('resource')
              .find((entry) => entry.name.endsWith('/slow/newsroom-widgets.css')) as PerformanceResourceTiming
          ).responseEnd,
        }));
        assert.deepEqual(await badge(tab), STYLED_BADGE, 'styled once loaded');
        return { ...timing, count };
      } finally {
        await tab.close();
      }
    };
    const shadowOnly = await firstPaint('/csp/slow-stylesheet.html');
    const inHead = await firstPaint('/csp/slow-stylesheet-in-head.html');
    assert.ok(
      shadowOnly.paint < shadowOnly.css,
      `painted at ${shadowOnly.paint} ms, before the file (${shadowOnly.css} ms)`,
    );
    assert.ok(inHead.paint >= inHead.css, `painted at ${inHead.paint} ms, the file at ${inHead.css} ms`);
    assert.equal(inHead.count, 1, "the shadow roots reuse the head's stylesheet");
  });

  it('stance card: --stylesheet, the script loading after the first paint: nothing moves, no violation', async () => {
    const { tab, errors } = await open('/csp/stance-card.html');
    try {
      const beforeBoxes = await boxes(tab, 'nw-stance-card');
      await loadScript(tab);
      await waitReady(tab, 'nw-stance-card');
      await new Promise((resolve) => setTimeout(resolve, 150));
      const shift = maxShift(beforeBoxes, await boxes(tab, 'nw-stance-card'));
      assert.ok(shift <= 0.5, `moved ${shift}px`);
      assert.ok((await cls(tab)) < 0.001);
      assert.deepEqual(await tab.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), []);
      assert.deepEqual(errors, []);
    } finally {
      await tab.close();
    }
  });
});
