/**
 * Issue 16's link embed in a real WordPress 6.1 (see wordpress.ts): `newsroom-widgets publish`
 * writes the sample's static embed site into the site's uploads (same host and port as
 * WordPress, which is what wp_http_validate_url lets WordPress fetch from), an Author saves a
 * post whose content is a view's embed URL alone on its line (as the block editor saves a
 * pasted link), and a reader's Chromium at 375 and 1280 px sees the widget in WordPress's own
 * embed iframe (sandboxed, shown by wp-embed.js), sized to its content within 10% up to
 * WordPress's 1000 px clamp, with no console errors and no raw JSON on the page.
 * Needs `npm run build` first. Skips with one line when WordPress cannot run here; fails in CI.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from '../../scripts/browser.mjs';
import { CANNOT_RUN, cannotRunHere, ensureWordPress, WordPress } from './wordpress.js';

const SAMPLE_PATH = 'data/mexico-us-deployment.json';
const SAMPLE = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8')) as { id: string; stances: { actor: string }[] };
const VIEWS = [`stance-${SAMPLE.stances[0]!.actor}`, 'summary'];
const WIDTHS = [375, 1280];
/** Raw JSON in the page's text: what would show if WordPress printed the oEmbed or the analysis as text. */
const RAW_DATA = /"schemaVersion"|\{\s*"[a-zA-Z]+"\s*:|"html"\s*:/;

const skip = cannotRunHere(
  ensureWordPress() ?? (findBrowser() ? undefined : `WordPress tests ${CANNOT_RUN}: ${HOW_TO_INSTALL}`),
);
if (!skip && !existsSync('dist/embed/embed.classic.js'))
  throw new Error('dist/embed/embed.classic.js is missing: run `npm run build` first');

interface Post {
  id: number;
  link: string;
}

/** What the block editor saves for a link pasted alone on its line (an embed block). */
const embedBlock = (url: string) =>
  `<!-- wp:embed {"url":"${url}","type":"rich","providerNameSlug":"newsroom-widgets"} -->
<figure class="wp-block-embed is-type-rich is-provider-newsroom-widgets wp-block-embed-newsroom-widgets"><div class="wp-block-embed__wrapper">
${url}
</div></figure>
<!-- /wp:embed -->`;

describe("publish's embed URL in a WordPress post (an Author pastes the link)", { skip: skip ?? false }, () => {
  let wp: WordPress;
  let browser: Browser;
  const posts = new Map<string, Post>();

  before(async () => {
    wp = await WordPress.start();
    const out = join(wp.contentDir, 'uploads', 'nw');
    mkdirSync(out, { recursive: true });
    const base = `${wp.url}/wp-content/uploads/nw/`;
    const published = spawnSync(
      process.execPath,
      ['bin/newsroom-widgets.js', 'publish', SAMPLE_PATH, '--out', out, '--base-url', base],
      { encoding: 'utf8' },
    );
    assert.equal(published.status, 0, `publish failed: ${published.stderr}`);
    for (const view of VIEWS) {
      const url = `${base}${SAMPLE.id}/${view}.html`;
      const { status, body } = await wp.rest<Post>('author', '/wp/v2/posts', {
        json: { title: `A post with the ${view}`, content: embedBlock(url), status: 'publish' },
      });
      assert.equal(status, 201, JSON.stringify(body));
      posts.set(view, body);
    }
    browser = await puppeteer.launch({ executablePath: findBrowser()!, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    wp?.stop();
  });

  const measure = async (page: Page, frame: Frame) => ({
    content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
    iframe: await page.$eval('iframe.wp-embedded-content', (element) =>
      Math.round(element.getBoundingClientRect().height),
    ),
    visible: await page.$eval('iframe.wp-embedded-content', (element) => !element.hasAttribute('style')),
  });

  for (const view of VIEWS) {
    for (const width of WIDTHS) {
      it(`shows the ${view} in WordPress's embed iframe, sized to its content within 10% (up to 1000 px), at ${width} px`, async () => {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('console', (message) => {
          const text = `${message.text()} ${message.location()?.url ?? ''}`;
          if (message.type() === 'error' && !/favicon\.ico/.test(text)) errors.push(text);
        });
        page.on('pageerror', (error) => errors.push(String(error)));
        try {
          await page.setViewport({ width, height: 900 });
          await page.goto(posts.get(view)!.link, { waitUntil: 'load' });
          const handle = await page.waitForSelector('iframe.wp-embedded-content', { timeout: 10_000 });
          assert.equal(await handle!.evaluate((element) => element.getAttribute('sandbox')), 'allow-scripts');
          const frame = (await handle!.contentFrame())!;
          await frame.waitForFunction(
            () => {
              const element = document.querySelector('nw-summary, nw-stance-card');
              return element?.getAttribute('state') === 'ready';
            },
            { timeout: 15_000 },
          );
          const deadline = Date.now() + 15_000;
          let now = await measure(page, frame);
          let since = Date.now();
          for (;;) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            const next = await measure(page, frame);
            const expected = Math.min(1000, Math.max(200, next.content));
            const near = next.visible && Math.abs(next.iframe - expected) <= expected * 0.1;
            if (!near || next.iframe !== now.iframe || next.content !== now.content) since = Date.now();
            now = next;
            if (near && Date.now() - since >= 500) break;
            if (Date.now() > deadline) throw new Error(`the frame never fitted: ${JSON.stringify(now)}`);
          }
          console.log(`# WordPress post, ${view} at ${width} px: content ${now.content} px, frame ${now.iframe} px`);
          const text = await page.evaluate(() => document.body.innerText);
          assert.doesNotMatch(text, RAW_DATA);
          assert.equal(await frame.evaluate(() => self.origin), 'null', 'sandboxed');
          if (process.env.NW_WORDPRESS_SCREENSHOTS)
            await page.screenshot({
              path: `${process.env.NW_WORDPRESS_SCREENSHOTS}/embed-${view}-${width}.png`,
              fullPage: true,
            });
          assert.deepEqual(errors, []);
        } finally {
          await page.close();
        }
      });
    }
  }
});
