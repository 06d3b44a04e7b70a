/**
 * `newsroom-widgets publish`, run in-process through `main(argv, io)` on the sample: the files
 * it writes and the links between them, the oEmbed JSON WordPress reads, byte-identical output
 * on a second run, and bad input refused with one line. Needs the build's dist/embed/ (as
 * `npm ci` leaves it); heights are measured when a Chromium is installed.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scriptSnippet } from '../../demo/builder-snippets.js';
import { main } from '../../src/cli/main.js';
import { renderHtmlSync } from '../../src/render/index.js';
import { embedScriptPath } from '../../src/publish/assets.js';
import { clampHeight, normalizeBaseUrl, type IndexView } from '../../src/publish/site.js';
import { publishViews } from '../../src/publish/views.js';
import { estimateHeight, findChromium, roundHeight } from '../../src/publish/heights.js';
import { parseAnalysis } from '../../src/schema/validate.js';
import { VERSION } from '../../src/version.js';
import { findBrowser } from '../../scripts/browser.mjs';
import type { Analysis } from '../../src/schema/analysis.js';
import { launchChromium, serve, TYPES } from '../package/static-server.js';
import { captureIo, INVALID_DIR, readText, SAMPLE } from './helpers.js';

const BASE = 'https://news.example/embeds/';
const STACK_LINE = '    at ';
const sample = (() => {
  const result = parseAnalysis(readText(SAMPLE));
  if (!result.ok) throw new Error('the sample does not validate');
  return result.analysis;
})();
const ID = sample.id;

async function run(...argv: string[]) {
  const capture = captureIo();
  const code = await main(argv, capture.io);
  return { code, ...capture };
}

/** Every file under `dir`, as relative paths with forward slashes, sorted. */
function filesIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

const VIEWS = [
  'analysis',
  'summary',
  'stances',
  'sources',
  'timeline',
  ...sample.stances.map((stance) => `stance-${stance.actor}`),
];

/** index.json as read back: the shape publish writes. */
interface IndexFile {
  id: string;
  question: string;
  views: IndexView[];
}

describe('publish: views and helpers', () => {
  it('lists the analysis, summary, stances, sources, timeline and one stance card per actor', () => {
    assert.deepEqual(
      publishViews(sample).map((view) => view.view),
      VIEWS,
    );
    const noStatements = { ...sample, statements: [] } as Analysis;
    assert.ok(!publishViews(noStatements).some((view) => view.view === 'timeline'));
  });

  it('takes only http(s) base URLs, with exactly one trailing slash', () => {
    assert.deepEqual(normalizeBaseUrl('https://news.example/embeds'), { url: BASE });
    assert.deepEqual(normalizeBaseUrl('https://news.example/embeds///'), { url: BASE });
    assert.deepEqual(normalizeBaseUrl('http://localhost:8080'), { url: 'http://localhost:8080/' });
    for (const bad of ['ftp://news.example/', 'news.example/embeds', '/embeds/', 'https://news.example/?a=1'])
      assert.ok('problem' in normalizeBaseUrl(bad), bad);
  });

  it('clamps heights to WordPress’s 200..1000 and rounds measurements up to 10 px', () => {
    assert.deepEqual([clampHeight(12), clampHeight(640), clampHeight(19_230)], [200, 640, 1000]);
    assert.deepEqual([roundHeight(1), roundHeight(850), roundHeight(851)], [10, 850, 860]);
    assert.equal(estimateHeight('<p>short</p>') % 10, 0);
  });

  it('looks for a browser where scripts/browser.mjs does', () => {
    assert.equal(findChromium(), findBrowser());
  });
});

describe('publish <sample> --out DIR --base-url URL', () => {
  let dir = '';
  let out = '';
  let second = '';
  let result: Awaited<ReturnType<typeof run>>;
  let index: IndexFile;
  const read = (path: string) => readFileSync(join(out, path), 'utf8');
  /** The file a published URL names, from its path under BASE. */
  const fileOf = (url: string) => {
    assert.ok(url.startsWith(BASE), `${url} is not under ${BASE}`);
    return url.slice(BASE.length);
  };

  before(async () => {
    assert.ok(embedScriptPath(), 'dist/embed is not built: run npm run build first');
    dir = mkdtempSync(join(tmpdir(), 'nw-publish-test-'));
    out = join(dir, 'site');
    second = join(dir, 'again');
    result = await run('publish', SAMPLE, '--out', out, '--base-url', 'https://news.example/embeds');
    index = JSON.parse(read(`${ID}/index.json`)) as IndexFile;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and says where the views went', () => {
    assert.equal(result.code, 0, result.all());
    assert.deepEqual(result.out, [`${SAMPLE}: ${VIEWS.length} views in ${join(out, ID)} (${BASE}${ID}/index.json)`]);
    assert.ok(!result.all().includes(STACK_LINE));
  });

  it('writes embed.js, the stylesheet, and per view its page, oEmbed JSON and static HTML', () => {
    const expected = [
      'embed.js',
      'newsroom-widgets.css',
      `${ID}/analysis.json`,
      `${ID}/analysis.jsonld`,
      `${ID}/index.json`,
      ...VIEWS.flatMap((view) => [`${ID}/${view}.html`, `${ID}/${view}.oembed.json`, `${ID}/${view}.static.html`]),
    ].sort();
    assert.deepEqual(filesIn(out), expected);
    assert.equal(read('embed.js'), readFileSync(embedScriptPath()!, 'utf8'));
    assert.ok(read('newsroom-widgets.css').includes(':host(:where(nw-stance-card))'));
  });

  it('writes the analysis as validated and its JSON-LD for the analysis page', () => {
    assert.equal(read(`${ID}/analysis.json`), `${JSON.stringify(sample, null, 2)}\n`);
    assert.match(read(`${ID}/analysis.json`), /^\{\n {2}"schemaVersion"/);
    const jsonLd = JSON.parse(read(`${ID}/analysis.jsonld`)) as Record<string, unknown>;
    assert.equal(jsonLd.url, `${BASE}${ID}/analysis.html`);
  });

  it('lists every view in index.json with absolute URLs of files it wrote, and the builder’s snippet, prerendered', () => {
    assert.equal(index.id, ID);
    assert.equal(index.question, sample.question);
    assert.deepEqual(
      index.views.map((view) => view.view),
      VIEWS,
    );
    for (const view of index.views) {
      assert.equal(fileOf(view.embed), `${ID}/${view.view}.html`);
      assert.equal(fileOf(view.oembed), `${ID}/${view.view}.oembed.json`);
      assert.equal(fileOf(view.static), `${ID}/${view.view}.static.html`);
      assert.ok(Number.isInteger(view.height) && view.height > 0 && view.height % 10 === 0, `${view.height}`);
      assert.equal(view.actor, view.view.startsWith('stance-') ? view.view.slice('stance-'.length) : undefined);
      const integrity = existsSync('dist/cdn/integrity.json')
        ? (JSON.parse(readText('dist/cdn/integrity.json')) as Record<string, string>)['newsroom-widgets.js']
        : undefined;
      const jsonUrl = `${BASE}${ID}/analysis.json`;
      const stylesheet = `${BASE}newsroom-widgets.css`;
      const element = view.element as Parameters<typeof scriptSnippet>[0]['element'];
      // The element comes with its declarative shadow DOM (the static render by src=), so it has
      // its height before the script runs; the stylesheet its shadow roots link comes first.
      const lines = view.snippet.split('\n');
      assert.equal(lines[0], `<link rel="stylesheet" href="${stylesheet}">`);
      assert.match(lines[2]!, new RegExp(`^<${element} src="${jsonUrl}"[^>]*><template [^>]*shadowrootmode="open">`));
      assert.ok(!view.snippet.includes('type="application/json"'), 'the data comes by src=, not inline');
      assert.equal(
        view.snippet,
        scriptSnippet({
          analysis: sample,
          element,
          actor: view.actor,
          lang: 'en',
          theme: 'light',
          jsonUrl,
          version: VERSION,
          integrity,
          stylesheet,
          prerendered: renderHtmlSync(sample, {
            element,
            ...(view.actor !== undefined ? { actor: view.actor } : {}),
            lang: 'en',
            theme: 'light',
            src: jsonUrl,
            stylesheet,
          }),
        }),
      );
    }
    const elements = Object.fromEntries(index.views.map((view) => [view.view, view.element]));
    assert.equal(elements.analysis, 'nw-analysis');
    assert.equal(elements.sources, 'nw-source-list');
    assert.equal(elements[`stance-${sample.stances[0]!.actor}`], 'nw-stance-card');
  });

  it('answers oEmbed as WordPress reads it: rich, version 1.0, a blockquote and a sandboxed frame', () => {
    for (const view of index.views) {
      const oembed = JSON.parse(read(fileOf(view.oembed))) as Record<string, unknown>;
      assert.deepEqual(Object.keys(oembed).sort(), [
        'height',
        'html',
        'provider_name',
        'provider_url',
        'title',
        'type',
        'version',
      ]);
      assert.equal(oembed.version, '1.0');
      assert.equal(oembed.type, 'rich');
      assert.equal(oembed.provider_name, 'newsroom-widgets');
      assert.equal(oembed.provider_url, BASE);
      assert.ok(String(oembed.title).startsWith(sample.question.replace(/'/g, "'")));
      const height = oembed.height as number;
      assert.ok(height >= 200 && height <= 1000, `${view.view}: ${height}`);
      assert.equal(height, clampHeight(view.height));
      const html = String(oembed.html);
      assert.match(html, /^<blockquote class="wp-embedded-content"><a href="[^"]+">[^<]+<\/a><\/blockquote><iframe /);
      const frame = /<iframe ([^>]*)><\/iframe>$/.exec(html)?.[1] ?? '';
      assert.match(frame, / ?sandbox="allow-scripts"/);
      assert.ok(frame.includes(`src="${view.embed}"`), frame);
      assert.ok(frame.includes(`height="${height}"`), frame);
      assert.ok(frame.includes('width="100%"') && frame.includes('scrolling="yes"'), frame);
      assert.ok(!frame.includes('allow-same-origin') && !frame.includes('allow-popups'), frame);
    }
    assert.equal(
      JSON.parse(read(`${ID}/analysis.oembed.json`)).height,
      1000,
      'the whole analysis is taller than the clamp',
    );
  });

  it('gives each page its discovery link, canonical, static render, script and a way to the full analysis', () => {
    for (const view of index.views) {
      const page = read(fileOf(view.embed));
      assert.match(page, /^<!doctype html>\n<html lang="en">/);
      assert.ok(
        page.includes(`<link rel="alternate" type="application/json+oembed" href="${view.oembed}" title="`),
        view.view,
      );
      assert.ok(page.includes(`<link rel="canonical" href="${view.embed}">`), view.view);
      // The release it was published with, named and in the script's address (a long-cached
      // embed.js of an earlier release is not reused).
      assert.ok(page.includes(`<meta name="generator" content="newsroom-widgets ${VERSION}">`), view.view);
      assert.ok(page.includes(`<script src="../embed.js?v=${VERSION}" defer></script>`), view.view);
      assert.ok(!/integrity=|crossorigin/.test(page), `${view.view}: a null-origin frame refuses these`);
      // The static render, linking the stylesheet beside the folders instead of by its absolute URL.
      const fragment = read(fileOf(view.static));
      assert.ok(fragment.includes(`<${view.element} for="nw-data-${ID}"`), view.view);
      assert.ok(
        page.includes(fragment.replaceAll(`href="${BASE}newsroom-widgets.css"`, 'href="../newsroom-widgets.css"')),
        `${view.view}: the static render is not in the page`,
      );
      assert.ok(!/<style[\s>]/.test(page), `${view.view}: an inline style a strict CSP refuses`);
      const full = `<a href="${BASE}${ID}/analysis.html">Read the full analysis</a>`;
      assert.equal(page.includes(full), view.view !== 'analysis', view.view);
    }
    const card = read(`${ID}/stance-claudia-sheinbaum.html`);
    assert.match(card, /<title>How would Mexico's government respond[^<]*— Claudia Sheinbaum<\/title>/);
  });

  it('writes byte-identical files when run again', async () => {
    const again = await run('publish', SAMPLE, '--out', second, '--base-url', BASE);
    assert.equal(again.code, 0, again.all());
    const files = filesIn(out);
    assert.deepEqual(filesIn(second), files);
    for (const file of files)
      assert.ok(readFileSync(join(out, file)).equals(readFileSync(join(second, file))), `${file} differs`);
  });

  it(
    'serves a page readable with JavaScript off from a plain static server, styled by the stylesheet',
    { skip: findBrowser() ? false : 'no Chromium installed' },
    async () => {
      const types: Record<string, string> = { html: TYPES.html, js: TYPES.js, json: TYPES.json, css: 'text/css' };
      // A plain upload: files by path, no CORS or other headers.
      const server = await serve((url) => {
        const file = join(
          out,
          ...decodeURIComponent(url.pathname)
            .split('/')
            .filter((part) => part && part !== '..'),
        );
        if (!existsSync(file)) return undefined;
        return { type: types[file.split('.').pop()!] ?? 'application/octet-stream', body: readFileSync(file) };
      });
      const browser = await launchChromium();
      try {
        const tab = await browser.newPage();
        await tab.setJavaScriptEnabled(false);
        await tab.setViewport({ width: 375, height: 800 });
        await tab.goto(`${server.origin}/${ID}/stance-claudia-sheinbaum.html`, { waitUntil: 'load' });
        const seen = await tab.evaluate(`(() => {
          const card = document.querySelector('nw-stance-card');
          const root = card && card.shadowRoot;
          const article = root && root.querySelector('article');
          return {
            text: root ? root.textContent.replace(/\\s+/g, ' ') : '',
            radius: article ? getComputedStyle(article).borderTopLeftRadius : '',
            link: document.querySelector('a[href$="/analysis.html"]')?.textContent ?? '',
          };
        })()`);
        const { text, radius, link } = seen as { text: string; radius: string; link: string };
        assert.ok(text.includes('Claudia Sheinbaum'), text.slice(0, 200));
        const stance = sample.stances.find((item) => item.actor === 'claudia-sheinbaum')!;
        assert.ok(text.includes(stance.headline.slice(0, 30)), 'the position is readable');
        assert.match(radius, /^[1-9][\d.]*px$/, 'the card is styled by newsroom-widgets.css');
        assert.equal(link, 'Read the full analysis');
        assert.ok(server.requested.includes('/newsroom-widgets.css'), server.requested.join(' '));
      } finally {
        await browser.close();
        await server.close();
      }
    },
  );

  it('takes --provider-name; without a browser, estimates the heights and says so once', async () => {
    const named = join(dir, 'named');
    const saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = join(dir, 'no-such-browser');
    let withoutBrowser: Awaited<ReturnType<typeof run>>;
    try {
      withoutBrowser = await run('publish', SAMPLE, '--out', named, '--base-url', BASE, '--provider-name', 'El Diario');
    } finally {
      if (saved === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved;
    }
    assert.equal(withoutBrowser.code, 0, withoutBrowser.all());
    assert.deepEqual(withoutBrowser.err, [
      'newsroom-widgets publish: no Chrome or Chromium found; the heights are estimates (set CHROME_PATH)',
    ]);
    const oembed = JSON.parse(readFileSync(join(named, ID, 'summary.oembed.json'), 'utf8'));
    assert.equal(oembed.provider_name, 'El Diario');
    const estimatedIndex = JSON.parse(readFileSync(join(named, ID, 'index.json'), 'utf8')) as IndexFile;
    for (const view of estimatedIndex.views) assert.ok(view.height > 0 && view.height % 10 === 0, `${view.height}`);
  });
});

describe('publish: views gone since the last publish', () => {
  let dir = '';
  let saved: string | undefined;
  const publishInto = async (analysis: Analysis, out: string) => {
    const file = join(dir, `${analysis.statements.length}.json`);
    writeFileSync(file, JSON.stringify(analysis));
    return run('publish', file, '--out', out, '--base-url', BASE);
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nw-publish-stale-'));
    // Heights do not matter here: estimated, quickly.
    saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = join(dir, 'no-such-browser');
  });
  after(() => {
    if (saved === undefined) delete process.env.CHROME_PATH;
    else process.env.CHROME_PATH = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('removes the files of views an earlier publish wrote and this one does not, and nothing else', async () => {
    const out = join(dir, 'site');
    assert.equal((await publishInto(sample, out)).code, 0);
    assert.ok(existsSync(join(out, ID, 'timeline.html')));
    writeFileSync(join(out, ID, 'notes.txt'), 'the newsroom’s own file');
    // The statements taken out: no timeline view any more.
    const { code, err, all } = await publishInto({ ...sample, statements: [] } as Analysis, out);
    assert.equal(code, 0, all());
    for (const name of ['timeline.html', 'timeline.oembed.json', 'timeline.static.html'])
      assert.ok(!existsSync(join(out, ID, name)), `${name} is still there`);
    assert.ok(existsSync(join(out, ID, 'notes.txt')), 'a file publish never writes stays');
    assert.ok(existsSync(join(out, ID, 'summary.html')));
    assert.ok(
      err.includes(
        `newsroom-widgets publish: removed 3 file(s) of views no longer in ${ID}: timeline.html, timeline.oembed.json, timeline.static.html`,
      ),
      err.join('\n'),
    );
  });
});

describe('publish: bad input is refused with one line', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nw-publish-bad-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const usage = 'usage: newsroom-widgets publish <analysis.json>... --out DIR --base-url URL [--provider-name NAME]';

  it('without --base-url: exit 2, says it is required', async () => {
    const { code, out, err } = await run('publish', SAMPLE, '--out', join(dir, 'a'));
    assert.equal(code, 2);
    assert.deepEqual(out, []);
    assert.deepEqual(err.join('\n').split('\n'), [
      '--base-url is required: the http(s) address the folder will have',
      usage,
    ]);
    assert.ok(!existsSync(join(dir, 'a')));
  });

  it('with an ftp: base: exit 2, says it must be http(s)', async () => {
    const { code, err } = await run('publish', SAMPLE, '--out', join(dir, 'b'), '--base-url', 'ftp://news.example/');
    assert.equal(code, 2);
    assert.deepEqual(err.join('\n').split('\n'), ['--base-url must be http(s), not ftp', usage]);
    assert.ok(!existsSync(join(dir, 'b')));
  });

  it('without --out or files: exit 2', async () => {
    assert.equal((await run('publish', SAMPLE, '--base-url', BASE)).code, 2);
    assert.equal((await run('publish', '--out', join(dir, 'c'), '--base-url', BASE)).code, 2);
    assert.equal((await run('publish', SAMPLE, '--out', join(dir, 'c'), '--base-url', BASE, '--nope')).code, 2);
  });

  it('an invalid analysis: exit 1, its problems as validate prints them, nothing written', async () => {
    const invalid = join(INVALID_DIR, '01-missing-question.json');
    const published = await run('publish', SAMPLE, invalid, '--out', join(dir, 'd'), '--base-url', BASE);
    const validated = await run('validate', invalid);
    assert.equal(published.code, 1);
    assert.equal(validated.code, 1);
    assert.deepEqual(published.err, validated.out);
    assert.deepEqual(published.out, []);
    assert.ok(!existsSync(join(dir, 'd')));
  });

  it('a missing file: exit 2, one line', async () => {
    const missing = join(dir, 'nope.json');
    const { code, err } = await run('publish', missing, '--out', join(dir, 'e'), '--base-url', BASE);
    assert.equal(code, 2);
    assert.deepEqual(err, [`${missing}: cannot read ${missing}: no such file`]);
  });

  it('not JSON: exit 2, one line; two analyses with one id: exit 1', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "id": ');
    const notJson = await run('publish', broken, '--out', join(dir, 'f'), '--base-url', BASE);
    assert.equal(notJson.code, 2);
    assert.equal(notJson.err.length, 1);
    const twice = await run('publish', SAMPLE, SAMPLE, '--out', join(dir, 'g'), '--base-url', BASE);
    assert.equal(twice.code, 1);
    assert.equal(twice.err.length, 1);
    assert.match(twice.err[0]!, /has the id "mexico-us-deployment"/);
  });
});
