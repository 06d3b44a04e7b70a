/**
 * Static rendering (`newsroom-widgets/render` and `newsroom-widgets render`): the HTML a CMS
 * pastes, rendered in Node with Lit SSR. What it contains, what it must never contain, and
 * what an editor sees when the analysis cannot be rendered. The page-level half (JavaScript
 * off, then the script loading, in Chromium) is test/package/render.test.ts.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { guardedStyle } from '../../src/internal/markup.js';
import {
  RENDERABLE_ELEMENTS,
  RenderError,
  renderDataScript,
  renderHtml,
  renderHtmlSync,
  staticStylesheet,
} from '../../src/render/index.js';
import { elementCss, scopeCss, STYLED_ELEMENTS } from '../../src/render/static-stylesheet.js';
import { captureIo, INVALID_DIR, minimalDoc, readText, SAMPLE } from './helpers.js';

const sample = () => JSON.parse(readText(SAMPLE));
const STACK_LINE = '    at ';

/** The inline data script's JSON (inside its guarding comment), parsed back. */
function inlineData(html: string, id = 'nw-data-mexico-us-deployment'): unknown {
  const match = html.match(new RegExp(`<script type="application/json" id="${id}"><!--(.*?)--></script>`, 's'));
  assert.ok(match, 'the output has the inline data script, its JSON inside a comment');
  return JSON.parse(match[1]!);
}

/** The element's light-DOM opening tag (the first nw-* tag of the output). */
const openTag = (html: string, tag: string) => html.match(new RegExp(`<${tag}\\b[^>]*>`))?.[0] ?? '';

describe('renderHtml', () => {
  it('in a language loaded on demand: its words, and dir="rtl" on the host for Arabic', async () => {
    const html = await renderHtml(sample(), { element: 'nw-stance-card', actor: 'claudia-sheinbaum', lang: 'ar' });
    assert.match(html, /<nw-stance-card [^>]*lang="ar" dir="rtl"/);
    assert.match(html, /المصادر:/);
    const french = await renderHtml(JSON.stringify(sample()), {
      element: 'nw-stance-card',
      actor: 'claudia-sheinbaum',
      lang: 'fr',
    });
    assert.match(french, /Confiance\u202f:/);
    assert.doesNotMatch(french, /dir="rtl"/);
  });

  it('renders a stance card: data script, element with for= and actor=, a declarative shadow root with the content', async () => {
    const html = await renderHtml(sample(), { element: 'nw-stance-card', actor: 'claudia-sheinbaum' });
    assert.ok(
      html.startsWith('<script type="application/json" id="nw-data-mexico-us-deployment">'),
      html.slice(0, 120),
    );
    assert.equal(
      openTag(html, 'nw-stance-card'),
      '<nw-stance-card for="nw-data-mexico-us-deployment" actor="claudia-sheinbaum">',
    );
    assert.ok(/<nw-stance-card[^>]*><template shadowroot="open" shadowrootmode="open"><style><!--/.test(html));
    assert.match(html, /Claudia Sheinbaum/);
    assert.match(html, /absolutely ruled out/);
    assert.match(html, /<span>Opposes<\/span>/);
    assert.match(html, /<time datetime="2025-08-08">August 8, 2025<\/time>/);
    // Citations are the real buttons, ready for the popover once the script loads.
    assert.match(html, /<button type="button" class="cite" part="citation" data-cite="2"/);
    assert.deepEqual(inlineData(html), sample(), 'the data script holds the analysis');
    // No hydration markers: the element re-renders, it does not hydrate.
    assert.doesNotMatch(html, /<!--\/?lit-|<\?>|defer-hydration/);
    assert.ok(html.endsWith('</nw-stance-card>\n'));
  });

  it('selects by stance= too, which wins over actor=', async () => {
    const html = await renderHtml(sample(), {
      element: 'nw-stance-card',
      stance: 'us-administration-mixed',
      actor: 'claudia-sheinbaum',
    });
    assert.match(html, /<span>Mixed<\/span>/);
    assert.doesNotMatch(html, /<span>Opposes<\/span>/);
  });

  for (const element of RENDERABLE_ELEMENTS) {
    it(`renders <${element}> with its content in a declarative shadow root`, async () => {
      const doc = sample();
      const html = await renderHtml(doc, {
        element,
        actor: element === 'nw-stance-card' ? 'claudia-sheinbaum' : undefined,
      });
      assert.match(openTag(html, element), /for="nw-data-mexico-us-deployment"/);
      assert.ok(new RegExp(`<${element}[^>]*><template shadowroot="open" shadowrootmode="open">`).test(html));
      assert.doesNotMatch(html, /part="placeholder"|class="error"/, 'ready content, neither loading nor error');
      const expected: Record<string, string[]> = {
        'nw-analysis': [doc.question, doc.sections[0].title, 'Claudia Sheinbaum', 'Sources'],
        'nw-summary': [doc.question, 'Key points', doc.unknowns[0]],
        'nw-stance-card': ['Claudia Sheinbaum'],
        'nw-stances': doc.stances.map((stance: { id: string }) => `id="headline-${stance.id}"`),
        'nw-source-list': ['Sources', 'Cited in'],
        'nw-timeline': ['8 statements', 'February 2025'],
      };
      for (const text of expected[element]!)
        assert.ok(html.includes(text.replace(/'/g, '&#39;')) || html.includes(text), `${element} shows "${text}"`);
    });
  }

  it('renders every statement of a long timeline (no progressive chunks in static HTML)', async () => {
    const doc = minimalDoc();
    doc.statements = Array.from({ length: 450 }, (_, i) => ({
      id: `s${i}`,
      actor: doc.actors[0].id,
      date: '2025-01',
      text: `Statement number ${i}.`,
      sources: [],
    }));
    const html = await renderHtml(doc, { element: 'nw-timeline' });
    assert.equal(html.match(/<li class="entry"/g)?.length, 450);
  });

  it('composes nested elements in <nw-analysis>, each with its own declarative shadow root and the same language', async () => {
    const html = await renderHtml(sample(), { element: 'nw-analysis', lang: 'es', theme: 'dark' });
    assert.match(openTag(html, 'nw-analysis'), /lang="es" theme="dark"/);
    for (const nested of ['nw-summary', 'nw-stances', 'nw-timeline', 'nw-source-list']) {
      assert.ok(
        // Marked as composed (no landmark of its own) and one heading level down where it sits.
        new RegExp(
          `<${nested}\\s+data-nested\\s+theme="dark"\\s+lang="es"\\s+heading-level="\\d"><template shadowroot="open" shadowrootmode="open">`,
        ).test(html),
        nested,
      );
    }
    assert.equal(html.match(/shadowrootmode="open"/g)?.length, 5);
  });

  it('speaks Spanish with lang: es: labels, positions and dates', async () => {
    const card = await renderHtml(sample(), { element: 'nw-stance-card', actor: 'claudia-sheinbaum', lang: 'es' });
    assert.match(openTag(card, 'nw-stance-card'), /lang="es"/);
    assert.match(card, /<span>En contra<\/span>/);
    assert.match(card, /Confianza/);
    assert.match(card, /8 de agosto de 2025/);
    const analysis = await renderHtml(sample(), { element: 'nw-analysis', lang: 'es' });
    assert.match(analysis, /Puntos clave/, 'the nested summary speaks Spanish too');
    assert.match(analysis, /Fuentes/);
    assert.match(analysis, /8 declaraciones/);
    assert.doesNotMatch(analysis, /Key points|8 statements/);
  });

  it('uses src= instead of inline data when given', async () => {
    const html = await renderHtml(sample(), { element: 'nw-summary', src: '/analyses/mexico-us-deployment.json' });
    assert.doesNotMatch(html, /application\/json/);
    assert.equal(openTag(html, 'nw-summary'), '<nw-summary src="/analyses/mexico-us-deployment.json">');
  });

  it('takes JSON text as well as an object, and a custom data id', async () => {
    const html = await renderHtml(readText(SAMPLE), { element: 'nw-summary', dataId: 'mx-data' });
    assert.match(openTag(html, 'nw-summary'), /for="mx-data"/);
    assert.deepEqual(inlineData(html, 'mx-data'), sample());
  });

  it('shares one data script across several renders of one analysis with dataScript: false', async () => {
    const doc = sample();
    const json = JSON.stringify(doc);
    const page = [
      renderDataScript(doc),
      await renderHtml(doc, { element: 'nw-summary', dataScript: false }),
      await renderHtml(doc, { element: 'nw-stance-card', actor: 'claudia-sheinbaum', dataScript: false }),
      await renderHtml(doc, { element: 'nw-source-list', dataScript: false }),
    ].join('');
    assert.equal(page.match(/<script type="application\/json"/g)?.length, 1, 'one data script on the page');
    assert.equal(page.match(/ id="nw-data-mexico-us-deployment"/g)?.length, 1, 'its id once');
    assert.deepEqual(inlineData(page), doc);
    for (const tag of ['nw-summary', 'nw-stance-card', 'nw-source-list'])
      assert.match(openTag(page, tag), /for="nw-data-mexico-us-deployment"/, `<${tag}> reads the shared script`);
    // Each shared render is its own render less exactly the script (about 22 KB for the sample).
    const script = renderDataScript(doc);
    assert.ok(script.length > json.length, 'the script carries the whole analysis');
    const own = await renderHtml(doc, { element: 'nw-summary' });
    const shared = await renderHtml(doc, { element: 'nw-summary', dataScript: false });
    assert.equal(own, `${script}${shared}`);
    // A custom id names the script and the elements alike; an invalid analysis is refused.
    assert.match(renderDataScript(doc, { dataId: 'mx' }), /^<script type="application\/json" id="mx">/);
    assert.match(
      openTag(await renderHtml(doc, { element: 'nw-summary', dataId: 'mx', dataScript: false }), 'nw-summary'),
      /for="mx"/,
    );
    assert.throws(() => renderDataScript({ schemaVersion: 1 }), RenderError);
  });

  it('appends JSON-LD with jsonLd', async () => {
    const html = await renderHtml(sample(), { element: 'nw-summary', jsonLd: { url: 'https://news.example/mx' } });
    const ld = html.match(/<script type="application\/ld\+json">(.*?)<\/script>\n$/s);
    assert.ok(ld, 'the JSON-LD script comes last');
    const data = JSON.parse(ld[1]!);
    assert.equal(data['@type'], 'AnalysisNewsArticle');
    assert.equal(data.url, 'https://news.example/mx');
    assert.equal(data.headline, sample().question);
  });

  it('cannot be made to inject markup by the analysis text or the options', async () => {
    const doc = minimalDoc();
    const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)><!-- --> "quoted" & <b>bold</b>';
    doc.question = hostile;
    doc.summary = hostile;
    const html = await renderHtml(doc, { element: 'nw-summary', lang: '"><script>alert(3)</script>', jsonLd: true });
    // The only tags are ours: no script but the data and JSON-LD ones, no img, no b, and no
    // comment but those guarding the data script's JSON and each stylesheet.
    assert.equal(html.match(/<script\b/g)?.length, 2);
    assert.match(html, /^<script type="application\/json" id="[^"]+"><!--\{/);
    const unguarded = html.replace(/(<script type="application\/json"[^>]*>|<style>)<!--/g, '$1');
    assert.doesNotMatch(unguarded, /<img|<b>|<!--|alert\(3\)<\/script>/);
    assert.match(html, /&lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    // Inside the data script, every < is \u003c: nothing in the data can close it.
    const data = html.match(/<script type="application\/json"[^>]*><!--(.*?)--><\/script>/s)![1]!;
    assert.ok(!data.includes('<'), data);
    assert.equal((JSON.parse(data) as { question: string }).question, hostile);
    assert.match(
      openTag(html, 'nw-summary'),
      /lang="&quot;&gt;&lt;script&gt;alert\(3\)&lt;\/script&gt;"|lang="&quot;>&lt;script>alert\(3\)&lt;\/script>"/,
    );
  });

  it("rejects an invalid analysis with the validator's problems", async () => {
    const invalid = JSON.parse(readText(join(INVALID_DIR, '14-dangling-stance-actor.json')));
    await assert.rejects(renderHtml(invalid, { element: 'nw-stances' }), (error: unknown) => {
      assert.ok(error instanceof RenderError);
      assert.equal(error.error.code, 'reference');
      assert.deepEqual(error.error.issues, [
        { path: 'stances[0].actor', message: 'actor "example-parliament" is not in the actors list' },
      ]);
      assert.equal(
        error.message,
        'The analysis has 1 problem.\n  stances[0].actor: actor "example-parliament" is not in the actors list',
      );
      return true;
    });
  });

  it('rejects a stance card whose actor or stance is not in the analysis, or that names neither', async () => {
    await assert.rejects(
      renderHtml(sample(), { element: 'nw-stance-card', actor: 'nobody' }),
      (error: unknown) =>
        error instanceof RenderError && error.error.code === 'not-found' && /nobody/.test(error.message),
    );
    await assert.rejects(renderHtml(sample(), { element: 'nw-stance-card', stance: 'nothing' }), RenderError);
    await assert.rejects(renderHtml(sample(), { element: 'nw-stance-card' }), RenderError);
  });

  it('rejects unknown elements and themes with a TypeError', async () => {
    await assert.rejects(renderHtml(sample(), { element: 'nw-cite' as never }), TypeError);
    await assert.rejects(renderHtml(sample(), { element: 'nw-summary', theme: 'pink' as never }), TypeError);
  });

  it('adds only Lit SSR and zod globals in Node (the README lists them), and element entries import safely beside it', () => {
    // A fresh process: what importing the render entry, then element entries, adds to globalThis.
    const script = [
      'const before = new Set(Object.getOwnPropertyNames(globalThis));',
      "const { renderHtmlSync } = await import('./src/render/index.ts');",
      "await import('./src/components/summary/summary.ts');",
      "await import('./src/define.ts');",
      "const { readFileSync } = await import('node:fs');",
      `const html = renderHtmlSync(readFileSync(${JSON.stringify(SAMPLE)}, 'utf8'), { element: 'nw-summary' });`,
      'const added = Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name)).sort();',
      'console.log(JSON.stringify({ added, rendered: /shadowrootmode=.open./.test(html) }));',
    ].join('\n');
    const output = execFileSync('node', ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(output.trim().split('\n').at(-1)!), {
      added: [
        '__zod_globalConfig',
        '__zod_globalRegistry',
        'customElements',
        'litElementVersions',
        'litHtmlVersions',
        'litPropertyMetadata',
        'litServerRoot',
        'reactiveElementVersions',
      ],
      rendered: true,
    });
  });

  it('installs no DOM globals in Node (document, window, HTMLElement stay undefined)', () => {
    renderHtmlSync(sample(), { element: 'nw-analysis' });
    const global = globalThis as Record<string, unknown>;
    assert.deepEqual(
      ['document', 'window', 'HTMLElement', 'Element', 'ShadowRoot', 'MutationObserver'].filter(
        (name) => global[name] !== undefined,
      ),
      [],
    );
  });
});

/** Every shadow root of a render: its host's tag and what the root starts with. */
const shadowRoots = (html: string) =>
  [
    ...html.matchAll(
      /<(nw-[a-z-]+)\b[^>]*><template shadowroot="open" shadowrootmode="open">(<style>.*?<\/style>|<link[^>]*>)?/gs,
    ),
  ].map((match) => ({ tag: match[1]!, first: match[2] ?? '' }));

describe('renderHtml with a stylesheet (strict CSP)', () => {
  const everyRender = () =>
    RENDERABLE_ELEMENTS.map((element) =>
      renderHtmlSync(sample(), { element, ...(element === 'nw-stance-card' ? { actor: 'claudia-sheinbaum' } : {}) }),
    );

  it('links the stylesheet from every shadow root, nested ones too, and has no <style> left', () => {
    const inline = renderHtmlSync(sample(), { element: 'nw-analysis' });
    const linked = renderHtmlSync(sample(), { element: 'nw-analysis', stylesheet: '/assets/nw.css?v=1&x="' });
    const link = '<link rel="stylesheet" href="/assets/nw.css?v=1&amp;x=&quot;">';
    const roots = shadowRoots(linked);
    assert.deepEqual(
      roots.map((root) => root.tag),
      ['nw-analysis', 'nw-summary', 'nw-stances', 'nw-timeline', 'nw-source-list'],
    );
    for (const root of roots) assert.equal(root.first, link, root.tag);
    assert.doesNotMatch(linked, /<style|style=/);
    // Nothing else differs from the inline render.
    assert.equal(linked, inline.replace(/<style>.*?<\/style>/gs, link));
  });

  it('an empty stylesheet is no stylesheet; a non-string one is a TypeError', () => {
    assert.match(renderHtmlSync(sample(), { element: 'nw-summary', stylesheet: '' }), /<style><!--/);
    assert.throws(() => renderHtmlSync(sample(), { element: 'nw-summary', stylesheet: 3 as never }), TypeError);
  });

  it("staticStylesheet() has every shadow root's styles, each scoped to its own tag", () => {
    const css = staticStylesheet();
    const seen = new Set<string>();
    for (const html of everyRender()) {
      for (const { tag, first } of shadowRoots(html)) {
        // The inline <style> is exactly the element's own styles, and the file has them, scoped.
        assert.equal(first, guardedStyle(elementCss(tag)), tag);
        assert.ok(css.includes(scopeCss(elementCss(tag), tag)), tag);
        seen.add(tag);
      }
    }
    assert.deepEqual([...seen].sort(), RENDERABLE_ELEMENTS.toSorted());
    for (const tag of STYLED_ELEMENTS) assert.ok(css.includes(`/* <${tag}> */`), tag);
    assert.equal(staticStylesheet(), css, 'the same text every time');
    assert.doesNotMatch(css, /<\/style|<!--|-->/);
  });

  it('scopes every selector to the host: host rules keep their specificity, the rest gain one :host()', () => {
    const scoped = scopeCss(
      `/* a comment { } */
      :host { display: block }
      :host([theme='dark']) , :host([hidden]) { x: y }
      :host > *, h2, .a .b::before { color: red }
      @media (min-width: 40rem) { @supports (position-area: block-end) { .popover, p { inset: auto } } }
      @container (max-width: 22em) { .placeholder { --_h: 45em; } }
      .q::before { content: "} {, :host" }
      @keyframes spin { from { rotate: 0 } to { rotate: 1turn } }
      :host(:not([theme='a'], [x])) .c { a: b }`,
      'nw-x',
    );
    const h = ':host(:where(nw-x))';
    assert.equal(
      scoped,
      [
        `${h}{display: block}`,
        `:host(:where(nw-x)[theme='dark']),:host(:where(nw-x)[hidden]){x: y}`,
        `${h} > *,${h} h2,${h} .a .b::before{color: red}`,
        `@media (min-width: 40rem){@supports (position-area: block-end){${h} .popover,${h} p{inset: auto}}}`,
        `@container (max-width: 22em){${h} .placeholder{--_h: 45em;}}`,
        `${h} .q::before{content: "} {, :host"}`,
        '@keyframes spin{from { rotate: 0 } to { rotate: 1turn }}',
        `:host(:where(nw-x):not([theme='a'], [x])) .c{a: b}`,
      ].join(''),
    );
  });
});

describe('newsroom-widgets render', () => {
  async function run(...argv: string[]) {
    const capture = captureIo();
    const code = await main(argv, capture.io);
    return { code, ...capture };
  }
  const scratch = mkdtempSync(join(tmpdir(), 'nw-render-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('prints the HTML and exits 0', async () => {
    const { code, out, err } = await run(
      'render',
      SAMPLE,
      '--element',
      'nw-stance-card',
      '--actor',
      'claudia-sheinbaum',
      '--lang',
      'es',
      '--theme',
      'auto',
    );
    assert.equal(code, 0, err.join('\n'));
    assert.deepEqual(err, []);
    const html = out.join('\n');
    assert.match(html, /^<script type="application\/json" id="nw-data-mexico-us-deployment">/);
    assert.match(
      openTag(html, 'nw-stance-card'),
      /for="nw-data-mexico-us-deployment" actor="claudia-sheinbaum" lang="es" theme="auto"/,
    );
    assert.match(html, /En contra/);
  });

  it('takes --json-ld, --page-url, --src and --out', async () => {
    const file = join(scratch, 'summary.html');
    const { code, out, err } = await run(
      'render',
      SAMPLE,
      '--element=nw-summary',
      '--src',
      '/mx.json',
      '--json-ld',
      '--page-url',
      'https://news.example/mx',
      '--out',
      file,
    );
    assert.equal(code, 0, err.join('\n'));
    assert.deepEqual(out, []);
    assert.match(err.join('\n'), /wrote <nw-summary> to/);
    const html = readFileSync(file, 'utf8');
    assert.match(openTag(html, 'nw-summary'), /src="\/mx.json"/);
    assert.match(html, /"url":"https:\/\/news.example\/mx"/);
  });

  it('takes --stylesheet, and --write-stylesheet with or without an analysis', async () => {
    const css = join(scratch, 'newsroom-widgets.css');
    const alone = await run('render', '--write-stylesheet', css);
    assert.equal(alone.code, 0, alone.all());
    assert.deepEqual(alone.out, []);
    assert.deepEqual(alone.err, [`wrote the static stylesheet to ${css}`]);
    assert.equal(readFileSync(css, 'utf8'), staticStylesheet());
    rmSync(css);

    const both = await run(
      'render',
      SAMPLE,
      '--element',
      'nw-summary',
      '--stylesheet',
      '/newsroom-widgets.css',
      `--write-stylesheet=${css}`,
    );
    assert.equal(both.code, 0, both.all());
    assert.match(both.out.join('\n'), /shadowrootmode="open"><link rel="stylesheet" href="\/newsroom-widgets.css">/);
    assert.doesNotMatch(both.out.join('\n'), /<style/);
    assert.equal(readFileSync(css, 'utf8'), staticStylesheet());

    const nowhere = await run('render', '--write-stylesheet', join(scratch, 'no', 'such', 'x.css'));
    assert.equal(nowhere.code, 2);
    assert.equal(nowhere.err.length, 1, nowhere.all());
    assert.ok(!nowhere.all().includes(STACK_LINE));
  });

  it("prints an invalid analysis's problems as validate does, on stderr, and exits 1 without a stack trace", async () => {
    const file = join(INVALID_DIR, '01-missing-question.json');
    const { code, out, err, all } = await run('render', file, '--element', 'nw-summary');
    assert.equal(code, 1);
    assert.deepEqual(out, []);
    assert.deepEqual(err, [`${file}: The analysis has 1 problem. [schema]`, '  question: is required']);
    assert.ok(!all().includes(STACK_LINE));
  });

  it('exits 1 for an actor the analysis does not have', async () => {
    const { code, out, err } = await run('render', SAMPLE, '--element', 'nw-stance-card', '--actor', 'nobody');
    assert.equal(code, 1);
    assert.deepEqual(out, []);
    assert.deepEqual(err, [`${SAMPLE}: No stance for actor "nobody" in this analysis. [not-found]`]);
  });

  it('exits 2 for usage errors and unreadable input, in one line each', async () => {
    for (const argv of [
      ['render', SAMPLE],
      ['render', SAMPLE, '--element', 'nw-cite'],
      ['render', SAMPLE, '--element', 'nw-summary', '--theme', 'pink'],
      ['render', SAMPLE, '--element', 'nw-summary', '--bogus'],
      ['render', '--element', 'nw-summary'],
      ['render', join(INVALID_DIR, 'does-not-exist.json'), '--element', 'nw-summary'],
      ['render', join(INVALID_DIR, '30-truncated-json.json'), '--element', 'nw-summary'],
    ]) {
      const { code, out, err, all } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.deepEqual(out, []);
      assert.ok(err.length >= 1 && err.length <= 2, all());
      assert.ok(!all().includes(STACK_LINE), all());
    }
  });

  it('is listed in the help, and has its own', async () => {
    assert.match((await run('--help')).out.join('\n'), /render <file-or-url> --element <name>/);
    const { code, out } = await run('render', '--help');
    assert.equal(code, 0);
    assert.match(out.join('\n'), /--element name +nw-analysis, nw-summary/);
  });
});
