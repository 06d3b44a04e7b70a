/**
 * The embed page with the hosts' own scripts: WordPress's wp-embed.js (read from the installed
 * WordPress, /usr/share/wordpress) and pym.js's Parent (node_modules/pym.js). The frame is
 * sandboxed as WordPress makes it (`sandbox="allow-scripts"`, origin null) and points at a
 * page laid out as `publish` writes them: the static render with its analysis inline, a link
 * to the full analysis, and dist/embed/embed.classic.js as a deferred classic script.
 * The host page is on 127.0.0.1, the embed on localhost (another origin, same server).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../../scripts/browser.mjs';
import { PAGE_SCRIPT } from '../../src/publish/site.js';
import { renderHtml, type RenderOptions } from '../../src/render/index.js';
import { serve, TYPES, type StaticServer } from './static-server.js';

const WP_EMBED = '/usr/share/wordpress/wp-includes/js/wp-embed.js';
const PYM = 'node_modules/pym.js/dist/pym.v1.min.js';
const CLASSIC = 'dist/embed/embed.classic.js';
const FROM_DISK = JSON.parse(readFileSync('data/mexico-us-deployment.json', 'utf8')) as {
  id: string;
  question: string;
  stances: { actor: string }[];
  sources: { id: string }[];
};
/** The sample, with a link on every source (to another site, as a newsroom's sources are). */
const SAMPLE = {
  ...FROM_DISK,
  sources: FROM_DISK.sources.map((source) => ({ ...source, url: `https://news.example/${source.id}` })),
};
const SECRET = 'abc';

if (!existsSync(CLASSIC)) throw new Error(`${CLASSIC} is missing: run \`npm run build\` first`);
const hasWordPress = existsSync(WP_EMBED);
if (!hasWordPress && process.env.CI)
  throw new Error(`${WP_EMBED} is missing: install WordPress (apt install wordpress)`);

/** The views tested: a stance card (short) and the summary (taller than 1000 px on a phone). */
const VIEWS: Record<string, RenderOptions> = {
  'stance-card': { element: 'nw-stance-card', actor: SAMPLE.stances[0]!.actor },
  summary: { element: 'nw-summary' },
};
const WIDTHS = [375, 1280];

let server: StaticServer;
let browser: Browser;
let host: string;
let embed: string;
const pages = new Map<string, string>();

/** An embed page as publish writes it: the static render with its data inline, a link, ../embed.js deferred. */
const embedPage = (body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${SAMPLE.question}</title></head>
<body>${body}
<p><a href="${embed}/${SAMPLE.id}/analysis.html">Read the full analysis</a></p>
<script src="${PAGE_SCRIPT}" defer></script>
</body></html>`;

/** A post's content column, as a WordPress theme lays it out. */
const HEAD = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A post</title>
<style>body { margin: 0; font: 18px/1.6 Georgia, serif; } .entry { max-width: 640px; margin: 0 auto; padding: 0 20px; } figure { margin: 0 0 1em; } iframe { max-width: 100%; }</style>
</head><body><div class="entry"><h1>A post</h1><p>The newsroom's text above the embed.</p>`;
const TAIL = `<p>The newsroom's text below the embed.</p></div>`;

/** What WordPress 6.1 prints for a discovered embed (wp_filter_oembed_result), then wp-embed.js in the footer. */
function wordpressHost(view: string, early = false): string {
  const src = `${embed}/${SAMPLE.id}/${view}.html`;
  // early: wp-embed.js before the frame (a theme that prints scripts in the head), so its one
  // "ready" message goes out before the frame listens; the frame far below the fold, too.
  const head = early ? HEAD.replace('</head>', '<script src="/wp-embed.js"></script></head>') : HEAD;
  const spacer = early ? '<div style="height: 3000px"></div>' : '';
  return `${head}${spacer}<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">
<blockquote class="wp-embedded-content" data-secret="${SECRET}"><a href="${src}">${SAMPLE.question}</a></blockquote><iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" title="${SAMPLE.question}" src="${src}#?secret=${SECRET}" data-secret="${SECRET}" width="100%" height="300" frameborder="0" marginwidth="0" marginheight="0" scrolling="yes"></iframe>
</div></figure>${TAIL}${early ? '' : '<script src="/wp-embed.js"></script>'}</body></html>`;
}

/** WordPress's markup for an oEmbed without a blockquote: the frame shown, no wp-embed.js. */
function bareWordPressHost(view: string): string {
  const src = `${embed}/${SAMPLE.id}/${view}.html`;
  return `${HEAD}<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" title="${SAMPLE.question}" src="${src}#?secret=${SECRET}" data-secret="${SECRET}" width="100%" height="600" frameborder="0" scrolling="yes"></iframe>${TAIL}</body></html>`;
}

function pymHost(view: string): string {
  const url = `${embed}/${SAMPLE.id}/${view}.html`;
  return `${HEAD}<div id="embed-container"></div>${TAIL}<script src="/pym.v1.min.js"></script>
<script src="/start-pym.js?url=${encodeURIComponent(url)}"></script></body></html>`;
}

before(async () => {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  for (const [view, options] of Object.entries(VIEWS)) pages.set(view, await renderHtml(SAMPLE, options));
  server = await serve((url) => {
    const path = url.pathname;
    const onHost = url.hostname === '127.0.0.1';
    const html = (body: string) => ({ type: TYPES.html, body });
    const [, kind, view] = /^\/(wp|wp-early|wp-bare|pym)\/([\w-]+)\.html$/.exec(path) ?? [];
    if (onHost && view && pages.has(view)) {
      if (kind === 'pym') return html(pymHost(view));
      return html(kind === 'wp-bare' ? bareWordPressHost(view) : wordpressHost(view, kind === 'wp-early'));
    }
    if (onHost && path === '/wp-embed.js') return { type: TYPES.js, body: readFileSync(WP_EMBED) };
    if (onHost && path === '/pym.v1.min.js') return { type: TYPES.js, body: readFileSync(PYM) };
    if (onHost && path === '/start-pym.js') {
      const frameUrl = JSON.stringify(url.searchParams.get('url'));
      return {
        type: TYPES.js,
        body: `window.parentPym = new pym.Parent('embed-container', ${frameUrl}, { sandbox: 'allow-scripts', title: 'Analysis' });`,
      };
    }
    if (!onHost && path === '/embed.js') return { type: TYPES.js, body: readFileSync(CLASSIC) };
    const page = /^\/[\w-]+\/([\w-]+)\.html$/.exec(path)?.[1];
    if (!onHost && page && pages.has(page)) return html(embedPage(pages.get(page)!));
    if (!onHost && path === `/${SAMPLE.id}/analysis.html`)
      return html('<!doctype html><title>The full analysis</title>');
    return undefined;
  });
  host = server.origin;
  embed = server.origin.replace('127.0.0.1', 'localhost');
  browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  tab: Page;
  frame: Frame;
  problems: string[];
}

async function open(path: string, width: number): Promise<Opened> {
  const tab = await browser.newPage();
  await tab.setViewport({ width, height: 800 });
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  tab.on('console', (message) => {
    const where = message.location().url ?? '';
    if (message.type() === 'error' && !/favicon/.test(`${message.text()} ${where}`))
      problems.push(`console: ${message.text()} (${where})`);
  });
  await tab.goto(`${host}${path}`, { waitUntil: 'load' });
  const handle = await tab.waitForSelector('iframe');
  return { tab, frame: (await handle!.contentFrame())!, problems };
}

/** The frame's content height (its root element, as the embed measures it) and the iframe's height on the host. */
const measure = async ({ tab, frame }: Opened) => ({
  content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
  width: await frame.evaluate(() => innerWidth),
  iframe: await tab.$eval('iframe', (element) => Math.round(element.getBoundingClientRect().height)),
  visible: await tab.$eval('iframe', (element) => !element.hasAttribute('style')),
});

/** Waits until the iframe's height is within 10% of `expected(content)` and stays put for 500 ms. */
async function sized(opened: Opened, expected: (content: number) => number) {
  const deadline = Date.now() + 15_000;
  let last = await measure(opened);
  let since = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await measure(opened);
    const near = now.visible && Math.abs(now.iframe - expected(now.content)) <= expected(now.content) * 0.1;
    if (!near || now.iframe !== last.iframe || now.content !== last.content) since = Date.now();
    else if (Date.now() - since >= 500) return now;
    last = now;
    if (Date.now() > deadline) throw new Error(`the frame never fitted: ${JSON.stringify(now)}`);
  }
}

/** WordPress's clamp (wp-embed.js). */
const clamp = (height: number) => Math.min(1000, Math.max(200, height));

describe('the embed in WordPress (its own wp-embed.js, sandbox="allow-scripts")', { skip: !hasWordPress }, () => {
  for (const view of Object.keys(VIEWS)) {
    for (const width of WIDTHS) {
      it(`shows the ${view} and sizes it to its content within 10% (up to 1000 px) at ${width} px`, async () => {
        const opened = await open(`/wp/${view}.html`, width);
        try {
          const fitted = await sized(opened, clamp);
          console.log(
            `# WordPress, ${view} at ${width} px: content ${fitted.content} px, frame ${fitted.iframe} px, frame width ${fitted.width} px`,
          );
          assert.equal(await opened.tab.$eval('blockquote', (element) => getComputedStyle(element).display), 'none');
          assert.equal(await opened.frame.evaluate(() => self.origin), 'null', 'sandboxed');
          assert.deepEqual(opened.problems, []);
        } finally {
          await opened.tab.close();
        }
      });
    }
  }
});

describe(
  'the WordPress frame: a missed ready message, and links (no allow-popups, no allow-top-navigation)',
  { skip: !hasWordPress },
  () => {
    it('sizes a frame whose ready message came too early, far below the fold', async () => {
      const opened = await open('/wp-early/stance-card.html', 375);
      try {
        const fitted = await sized(opened, clamp);
        console.log(
          `# WordPress, early ready, below the fold: content ${fitted.content} px, frame ${fitted.iframe} px`,
        );
        assert.equal(await opened.tab.evaluate(() => scrollY), 0);
        assert.deepEqual(opened.problems, []);
      } finally {
        await opened.tab.close();
      }
    });

    it('shows the address of a source on another site to copy, and stays on the page', async () => {
      const opened = await open('/wp/stance-card.html', 1280);
      try {
        await sized(opened, clamp);
        // As Enter would (a pointer click at a wrapped marker's centre can miss it).
        const marker = (await opened.frame.$('nw-stance-card >>> button.cite'))!;
        await marker.evaluate((button) => (button as HTMLElement).click());
        await opened.frame.waitForFunction(
          () => !!document.querySelector('nw-stance-card')?.shadowRoot?.querySelector('.popover:popover-open a'),
          { timeout: 5000 },
        );
        const link = (await opened.frame.evaluateHandle(() =>
          document.querySelector('nw-stance-card')!.shadowRoot!.querySelector('.popover a')!,
        ))!;
        const href = await link.evaluate((anchor) => (anchor as HTMLAnchorElement).href);
        await link.click();
        const panel = await opened.frame.waitForSelector('.embed-link:popover-open', { timeout: 5000 });
        const shown = await panel!.evaluate((element) => ({
          value: element.querySelector('input')!.value,
          focused: document.activeElement === element.querySelector('input'),
          text: element.textContent,
        }));
        assert.equal(shown.value, href);
        assert.ok(shown.focused, 'the address is focused (and selected) to copy');
        assert.match(shown.text ?? '', /cannot open other sites/);
        assert.equal(opened.tab.url(), `${host}/wp/stance-card.html`);
        assert.equal(opened.frame.url(), `${embed}/${SAMPLE.id}/stance-card.html#?secret=${SECRET}`);
        await opened.tab.keyboard.press('Escape');
        assert.equal(await opened.frame.$('.embed-link:popover-open'), null);
        assert.deepEqual(opened.problems, []);
      } finally {
        await opened.tab.close();
      }
    });

    it("opens a link on the embed's own host in the reader's window, through WordPress's link message", async () => {
      const opened = await open('/wp/stance-card.html', 1280);
      try {
        await sized(opened, clamp);
        const link = (await opened.frame.$('a[href$="/analysis.html"]'))!;
        await Promise.all([opened.tab.waitForNavigation({ timeout: 10_000 }), link.click()]);
        assert.equal(opened.tab.url(), `${embed}/${SAMPLE.id}/analysis.html`);
      } finally {
        await opened.tab.close();
      }
    });
  },
);

describe('the WordPress frame without wp-embed.js (an oEmbed with no blockquote)', { skip: !hasWordPress }, () => {
  it("shows the address of a link on the embed's own host when nothing follows WordPress's link message", async () => {
    const opened = await open('/wp-bare/stance-card.html', 1280);
    try {
      await opened.frame.waitForFunction(
        () => document.querySelector('nw-stance-card')?.getAttribute('state') === 'ready',
      );
      const link = (await opened.frame.$('a[href$="/analysis.html"]'))!;
      await link.click();
      const panel = await opened.frame.waitForSelector('.embed-link:popover-open', { timeout: 5000 });
      assert.equal(
        await panel!.evaluate((element) => element.querySelector('input')!.value),
        `${embed}/${SAMPLE.id}/analysis.html`,
      );
      assert.equal(opened.tab.url(), `${host}/wp-bare/stance-card.html`);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.tab.close();
    }
  });
});

describe('the embed with pym.js (pym.Parent, sandbox="allow-scripts")', () => {
  for (const view of Object.keys(VIEWS)) {
    for (const width of WIDTHS) {
      it(`sizes the ${view} to its content within 10% at ${width} px`, async () => {
        const opened = await open(`/pym/${view}.html`, width);
        try {
          const fitted = await sized(opened, (content) => content);
          console.log(
            `# pym.js, ${view} at ${width} px: content ${fitted.content} px, frame ${fitted.iframe} px, frame width ${fitted.width} px`,
          );
          assert.deepEqual(opened.problems, []);
        } finally {
          await opened.tab.close();
        }
      });
    }
  }
});
