/**
 * Issue 8, point 6: the script-tag bundle and the npm build on one page, as a CMS template
 * plus a site's own bundle put them there. Same version, and different versions (a copy of
 * the script-tag bundle claiming 9.9.9), in both orders: nothing thrown, the elements work
 * (ready, content, a citation popover opens) with the first copy's definitions, and the
 * console says so once: one warning naming both versions (or, for the same version, saying
 * the library is loaded twice), as design.md asks ("the other says so once in the console").
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import {
  bundleNpmBuild,
  launchChromium,
  openCitePopover,
  openTab,
  requireBuilt,
  serve,
  settled,
  shadowText,
  TYPES,
  type StaticServer,
} from './static-server.js';

const CDN_MODULE = 'dist/cdn/newsroom-widgets.js';
const OURS = (readFileSync('src/version.ts', 'utf8').match(/VERSION = '([^']+)'/) ?? [])[1]!;
const OTHER = '9.9.9';
const SAMPLE_JSON = readFileSync('data/mexico-us-deployment.json', 'utf8');
const SAMPLE = JSON.parse(SAMPLE_JSON) as { question: string; sources: { id: string; title: string }[] };
requireBuilt(CDN_MODULE);

/** The script-tag bundle as another release would ship it: its version constant says 9.9.9. */
function otherVersionOf(bundle: string): string {
  const literal = `\`${OURS}\``;
  const copies = bundle.split(literal).length - 1;
  // The minified bundle spells VERSION as a template literal: at its declaration, and inlined once in define().
  assert.ok(copies >= 1, `no ${literal} in ${CDN_MODULE}: the version constant is spelt differently now`);
  return bundle.replaceAll(literal, `\`${OTHER}\``);
}

const TAGS = ['nw-analysis', 'nw-summary', 'nw-stance-card', 'nw-stances', 'nw-source-list', 'nw-timeline', 'nw-cite'];

const page = (first: string, second: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>two copies</title><link rel="icon" href="data:,">
<script type="module" src="${first}"></script>
<script type="module" src="${second}"></script>
</head><body>
<nw-summary src="/data/sample.json"></nw-summary>
<nw-stance-card for="doc" actor="claudia-sheinbaum"></nw-stance-card>
<nw-analysis src="/data/sample.json"></nw-analysis>
<p data-nw-for="doc">The newsroom's own text, citing <nw-cite source="2"></nw-cite>.</p>
<script type="application/json" id="doc">${SAMPLE_JSON.replace(/</g, '\\u003c')}</script>
</body></html>`;

/** Each page: its two scripts in load order, and the version whose definitions must win. */
const CASES = [
  {
    name: 'script-tag bundle then npm build, same version',
    path: '/same.html',
    scripts: ['/cdn.js', '/app.js'],
    first: OURS,
    other: OURS,
  },
  {
    name: 'npm build then script-tag bundle, same version',
    path: '/same-reversed.html',
    scripts: ['/app.js', '/cdn.js'],
    first: OURS,
    other: OURS,
  },
  {
    name: `script-tag bundle ${OTHER} then npm build ${OURS}`,
    path: '/different.html',
    scripts: ['/cdn-other.js', '/app.js'],
    first: OTHER,
    other: OURS,
  },
  {
    name: `npm build ${OURS} then script-tag bundle ${OTHER}`,
    path: '/different-reversed.html',
    scripts: ['/app.js', '/cdn-other.js'],
    first: OURS,
    other: OTHER,
  },
] as const;

let server: StaticServer;
let browser: Browser;

before(async () => {
  const app = await bundleNpmBuild();
  const cdn = readFileSync(CDN_MODULE, 'utf8');
  const scripts: Record<string, string> = { '/app.js': app, '/cdn.js': cdn, '/cdn-other.js': otherVersionOf(cdn) };
  const pages = Object.fromEntries(CASES.map((test) => [test.path, page(test.scripts[0], test.scripts[1])]));
  server = await serve((url) => {
    const path = url.pathname;
    if (pages[path]) return { type: TYPES.html, body: pages[path] };
    if (scripts[path]) return { type: TYPES.js, body: scripts[path] };
    if (path === '/data/sample.json') return { type: TYPES.json, body: SAMPLE_JSON };
    return undefined;
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every tag's registered class, by the version it says it is. */
const definedVersions = (tab: Page) =>
  tab.evaluate(
    (tags) => tags.map((tag) => `${tag}: ${(customElements.get(tag) as { version?: string } | undefined)?.version}`),
    TAGS,
  );

describe('two copies of newsroom-widgets on one page', () => {
  for (const test of CASES) {
    it(`${test.name}: no throw, one warning, the first copy's elements work`, async () => {
      const { tab, problems, warnings } = await openTab(browser, `${server.origin}${test.path}`);
      try {
        // Four of our own, and the summary, stances, timeline and source list nw-analysis composes.
        const states = await settled(tab, 8);
        assert.deepEqual(
          states.filter((entry) => !entry.endsWith(': ready')),
          [],
          'every element, nested ones too, is ready',
        );
        assert.deepEqual(
          await definedVersions(tab),
          TAGS.map((tag) => `${tag}: ${test.first}`),
          'the first copy keeps every tag',
        );

        assert.equal(await shadowText(tab, 'nw-summary', 'h2'), SAMPLE.question);
        assert.match((await shadowText(tab, 'nw-stance-card', '.actor-name')) ?? '', /Sheinbaum/);
        await openCitePopover(tab);
        assert.equal(
          await shadowText(tab, 'nw-cite', '.popover-title'),
          SAMPLE.sources.find((source) => source.id === '2')!.title,
        );

        assert.deepEqual(problems, []);
        assert.equal(warnings.length, 1, `exactly one warning, got: ${JSON.stringify(warnings)}`);
        const [warning] = warnings as [string];
        assert.ok(
          warning.includes(`newsroom-widgets ${test.other}:`),
          `the second copy speaks, with its version: ${warning}`,
        );
        assert.ok(warning.includes(`newsroom-widgets ${test.first}`), `and names the first copy's version: ${warning}`);
        if (test.first === test.other) assert.match(warning, /loaded twice/);
        assert.match(warning, /first definition is kept/);
      } finally {
        await tab.close();
      }
    });
  }
});
