/**
 * The embed builder (demo/builder.ts), mounted in the test page the way builder.html mounts it:
 * paste → problems or preview → the four kinds of embed code, and the CDN check (the page's
 * fetch replaced). Then its pipeline without a page: text → reading, form → notes and fields,
 * the order of updates. site.zip (the published folder made in the page) needs the build's
 * dist/embed/embed.classic.js, as `npm ci` leaves it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { CHECKING } from '../../demo/builder-integrity.js';
import { fieldsFor, OUTPUTS, planCode, type BuilderForm } from '../../demo/builder-outputs.js';
import { UpdateQueue } from '../../demo/builder-queue.js';
import { findJsonProblem } from '../../demo/builder-json.js';
import { readAnalysis, stanceActors } from '../../demo/builder-read.js';
import { cdnBase, cdnUrl, sriHash, viewName } from '../../demo/builder-snippets.js';
import { publishViews } from '../../src/publish/views.js';
import { mountBuilder, type Builder } from '../../demo/builder.js';
import { VERSION } from '../../src/version.js';
import type { Analysis } from '../../src/schema/analysis.js';
import { unzip } from '../unzip.js';
import { realFetch, replaceFetch, sample, SAMPLE_URL, shadowText, untilState } from './helpers.js';

/** This build's classic embed script, served by the test runner from the package folder. */
const EMBED_SCRIPT = '/dist/embed/embed.classic.js';
const HASH = 'sha384-testtesttesttesttesttesttesttesttesttesttesttesttesttesttesttest';

let root: HTMLElement;
let builder: Builder;
/** The sample analysis (data/mexico-us-deployment.json) as the text an editor pastes; read once before the first test. */
let sampleText: string;

function mount(options: Parameters<typeof mountBuilder>[1] = {}) {
  root = document.createElement('main');
  document.body.append(root);
  builder = mountBuilder(root, {
    integrity: { 'newsroom-widgets.js': HASH },
    ...options,
  });
}

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the builder`);
  return found;
};
const status = () => $('[data-status]').textContent!.replace(/\s+/g, ' ').trim();
const problems = () =>
  [...root.querySelectorAll('[data-problem-list] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
const notes = () => $('[data-notes]').textContent!;

async function choose(selector: string, value: string) {
  const select = $<HTMLSelectElement>(selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await builder.settled();
}

async function kind(value: 'link' | 'script' | 'iframe' | 'static') {
  const radio = $<HTMLInputElement>(`input[type=radio][value=${value}]`);
  radio.click();
  await builder.settled();
}

async function type(selector: string, value: string) {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await builder.settled();
}

/** The JSON inside the snippet's `<script type="application/json">` (inside its guarding comment). */
function embeddedJson(snippet: string): unknown {
  const match = /<script type="application\/json" id="nw-data-[^"]+"><!--(.*?)--><\/script>/s.exec(snippet);
  if (!match) throw new Error('no JSON script in the snippet');
  return JSON.parse(match[1]!);
}

before(async () => {
  sampleText = await (await realFetch(SAMPLE_URL)).text();
});

describe('embed builder', () => {
  afterEach(() => {
    builder?.destroy();
    root?.remove();
  });

  it('every control has a label, and the status is a live region', () => {
    mount();
    for (const control of root.querySelectorAll<HTMLInputElement>('textarea, select, input')) {
      expect(control.labels?.length ?? 0, `${control.outerHTML.slice(0, 80)} has no label`).to.be.greaterThan(0);
    }
    expect($('[data-status]').getAttribute('role')).to.equal('status');
    expect($('[data-copy-status]').getAttribute('role')).to.equal('status');
    expect($<HTMLTextAreaElement>('[data-snippet]').readOnly).to.equal(true);
    expect($<HTMLButtonElement>('[data-copy]').disabled).to.equal(true);
  });

  it('a valid analysis: preview renders, the script-tag code has the element, version, SRI hash and the document', async () => {
    mount();
    await builder.load(sampleText);
    await kind('script');
    expect(status()).to.match(/^Valid: .*8 actors, 6 stances, 8 statements and 19 sources/);
    const preview = builder.preview!;
    expect(preview.localName).to.equal('nw-analysis');
    await untilState(preview, 'ready');
    const summary = preview.shadowRoot!.querySelector('nw-summary')!;
    await untilState(summary, 'ready');
    expect(shadowText(summary)).to.contain("How would Mexico's government respond");
    const code = builder.snippet;
    expect(code).to.contain(
      `<script type="module" src="https://cdn.jsdelivr.net/npm/newsroom-widgets@${VERSION}/dist/cdn/newsroom-widgets.js" integrity="${HASH}" crossorigin="anonymous"></script>`,
    );
    // The element comes rendered (declarative shadow DOM), so it has its height before the script runs.
    expect(code).to.contain(
      '<nw-analysis for="nw-data-mexico-us-deployment" lang="en" theme="light"><template shadowrootmode="open">',
    );
    expect(code).to.match(/<\/template><\/nw-analysis>$/);
    expect(embeddedJson(code)).to.deep.equal(builder.analysis);
    expect($<HTMLTextAreaElement>('[data-snippet]').value).to.equal(code);
    expect($<HTMLButtonElement>('[data-copy]').disabled).to.equal(false);
  });

  it('never shows a made-up hash: without a build, the code has none and says how to get it', async () => {
    mount({ integrity: undefined });
    await builder.load(sampleText);
    await kind('script');
    expect(builder.snippet).to.contain('newsroom-widgets.js" crossorigin="anonymous"></script>');
    expect(builder.snippet).not.to.contain('integrity=');
    expect(notes()).to.contain('No integrity hash');
    expect($('[data-sri-text]').textContent).to.contain('npm run build');
  });

  it('escapes the document so its text cannot close the script', async () => {
    mount();
    const doc = await sample();
    doc.question = 'Is </script><script>alert(1)</script> safe?';
    await builder.load(JSON.stringify(doc));
    await kind('script');
    const code = builder.snippet;
    expect(code.match(/<\/script>/g)!.length).to.equal(2); // the CDN script's and the JSON's own
    expect(code).to.contain('\\u003c/script\\u003e');
    expect((embeddedJson(code) as { question: string }).question).to.equal(doc.question);
  });

  it('broken JSON: the error says where, the preview and the code are cleared', async () => {
    mount();
    await builder.load(sampleText);
    expect(builder.preview).to.exist;
    await builder.load('{\n  "schemaVersion": 1,\n  "id": "x"\n  "question": "?"\n}');
    expect(status()).to.contain('not valid JSON');
    expect(status()).to.contain('line 3, column 12');
    expect(status()).to.contain('a comma is missing');
    expect(builder.preview).to.equal(undefined);
    expect(root.querySelector('nw-analysis')).to.equal(null);
    expect($('[data-preview-empty]').hidden).to.equal(false);
    expect($('[data-preview-empty]').textContent).to.contain('not valid JSON');
    expect(builder.snippet).to.equal('');
    expect($<HTMLButtonElement>('[data-copy]').disabled).to.equal(true);
    // "Go to the error" puts the cursor there.
    const textarea = $<HTMLTextAreaElement>('[data-json]');
    $('[data-goto]').click();
    expect(document.activeElement).to.equal(textarea);
    expect(textarea.selectionStart).to.equal(textarea.value.indexOf('"x"') + 3);
  });

  it('finds JSON mistakes editors make, with line and column', () => {
    expect(findJsonProblem('{"a": 1}')).to.equal(undefined);
    expect(findJsonProblem('{"a": 1,}')).to.include({ line: 1, column: 9 });
    expect(findJsonProblem('{"a": “b”}')!.message).to.contain('curly quote');
    expect(findJsonProblem("{'a': 1}")!.message).to.contain('double quotes');
    expect(findJsonProblem('{"a": [1, 2}')).to.include({ column: 12 });
    expect(findJsonProblem('{"a": "line\nbreak"}')!.message).to.contain('\\n');
    expect(findJsonProblem('{"a": 1} x')!.message).to.contain('after the end');
    expect(findJsonProblem('{"a": "never closed}')!.message).to.contain('never closed');
  });

  it('an invalid analysis: every problem is listed with its path', async () => {
    mount();
    const doc = await sample();
    doc.question = '';
    doc.sources[0]!.url = 'javascript:alert(1)';
    (doc.statements[0] as { actor: string }).actor = 'nobody';
    await builder.load(JSON.stringify(doc));
    expect(status()).to.match(/The analysis has 3 problems/);
    const listed = problems();
    expect(listed.some((line) => line.startsWith('question '))).to.equal(true, listed.join('\n'));
    expect(listed.some((line) => line.startsWith('sources[0].url '))).to.equal(true, listed.join('\n'));
    expect(listed.some((line) => line.startsWith('statements[0].actor '))).to.equal(true, listed.join('\n'));
    expect(builder.preview).to.equal(undefined);
    expect(builder.snippet).to.equal('');
  });

  it('typing is validated after a pause', async () => {
    mount();
    await type('[data-json]', sampleText);
    expect(builder.analysis?.id).to.equal('mexico-us-deployment');
    await type('[data-json]', sampleText.slice(0, 100));
    expect(status()).to.contain('not valid JSON');
  });

  it('switching element, actor, language and theme updates the preview and the code', async () => {
    mount();
    await builder.load(sampleText);
    await kind('script');
    await choose('[data-element]', 'nw-stance-card');
    expect($('[data-actor-field]').hidden).to.equal(false);
    const actors = [...$<HTMLSelectElement>('[data-actor]').options].map((option) => option.value);
    const doc = await sample();
    expect(actors).to.deep.equal(doc.actors.filter((a) => doc.stances.some((s) => s.actor === a.id)).map((a) => a.id));
    await choose('[data-actor]', 'us-administration');
    expect(builder.preview!.localName).to.equal('nw-stance-card');
    expect(builder.preview!.getAttribute('actor')).to.equal('us-administration');
    await untilState(builder.preview!, 'ready');
    expect(shadowText(builder.preview!)).to.contain('US administration');
    expect(builder.snippet).to.contain(
      '<nw-stance-card for="nw-data-mexico-us-deployment" actor="us-administration" lang="en" theme="light">',
    );

    await choose('[data-lang]', 'es');
    await choose('[data-theme-select]', 'dark');
    expect(builder.preview!.getAttribute('lang')).to.equal('es');
    expect(builder.preview!.getAttribute('theme')).to.equal('dark');
    expect($('[data-preview]').dataset.previewTheme).to.equal('dark');
    expect(builder.snippet).to.contain('actor="us-administration" lang="es" theme="dark"');

    await choose('[data-element]', 'nw-timeline');
    expect($('[data-actor-field]').hidden).to.equal(true);
    expect(builder.preview!.localName).to.equal('nw-timeline');
    expect(builder.snippet).to.contain(
      '<nw-timeline for="nw-data-mexico-us-deployment" lang="es" theme="dark"><template shadowrootmode="open">',
    );
    expect(root.querySelectorAll('[data-preview] > nw-timeline, [data-preview] > nw-stance-card').length).to.equal(1);
  });

  it('script tag with a JSON address: src= instead of the inline document', async () => {
    mount();
    await builder.load(sampleText);
    await kind('script');
    await type('[data-json-url]', 'https://news.example/data/analysis.json');
    expect(builder.snippet).to.contain(
      '<nw-analysis src="https://news.example/data/analysis.json" lang="en" theme="light"><template shadowrootmode="open">',
    );
    expect(builder.snippet).not.to.contain('application/json');
  });

  it('shows each kind of code its own fields: the published folder for the link, the library’s files and the JSON address for the others, the script’s options', async () => {
    mount();
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((radio) => radio.parentElement!.textContent!.trim())).to.deep.equal([
      'Link (oEmbed)',
      'Script tag',
      'iframe',
      'Static HTML',
    ]);
    // The link is the first choice: it works in CMSes that strip scripts, for every WordPress role.
    expect(radios.filter((radio) => radio.checked).map((radio) => radio.value)).to.deep.equal(['link']);
    const shown = () =>
      ['[data-site-base]', '[data-base]', '[data-json-url]', '[data-interactive]', '[data-jsonld]'].filter((selector) =>
        $(selector).checkVisibility(),
      );
    // The link itself needs only the published folder; site.zip takes embed.js from the library's files.
    expect(shown()).to.deep.equal(['[data-site-base]', '[data-base]']);
    // The link loads no script of ours: no integrity hash to explain.
    expect($('[data-sri]').checkVisibility()).to.equal(false);
    await kind('script');
    expect($('[data-sri]').checkVisibility()).to.equal(true);
    expect(shown()).to.deep.equal(['[data-base]', '[data-json-url]', '[data-jsonld]']);
    await kind('iframe');
    expect(shown()).to.deep.equal(['[data-base]', '[data-json-url]']);
    expect($('[data-url-label]').textContent).to.equal('Address of the JSON file (needed for an iframe)');
    await choose('[data-element]', 'nw-stance-card');
    expect($('[data-actor]').checkVisibility()).to.equal(true);
    await kind('static');
    expect(shown()).to.deep.equal(['[data-base]', '[data-json-url]', '[data-interactive]', '[data-jsonld]']);
    await kind('script');
    expect(shown()).to.deep.equal(['[data-base]', '[data-json-url]', '[data-jsonld]']);
    await kind('link');
    expect(shown()).to.deep.equal(['[data-site-base]', '[data-base]']);
    // A builder with its own build copies that embed.js: no address to ask for.
    builder.destroy();
    root.remove();
    mount({ loadEmbedScript: async () => (await realFetch(EMBED_SCRIPT)).text() });
    expect(shown()).to.deep.equal(['[data-site-base]']);
  });

  it('iframe: asks for the JSON address, then gives the iframe and the resizer', async () => {
    mount();
    await builder.load(sampleText);
    await choose('[data-element]', 'nw-stance-card');
    await choose('[data-actor]', 'claudia-sheinbaum');
    await kind('iframe');
    expect(builder.snippet).to.equal('');
    expect(notes()).to.contain('needs the address of the JSON file');
    expect($('[data-url-help]').textContent).to.contain('cannot read the analysis from your article');
    await type('[data-json-url]', 'https://news.example/data/a b.json');
    // jsDelivr (the default) sends embed.html as text: the iframe waits for the newsroom's own host.
    expect(builder.snippet).to.equal('');
    expect(notes()).to.contain('jsDelivr sends embed.html as plain text');
    await type('[data-base]', 'https://news.example/widgets');
    const code = builder.snippet;
    // The heights measured on the preview at a phone's and a desktop's column width: the frame
    // starts at its content's height (the resizer, right after it, picks the one for its width).
    const [, phone, desktop] = /data-nw-heights="375:(\d+) 640:(\d+)"/.exec(code) ?? [];
    expect(Number(phone)).to.be.greaterThan(Number(desktop)); // narrower: more lines
    expect(Number(desktop)).to.be.greaterThan(100);
    expect(code).to.equal(
      [
        '<div class="nw-embed"><iframe src="https://news.example/widgets/embed.html?src=https%3A%2F%2Fnews.example%2Fdata%2Fa+b.json&amp;element=nw-stance-card&amp;actor=claudia-sheinbaum&amp;lang=en&amp;theme=light"' +
          ` title="How would Mexico's government respond to a US military deployment on its soil?" width="100%" height="${phone}" data-nw-heights="375:${phone} 640:${desktop}" frameborder="0" loading="lazy"></iframe></div>`,
        '<script src="https://news.example/widgets/embed/resizer.js"></script>',
      ].join('\n'),
    );
    // The URL the browser reads from the attribute carries the parameters as given.
    const iframe = new DOMParser().parseFromString(code, 'text/html').querySelector('iframe')!;
    const params = new URL(iframe.src).searchParams;
    expect(params.get('src')).to.equal('https://news.example/data/a b.json');
    expect(params.get('actor')).to.equal('claudia-sheinbaum');
  });

  it('iframe: a block (no style attribute) that fills a plain page and sits in a theme’s narrow text column', async () => {
    mount();
    await builder.load(sampleText);
    await kind('iframe');
    await type('[data-json-url]', 'https://news.example/data/analysis.json');
    await type('[data-base]', 'https://news.example/widgets/');
    const code = builder.snippet;
    expect(code).to.match(/^<div class="nw-embed"><iframe [^>]*><\/iframe><\/div>\n<script /);
    expect(code).not.to.contain('style=');
    expect(code)
      .to.contain(' title="How would Mexico')
      .and.to.contain(' loading="lazy"')
      .and.to.contain(' width="100%"');
    expect(code).to.contain('src="https://news.example/widgets/embed/resizer.js"');
    expect($('[data-base-help]').textContent).to.contain('An iframe needs your own host');
    const block = () => {
      const parsed = new DOMParser().parseFromString(code, 'text/html').querySelector('.nw-embed')!;
      // Laid out, not loaded: the frame's page is not what is measured.
      parsed.querySelector('iframe')!.src = 'about:blank';
      return document.adoptNode(parsed);
    };
    // A plain page: the frame is as wide as the text.
    const plain = document.createElement('article');
    plain.style.width = '700px';
    plain.append(document.createElement('p'), block());
    document.body.append(plain);
    // A theme's constrained layout, as Twenty Twenty-Three's: every block child of the post is
    // centred at the content width; an inline child stays at the left of the wider box.
    const theme = document.createElement('div');
    theme.className = 'nw-test-constrained';
    const style = document.createElement('style');
    style.textContent =
      '.nw-test-constrained{width:1000px}.nw-test-constrained>*{max-width:400px;margin-left:auto!important;margin-right:auto!important}';
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Text of the article.';
    theme.append(style, paragraph, block());
    document.body.append(theme);
    try {
      const frame = plain.querySelector('iframe')!.getBoundingClientRect();
      expect(frame.width).to.equal(700);
      expect(frame.left).to.equal(plain.getBoundingClientRect().left);
      const column = paragraph.getBoundingClientRect();
      const themed = theme.querySelector('iframe')!.getBoundingClientRect();
      expect(column.width).to.equal(400);
      expect(themed.left).to.equal(column.left);
      expect(themed.width).to.equal(column.width);
    } finally {
      plain.remove();
      theme.remove();
    }
  });

  it('the link (oEmbed), the first choice: asks for the published folder, then gives the chosen view’s page', async () => {
    mount();
    await builder.load(sampleText);
    expect($<HTMLInputElement>('input[type=radio][value=link]').checked).to.equal(true);
    expect(builder.snippet).to.equal('');
    expect(notes()).to.contain('Give the address of the published folder (https://…)');
    const help = $('[data-kind-help]').textContent!;
    expect(help).to.contain('alone on its own line');
    expect(help).to.contain('WordPress (any role), Ghost, Drupal, Medium');
    expect(help).to.contain('npx newsroom-widgets publish analysis.json --out site --base-url BASE');
    expect(help).to.contain('upload site/ to BASE first');
    expect(help).to.contain('WordPress caches a failed lookup as a plain link, so upload before you paste');
    expect($('[data-wordpress-help]').textContent).to.contain('every role can paste it');

    await type('[data-site-base]', 'news.example/embeds');
    expect(builder.snippet).to.equal('');
    expect(notes()).to.contain('published folder');
    await type('[data-site-base]', 'https://news.example/embeds');
    expect(builder.snippet).to.equal('https://news.example/embeds/mexico-us-deployment/analysis.html');
    expect($('[data-site-base-help]').textContent).to.contain(
      'npx newsroom-widgets publish analysis.json --out site --base-url https://news.example/embeds',
    );
    expect($<HTMLButtonElement>('[data-copy]').disabled).to.equal(false);
    await choose('[data-element]', 'nw-stance-card');
    await choose('[data-actor]', 'claudia-sheinbaum');
    expect(builder.snippet).to.equal('https://news.example/embeds/mexico-us-deployment/stance-claudia-sheinbaum.html');
    await choose('[data-element]', 'nw-source-list');
    expect(builder.snippet).to.equal('https://news.example/embeds/mexico-us-deployment/sources.html');
    await type('[data-site-base]', 'https://news.example/embeds///');
    await choose('[data-element]', 'nw-timeline');
    expect(builder.snippet).to.equal('https://news.example/embeds/mexico-us-deployment/timeline.html');
    expect(notes()).to.equal('');
    // The page is published in the analysis's language: another choice here is said, not applied.
    await choose('[data-lang]', 'es');
    expect(builder.snippet).to.equal('https://news.example/embeds/mexico-us-deployment/timeline.html');
    expect(notes()).to.contain('in its own language (en)');
    // On this computer: nobody (and no CMS) can reach it.
    await type('[data-site-base]', 'http://localhost:8080/site/');
    expect($('[data-site-base-help]').textContent).to.contain('your own computer');
  });

  it('Download site.zip: the folder publish writes, made and measured in the page, saved, and its pages working', async function () {
    // Eleven pages measured one after another in a frame: seconds, not the usual fraction of one.
    this.timeout(120_000);
    mount({ loadEmbedScript: async () => (await realFetch(EMBED_SCRIPT)).text() });
    await builder.load(sampleText);
    const button = $<HTMLButtonElement>('[data-download]');
    expect(button.checkVisibility()).to.equal(true);
    // No address yet: nothing to make the folder for.
    expect(button.disabled).to.equal(true);
    await type('[data-site-base]', 'https://news.example/embeds');
    expect(button.disabled).to.equal(false);
    button.focus();
    button.click();
    const saved = $<HTMLAnchorElement>('[data-download-link]');
    const progress = $('[data-download-status]');
    // Ready, or a failure said (whose words the assertion below then shows).
    await waitUntil(
      () => saved.checkVisibility() || progress.textContent!.startsWith('Could not'),
      'site.zip was never ready',
      {
        timeout: 110_000,
        interval: 200,
      },
    );
    // The editor's focus stays where it was; the status says what is ready and where it goes.
    expect(document.activeElement).to.equal(button);
    const said = $('[data-download-status]').textContent!;
    expect(said).to.match(
      /^site\.zip is ready: \d+ files, \d+ KB, \d+ pages\. Unzip it and upload site\/ to https:\/\/news\.example\/embeds\.$/,
    );
    expect(saved.download).to.equal('site.zip');

    const entries = await unzip(new Uint8Array(await (await realFetch(saved.href)).arrayBuffer()));
    const files = new Map(entries.map(({ name, data }) => [name, data]));
    const text = (name: string) => {
      const data = files.get(name);
      if (!data) throw new Error(`site.zip has no ${name}`);
      return new TextDecoder().decode(data);
    };
    const analysis = JSON.parse(sampleText) as Analysis;
    const id = analysis.id;
    const views = [
      'analysis',
      'summary',
      'stances',
      'sources',
      'timeline',
      ...new Set(analysis.stances.map((stance) => `stance-${stance.actor}`)),
    ];
    expect([...files.keys()].sort()).to.deep.equal(
      [
        'site/',
        'site/embed.js',
        'site/newsroom-widgets.css',
        `site/${id}/`,
        `site/${id}/index.json`,
        `site/${id}/analysis.json`,
        `site/${id}/analysis.jsonld`,
        ...views.flatMap((view) => [
          `site/${id}/${view}.html`,
          `site/${id}/${view}.oembed.json`,
          `site/${id}/${view}.static.html`,
        ]),
      ].sort(),
    );
    expect(said).to.contain(`${files.size - 2} files`);
    expect(said).to.contain(`${views.length} pages`);
    // embed.js is this build's classic embed script, byte for byte.
    const script = new Uint8Array(await (await realFetch(EMBED_SCRIPT)).arrayBuffer());
    expect(files.get('site/embed.js')).to.deep.equal(script);
    expect(JSON.parse(text(`site/${id}/analysis.json`))).to.deep.equal(analysis);
    // Each static fragment is the view rendered, readable without JavaScript, not a placeholder.
    for (const view of views) {
      const fragment = text(`site/${id}/${view}.static.html`);
      expect(fragment, view).to.contain('<template shadowroot="open" shadowrootmode="open">');
      expect(fragment, view).not.to.contain('Loading analysis');
    }
    expect(text(`site/${id}/summary.static.html`)).to.contain(analysis.summary.slice(0, 80));

    // The index and each oEmbed answer point at the published addresses, with measured heights.
    const index = JSON.parse(text(`site/${id}/index.json`)) as {
      views: { view: string; embed: string; height: number }[];
    };
    expect(index.views.map((view) => view.view)).to.deep.equal(views);
    for (const view of index.views) {
      expect(view.embed).to.equal(`https://news.example/embeds/${id}/${view.view}.html`);
      expect(view.height, view.view).to.be.above(100);
    }
    const heightOf = (name: string) => index.views.find((view) => view.view === name)!.height;
    // The whole analysis is many times a stance card: heights from the pages, not one guess.
    expect(heightOf('analysis')).to.be.above(5 * heightOf(views.at(-1)!));
    const oembed = JSON.parse(text(`site/${id}/summary.oembed.json`)) as { type: string; height: number; html: string };
    expect(oembed.type).to.equal('rich');
    expect(oembed.height).to.equal(Math.min(1000, Math.max(200, heightOf('summary'))));
    expect(oembed.html).to.contain(`src="https://news.example/embeds/${id}/summary.html"`);

    // A page of the folder, with its embed.js and stylesheet, as a reader's browser opens it.
    const page = text(`site/${id}/summary.html`);
    expect(page).to.contain(
      `<link rel="alternate" type="application/json+oembed" href="https://news.example/embeds/${id}/summary.oembed.json"`,
    );
    const blobUrl = (name: string, mime: string) =>
      URL.createObjectURL(new Blob([files.get(name)! as BlobPart], { type: mime }));
    const frame = document.createElement('iframe');
    frame.style.width = '375px';
    frame.srcdoc = page
      .replace(/src="\.\.\/embed\.js\?v=[^"]+"/, `src="${blobUrl('site/embed.js', 'text/javascript')}"`)
      .replaceAll('href="../newsroom-widgets.css"', `href="${blobUrl('site/newsroom-widgets.css', 'text/css')}"`);
    document.body.append(frame);
    try {
      await waitUntil(
        () => frame.contentDocument?.querySelector('nw-summary')?.getAttribute('state') === 'ready',
        'the page never got ready',
        { timeout: 20_000 },
      );
      expect(shadowText(frame.contentDocument!.querySelector('nw-summary')!)).to.contain(analysis.question);
    } finally {
      frame.remove();
    }

    // Another address would upload the wrong files: the saved zip goes away.
    await type('[data-site-base]', 'https://news.example/other/');
    expect(saved.checkVisibility()).to.equal(false);
    expect($('[data-download-status]').textContent).to.equal('');
  });

  it('Download site.zip: an address that does not serve embed.js is said, and nothing is saved', async function () {
    this.timeout(20_000);
    mount({ base: `${location.origin}/no-such-dist/` });
    await builder.load(sampleText);
    await type('[data-site-base]', 'https://news.example/embeds/');
    $<HTMLButtonElement>('[data-download]').click();
    const said = $('[data-download-status]');
    await waitUntil(() => said.textContent!.includes('answered'), 'no failure was said', { timeout: 15_000 });
    expect(said.textContent).to.equal(
      `${location.origin}/no-such-dist/embed/embed.classic.js answered 404 (not found): the folder needs that file as embed.js. Check the address of the library’s files (the package’s dist/ folder), or publish from the command line.`,
    );
    expect($('[data-download-link]').checkVisibility()).to.equal(false);
  });

  it('the library’s files: jsDelivr by default, or the newsroom’s own host (full address or site path), checked', async () => {
    mount();
    await builder.load(sampleText);
    await kind('script');
    expect($<HTMLInputElement>('[data-base]').value).to.equal(
      `https://cdn.jsdelivr.net/npm/newsroom-widgets@${VERSION}/dist/`,
    );
    expect($('[data-base-help]').textContent).to.contain('on jsDelivr (the default)');
    expect(builder.snippet).to.contain(`src="${cdnUrl(VERSION)}" integrity="${HASH}"`);
    await type('[data-base]', 'https://news.example/nw');
    expect(builder.snippet.split('\n')[0]).to.equal(
      `<script type="module" src="https://news.example/nw/cdn/newsroom-widgets.js" integrity="${HASH}" crossorigin="anonymous"></script>`,
    );
    expect($('[data-base-help]').textContent).to.contain('Upload dist/ of the version this builder writes for');
    await type('[data-base]', '/assets/newsroom-widgets/');
    expect(builder.snippet).to.contain('<script type="module" src="/assets/newsroom-widgets/cdn/newsroom-widgets.js"');
    await kind('static');
    expect(builder.snippet).to.contain('<script type="module" src="/assets/newsroom-widgets/cdn/newsroom-widgets.js"');
    await kind('script');
    for (const bad of ['ftp://news.example/nw/', '//news.example/nw/', 'news.example/nw', '']) {
      await type('[data-base]', bad);
      expect(builder.snippet, bad).to.equal('');
      expect(notes(), bad).to.contain(
        'must be a full address starting with https:// (or http://), or a path on your site starting with /',
      );
    }
    await type('[data-base]', 'http://localhost:5173/');
    expect($('[data-base-help]').textContent).to.contain('your own computer');

    // No hash known: none on the newsroom's host either (never a made-up one).
    builder.destroy();
    root.remove();
    mount({ integrity: undefined, base: 'https://news.example/nw/' });
    await builder.load(sampleText);
    await kind('script');
    expect(builder.snippet).to.contain(
      '<script type="module" src="https://news.example/nw/cdn/newsroom-widgets.js" crossorigin="anonymous">',
    );
    expect(builder.snippet).not.to.contain('integrity=');
  });

  it('static HTML: declarative shadow DOM with the question, styles, and no Lit markers', async () => {
    mount();
    await builder.load(sampleText);
    await kind('static');
    const code = builder.snippet;
    expect(code).to.contain('shadowrootmode="open"');
    expect(code).to.contain("How would Mexico's government respond to a US military deployment on its soil?");
    expect(code).to.contain('<style>');
    expect(code).not.to.contain('<!--?lit$');
    expect(code).not.to.contain('<!--?-->');
    expect(code).to.contain(
      '<nw-analysis for="nw-data-mexico-us-deployment" lang="en" theme="light"><template shadowrootmode="open">',
    );
    // Nested elements' roots are there too, under names the script does not upgrade.
    expect(code).to.contain('<nw-static-summary');
    expect(code.match(/shadowrootmode="open"/g)!.length).to.be.greaterThan(3);
    expect($('[data-kind-help]').textContent).to.contain('npx newsroom-widgets render');
  });

  it('static HTML reads as the widget with no script, and is not shown twice once the script upgrades it', async () => {
    mount();
    await builder.load(sampleText);
    await choose('[data-element]', 'nw-summary');
    await kind('static');
    // Without the script: another name, so nothing upgrades it.
    $<HTMLInputElement>('[data-interactive]').click();
    await builder.settled();
    const plain = document.createElement('div');
    plain.setHTMLUnsafe(builder.snippet);
    document.body.append(plain);
    const host = plain.querySelector('nw-static-summary')!;
    expect(host.shadowRoot!.querySelector('h2')!.textContent).to.contain("How would Mexico's government");
    expect(getComputedStyle(host.shadowRoot!.querySelector('article')!).borderTopStyle).not.to.equal('none');
    plain.remove();

    // With the script (already loaded in this page): upgrades, and the static copy is hidden.
    $<HTMLInputElement>('[data-interactive]').click();
    await builder.settled();
    const code = builder.snippet.replace(/<script type="module"[^>]*><\/script>\n/, '');
    const page = document.createElement('div');
    page.setHTMLUnsafe(code.replaceAll('nw-data-mexico-us-deployment', 'nw-data-upgrade-test'));
    document.body.append(page);
    const live = page.querySelector('nw-summary')!;
    await untilState(live, 'ready');
    // The served copy goes once the element has rendered its own content (or, with an older
    // element, stays hidden by the copy's own style): either way the question shows once.
    const visibleQuestions = () => [...live.shadowRoot!.querySelectorAll('h2')].filter((h) => h.checkVisibility());
    await waitUntil(() => visibleQuestions().length === 1, `the question shows ${visibleQuestions().length} times`);
    expect(visibleQuestions()[0]!.textContent).to.contain("How would Mexico's government");
    page.remove();
  });

  it('copies the code and says so', async () => {
    mount();
    await builder.load(sampleText);
    await kind('script');
    let copied = '';
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (text: string) => {
          copied = text;
        },
      },
    });
    try {
      $('[data-copy]').click();
      await waitUntil(() => $('[data-copy-status]').textContent !== '', 'no copy status');
      expect(copied).to.equal(builder.snippet);
      expect($('[data-copy-status]').textContent).to.contain('Copied');
      // A browser that refuses: the code is selected for Ctrl+C instead.
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {
          writeText: async () => {
            throw new Error('denied');
          },
        },
      });
      $('[data-copy]').click();
      await waitUntil(() => $('[data-copy-status]').textContent!.includes('Ctrl+C'), 'no fallback status');
      const area = $<HTMLTextAreaElement>('[data-snippet]');
      expect(area.selectionEnd - area.selectionStart).to.equal(area.value.length);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (original && !('clipboard' in navigator)) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('JSON-LD can be added to the script-tag code', async () => {
    mount();
    await builder.load(sampleText);
    await kind('script');
    $<HTMLInputElement>('[data-jsonld]').click();
    await builder.settled();
    expect(builder.snippet).to.contain(
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"AnalysisNewsArticle"',
    );
  });

  it('says under the kind’s own help who can paste it in WordPress, and follows the kind', async () => {
    mount();
    await builder.load(sampleText);
    await kind('script');
    expect($('[data-wordpress-help]').textContent).to.contain('Custom HTML preview');
    await kind('static');
    expect($('[data-wordpress-help]').textContent).to.contain('keeps only its text');
  });

  it('checks the hash against the CDN file: a match, a new hash, or why it could not', async () => {
    const bytes = new TextEncoder().encode('export {};').buffer;
    const hash = await sriHash(bytes);
    const asked: string[] = [];
    let answer = () => new Response(bytes);
    const restore = replaceFetch(async (input) => {
      asked.push(String(input));
      return answer();
    });
    const check = async () => {
      $('[data-sri-check]').click();
      await waitUntil(() => $('[data-sri-status]').textContent !== CHECKING, 'the check never ended');
      await builder.settled();
      return $('[data-sri-status]').textContent;
    };
    try {
      mount();
      await builder.load(sampleText);
      await kind('script');
      expect($('[data-sri-text]').textContent).to.contain('this copy’s build');
      expect(await check()).to.contain('It does not match');
      expect(asked).to.deep.equal([cdnUrl(VERSION)]);
      expect(builder.snippet).to.contain(`integrity="${hash}"`);
      expect($('[data-sri-text]').textContent).to.contain('computed here');
      expect(await check()).to.equal('It matches the file on the CDN.');
      answer = () => new Response('', { status: 404 });
      expect(await check()).to.equal(
        `Could not check: the CDN answered 404 (is ${VERSION} published?). You may be offline.`,
      );
      expect(builder.snippet).to.contain(`integrity="${hash}"`);

      builder.destroy();
      root.remove();
      mount({ integrity: undefined });
      await builder.load(sampleText);
      await kind('script');
      answer = () => new Response(bytes);
      expect(await check()).to.contain('Got it from the CDN');
      expect(builder.snippet).to.contain(`integrity="${hash}"`);
    } finally {
      restore();
    }
  });

  it('a dropped file is loaded', async () => {
    mount();
    const transfer = new DataTransfer();
    transfer.items.add(new File([sampleText], 'analysis.json', { type: 'application/json' }));
    $('[data-drop]').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    await waitUntil(() => builder.analysis !== undefined, 'the dropped file was not loaded');
    await builder.settled();
    expect($<HTMLTextAreaElement>('[data-json]').value).to.equal(sampleText);
    expect(builder.preview?.localName).to.equal('nw-analysis');
  });
});

describe('embed builder pipeline, without a page', () => {
  const form = (change: Partial<BuilderForm> = {}): BuilderForm => ({
    element: 'nw-analysis',
    actor: '',
    lang: 'en',
    theme: 'light',
    kind: 'script',
    jsonUrl: '',
    base: cdnBase(VERSION),
    siteBase: '',
    interactive: true,
    jsonLd: false,
    ...change,
  });

  it('reads text as nothing yet, not JSON (with where), an invalid analysis (with paths), or a valid one', async () => {
    expect(readAnalysis('  \n').state).to.equal('empty');

    const broken = readAnalysis('{\n  "id": "x"\n  "question": "?"\n}');
    if (broken.state !== 'not-json') throw new Error(`read as ${broken.state}`);
    expect(broken.status).to.contain('line 2, column 12: a comma is missing');
    expect(broken.problem).to.include({ line: 2, column: 12, offset: 13 });
    expect(broken.problem!.excerpt).to.equal('{ "id": "x"⟦here⟧ "question": "?" }');

    const doc = await sample();
    doc.question = '';
    const invalid = readAnalysis(JSON.stringify(doc));
    if (invalid.state !== 'invalid') throw new Error(`read as ${invalid.state}`);
    expect(invalid.issues.map((issue) => issue.path)).to.deep.equal(['question']);
    expect(invalid.status).to.contain('Fix it to get the preview');

    const valid = readAnalysis(sampleText);
    if (valid.state !== 'valid') throw new Error(`read as ${valid.state}`);
    expect(valid.analysis.id).to.equal('mexico-us-deployment');
    expect(valid.status).to.match(/^Valid: .*8 actors, 6 stances, 8 statements and 19 sources\.$/);
    expect(stanceActors(valid.analysis).map((actor) => actor.label)).to.include('US administration (mixed)');
  });

  it('plans the code: what it is made from, the notes, and when it cannot be made yet', () => {
    const reading = readAnalysis(sampleText);
    const plan = (change: Partial<BuilderForm>, integrity: string | undefined) =>
      planCode({ reading, form: form(change), version: VERSION, integrity });

    expect(planCode({ reading: readAnalysis(''), form: form(), version: VERSION, integrity: HASH })).to.deep.equal({
      choice: undefined,
      notes: ['The code appears here once you give an analysis in step 1.'],
      blocked: true,
    });
    expect(
      planCode({ reading: readAnalysis('{'), form: form(), version: VERSION, integrity: HASH }).notes,
    ).to.deep.equal(['Fix the problems in step 1 to get the code.']);

    const script = plan({ actor: 'us-administration', jsonLd: true }, HASH);
    expect(script.blocked).to.equal(false);
    expect(script.notes).to.deep.equal([]);
    expect(script.choice).to.include({
      element: 'nw-analysis',
      actor: 'us-administration',
      integrity: HASH,
      jsonLd: true,
    });

    // An address that is not http(s) is left out, and said so; no hash is said too.
    const typed = plan({ jsonUrl: 'news.example/a.json' }, undefined);
    expect(typed.choice!.jsonUrl).to.equal(undefined);
    expect(typed.notes.join('\n')).to.contain('must be a full web address').and.to.contain('No integrity hash');

    // The iframe needs the JSON address and an http(s) folder; it loads no CDN script.
    expect(plan({ kind: 'iframe' }, undefined)).to.include({ blocked: true });
    expect(plan({ kind: 'iframe' }, undefined).notes).to.deep.equal([
      'An iframe needs the address of the JSON file: upload the analysis and paste its address above.',
    ]);
    const jsonUrl = 'https://news.example/a.json';
    expect(plan({ kind: 'iframe', jsonUrl, base: '/widgets' }, undefined).notes[0]).to.contain(
      'folder that serves embed.html',
    );
    expect(plan({ kind: 'iframe', jsonUrl }, undefined).notes[0]).to.contain('jsDelivr sends embed.html as plain text');
    expect(plan({ kind: 'iframe', jsonUrl, base: 'https://news.example/widgets' }, undefined)).to.include({
      blocked: false,
    });
  });

  it('names the link’s page as newsroom-widgets publish names it, for every view it writes', () => {
    const reading = readAnalysis(sampleText);
    if (reading.state !== 'valid') throw new Error(`read as ${reading.state}`);
    const views = publishViews(reading.analysis);
    expect(views.length).to.be.greaterThan(6);
    for (const view of views) expect(viewName(view.element, view.actor), view.view).to.equal(view.view);
  });

  it('warns when the embed folder is on this computer', () => {
    expect(fieldsFor(form({ base: 'http://localhost:5173' })).baseHelp).to.contain('your own computer');
    expect(fieldsFor(form()).baseHelp).to.contain('Where your site serves embed.html');
    expect(fieldsFor(form({ siteBase: 'http://127.0.0.1:8080/' })).siteBaseHelp).to.contain('private network');
    expect(fieldsFor(form({ siteBase: 'https://news.example/embeds/' })).siteBaseHelp).to.contain(
      '--base-url https://news.example/embeds/',
    );
  });

  it('says which code WordPress strips for Authors and Contributors, and points them to the plugin', () => {
    for (const name of Object.keys(OUTPUTS) as (keyof typeof OUTPUTS)[]) {
      const help = fieldsFor(form({ kind: name })).wordpressHelp;
      expect(help, name).to.contain('Administrators and Editors').and.to.contain('Authors and Contributors');
      expect(help, name).to.contain('newsroom-widgets plugin');
      expect(help, name).not.to.contain('JSON-LD');
    }
    expect(fieldsFor(form({ jsonLd: true })).wordpressHelp).to.contain('JSON-LD needs unfiltered_html');
  });

  it('runs updates one at a time in order; a change made while typing waits for the pause', async () => {
    const done: string[] = [];
    const queue = new UpdateQueue((error) => done.push(`error ${String(error)}`));
    let finishSlow!: () => void;
    const slow = new Promise<void>((resolve) => (finishSlow = resolve));
    void queue.run(async () => {
      await slow;
      done.push('slow');
    });
    void queue.run(() => {
      done.push('fast');
    });
    void queue.run(() => {
      throw new Error('broken');
    });
    void queue.run(() => {
      done.push('after the error');
    });
    // Nothing passes an update that has not finished.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(done).to.deep.equal([]);
    finishSlow();
    await queue.settled();
    expect(done).to.deep.equal(['slow', 'fast', 'error Error: broken', 'after the error']);

    // "typed a" is replaced by the next keystroke; the option change, queued at once, waits for
    // the pause (a timer, so after any microtask) and sees the typed text.
    done.length = 0;
    queue.debounce(0, () => done.push('typed a'));
    queue.debounce(0, () => done.push('typed ab'));
    void queue.run(() => {
      done.push('option');
    });
    await queue.settled();
    expect(done).to.deep.equal(['typed ab', 'option']);
  });
});
