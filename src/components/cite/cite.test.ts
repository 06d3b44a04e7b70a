/**
 * <nw-cite>: a citation marker in the host article's own paragraphs (light DOM), where
 * the page's CSS was never written with it in mind. Its popover is tested with the other
 * elements' in internal/citation-popover.test.ts.
 */
import { fill } from '../../internal/i18n/locale.js';
import { aTimeout, expect, html } from '@open-wc/testing';
import './cite.js';
import '../analysis/analysis.js';
import '../summary/summary.js';
import type { NwCite } from './cite.js';
import type { Analysis } from '../../schema/analysis.js';
import { en } from '../../internal/i18n/en.js';
import { es } from '../../internal/i18n/es.js';
import {
  allSettled,
  citeButton,
  described,
  jsonScript,
  page,
  part,
  popoverOf,
  recordEvents,
  requestCount,
  sample,
  squash,
  uid,
  untilOpen,
  untilState,
  citationName,
} from '../../../test/browser/helpers.js';

const cites = (root: Element) => [...root.querySelectorAll<NwCite>('nw-cite')];

/** A paragraph of an article with one marker, and its twin without, to compare layout. */
async function paragraphs(doc: Analysis, id: string, style = '') {
  const root = page(html`<article style=${style}>
    <p class="with">A short sentence<nw-cite source=${id} .analysis=${doc}></nw-cite>.</p>
    <p class="without">A short sentence.</p>
  </article>`);
  await allSettled(root);
  return {
    root,
    el: root.querySelector<NwCite>('nw-cite')!,
    with: root.querySelector('.with')!,
    without: root.querySelector('.without')!,
  };
}

const added: Element[] = [];
const addToBody = <T extends Element>(node: T) => (added.push(node), document.body.append(node), node);
afterEach(() => {
  added.splice(0).forEach((node) => node.remove());
  document.querySelectorAll<HTMLElement>(':popover-open').forEach((popover) => popover.hidePopover());
});

describe('<nw-cite>', () => {
  describe('inline in a paragraph', () => {
    it('renders a compact superscript [n] button named by the source', async () => {
      const doc = await sample();
      const source = doc.sources[2]!;
      const { el, with: p } = await paragraphs(doc, source.id);
      await untilState(el, 'ready');
      const marker = citeButton(el, source.id);
      expect(squash(marker.textContent)).to.equal(`[${source.id}]`);
      expect(marker.getAttribute('aria-label')).to.equal(`${en.source} ${source.id}`);
      expect(citationName(marker)).to.equal(`${en.source} ${source.id}: ${source.title}`);
      const style = getComputedStyle(marker);
      expect(style.verticalAlign).to.equal('super');
      expect(parseFloat(style.fontSize)).to.be.below(parseFloat(getComputedStyle(p).fontSize));
    });

    it('stays in the line: inline host, one line box, no taller paragraph', async () => {
      const doc = await sample();
      const { el, with: withMarker, without } = await paragraphs(doc, '1');
      expect(getComputedStyle(el).display).to.equal('inline');
      expect(el.getClientRects()).to.have.length(1);
      expect(withMarker.getBoundingClientRect().height).to.equal(without.getBoundingClientRect().height);
      const lineHeight = without.getBoundingClientRect().height;
      expect(el.getBoundingClientRect().height).to.be.above(0).and.at.most(lineHeight);
      // Text on both sides sits on the same line as the marker.
      const range = document.createRange();
      range.selectNodeContents(withMarker);
      expect(
        range.getClientRects().length > 0 &&
          [...range.getClientRects()].every(
            (rect) =>
              rect.top >= withMarker.getBoundingClientRect().top - 1 &&
              rect.bottom <= withMarker.getBoundingClientRect().bottom + 1,
          ),
      ).to.equal(true);
    });

    it('while loading, holds the same place in the line (no jump when ready)', async () => {
      const root = page(html`<article>
        <p class="loading">A short sentence<nw-cite source="1" src=${`/test-api/slow?ms=400&id=${uid('slow-cite')}`}></nw-cite>.</p>
        <p class="without">A short sentence.</p>
      </article>`);
      const el = root.querySelector<NwCite>('nw-cite')!;
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('loading');
      const p = root.querySelector('.loading')!;
      const before = p.getBoundingClientRect().height;
      expect(before).to.equal(root.querySelector('.without')!.getBoundingClientRect().height);
      expect(squash(el.shadowRoot!.textContent)).to.equal('[1]');
      await untilState(el, 'ready');
      expect(p.getBoundingClientRect().height).to.equal(before);
    });
  });

  describe('where the data comes from', () => {
    it('for="id"', async () => {
      const doc = await sample();
      const id = uid('doc');
      addToBody(jsonScript(doc, id));
      const root = page(html`<p>Text<nw-cite for=${id} source="2"></nw-cite>.</p>`);
      await allSettled(root);
      expect(cites(root)[0]!.getAttribute('state')).to.equal('ready');
      expect(citationName(citeButton(cites(root)[0]!, '2'))).to.include(doc.sources[1]!.title);
    });

    it('src="URL"', async () => {
      const id = uid('cite-src');
      const root = page(html`<p>Text<nw-cite src=${`/test-api/analysis.json?id=${id}`} source="2"></nw-cite>.</p>`);
      await allSettled(root);
      expect(cites(root)[0]!.getAttribute('state')).to.equal('ready');
      expect(await requestCount(id)).to.equal(1);
    });

    it("an enclosing nw-* element with data (in <nw-analysis>'s timeline slot)", async () => {
      const doc = await sample();
      const root = page(html`<nw-analysis .analysis=${doc}>
        <div slot="timeline"><p>Our own timeline note<nw-cite source="12"></nw-cite>.</p></div>
      </nw-analysis>`);
      const el = root.querySelector<NwCite>('nw-cite')!;
      await untilState(el, 'ready');
      expect(citationName(citeButton(el, '12'))).to.include(doc.sources.find((s) => s.id === '12')!.title);
      expect(el.getBoundingClientRect().width).to.be.above(0); // slotted, so on screen
    });

    it('an enclosing nw-* element whose data arrives after the marker', async () => {
      const doc = await sample();
      const root = page(html`<nw-analysis>
        <div slot="timeline"><p>Note<nw-cite source="12"></nw-cite>.</p></div>
      </nw-analysis>`);
      const el = root.querySelector<NwCite>('nw-cite')!;
      await aTimeout(20);
      expect(el.getAttribute('state')).to.equal('loading');
      (root as HTMLElement & { analysis: unknown }).analysis = doc;
      await untilState(el, 'ready');
    });

    it('an ancestor with data-nw-src: one request for all its markers', async () => {
      const id = uid('article');
      const doc = await sample();
      const ids = doc.sources.slice(0, 6).map((s) => s.id);
      const root = page(html`<article data-nw-src=${`/test-api/analysis.json?id=${id}`}>
        ${ids.map((sourceId) => html`<p>Sentence<nw-cite source=${sourceId}></nw-cite>.</p>`)}
      </article>`);
      await allSettled(root);
      expect(cites(root).map((el) => el.getAttribute('state'))).to.deep.equal(ids.map(() => 'ready'));
      expect(cites(root).map((el) => citeButton(el).dataset.cite)).to.deep.equal(ids);
      expect(await requestCount(id)).to.equal(1);
    });

    it('an ancestor with data-nw-for', async () => {
      const doc = await sample();
      const id = uid('doc');
      addToBody(jsonScript(doc, id));
      const root = page(
        html`<div data-nw-for=${id}><section><p>One<nw-cite source="3"></nw-cite> and two<nw-cite source="4"></nw-cite>.</p></section></div>`,
      );
      await allSettled(root);
      expect(cites(root).map((el) => el.getAttribute('state'))).to.deep.equal(['ready', 'ready']);
    });

    it("its own for= wins over the ancestor's", async () => {
      const mine = await variant('Mine');
      const theirs = await variant('Theirs');
      const [a, b] = [uid('mine'), uid('theirs')];
      addToBody(jsonScript(mine, a));
      addToBody(jsonScript(theirs, b));
      const root = page(html`<div data-nw-for=${b}><p>Text<nw-cite for=${a} source="1"></nw-cite>.</p></div>`);
      await allSettled(root);
      expect(citationName(citeButton(cites(root)[0]!))).to.include('Mine');
    });
  });

  describe('an unknown source', () => {
    it('shows an error marker, still [n], explained; fires not-found; its neighbours stay ready', async () => {
      const doc = await sample();
      const missing = String(doc.sources.length + 100);
      const events = recordEvents();
      const root = page(html`<p lang="en">A<nw-cite source="1" .analysis=${doc}></nw-cite>
        b<nw-cite source=${missing} .analysis=${doc}></nw-cite> c<nw-cite source="2" .analysis=${doc}></nw-cite>.</p>`);
      await allSettled(root);
      events.stop();
      const [first, bad, last] = cites(root);
      expect([first, bad, last].map((el) => el!.getAttribute('state'))).to.deep.equal(['ready', 'error', 'ready']);
      const error = part(bad!, '[part=error]');
      expect(error.querySelector('.visually-hidden')).not.to.equal(null);
      const visible = error.cloneNode(true) as Element;
      visible.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      expect(squash(visible.textContent)).to.equal(`[${missing}]`);
      expect(squash(error.textContent))
        .to.include(en.citationError)
        .and.to.include(fill(en.notFound.source, { id: missing }));
      expect(error.getAttribute('title')).to.equal(fill(en.notFound.source, { id: missing }));
      const errors = events.of('nw-error');
      expect(errors.map((event) => event.target)).to.have.length(1);
      expect(errors[0]!.target === bad).to.equal(true);
      expect(errors[0]!.detail.code).to.equal('not-found');
      // Still a legible part of the sentence, not a block.
      expect(getComputedStyle(bad!).display).to.equal('inline');
      expect(parseFloat(getComputedStyle(error).fontSize)).to.be.above(0);
    });

    it('Spanish', async () => {
      const doc = await sample();
      const root = page(html`<p lang="es">Texto<nw-cite source="999" .analysis=${doc}></nw-cite>.</p>`);
      await allSettled(root);
      expect(squash(part(cites(root)[0]!, '[part=error]').textContent))
        .to.include(es.citationError)
        .and.to.include(fill(es.notFound.source, { id: '999' }));
    });
  });

  describe('hostile page CSS', () => {
    const hostile = `
      .hostile, .hostile * { all: unset !important; }
      .hostile p { display: block !important; line-height: 5 !important; font-size: 0 !important; color: transparent !important; }
      .hostile * { visibility: visible; opacity: 0.99; text-decoration: none !important; }
      .hostile nw-cite { font-size: 0 !important; line-height: 0 !important; }
      button, [popover] { display: none !important; font-size: 0 !important; }
    `;

    it('the marker stays legible and opens a legible popover', async () => {
      const doc = await described();
      const root = page(html`<div><style>${hostile}</style><article class="hostile">
        <p>Words the page hides<nw-cite source="3" .analysis=${doc}></nw-cite> and more<nw-cite source="4" .analysis=${doc}></nw-cite>.</p>
      </article></div>`);
      await allSettled(root);
      const el = cites(root)[0]!;
      const marker = citeButton(el, '3');
      const style = getComputedStyle(marker);
      expect(parseFloat(style.fontSize), 'marker font size').to.be.at.least(9);
      expect(style.visibility).to.equal('visible');
      expect(style.display).not.to.equal('none');
      expect(style.color).not.to.match(/rgba\(.*, 0\)|transparent/);
      const rect = marker.getBoundingClientRect();
      expect(rect.width).to.be.above(4);
      marker.focus();
      marker.click();
      await untilOpen(el);
      const popover = popoverOf(el);
      const box = popover.getBoundingClientRect();
      expect(box.width).to.be.above(100);
      expect(box.height).to.be.above(30);
      expect(
        box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
        'popover on screen',
      ).to.equal(true);
      expect(getComputedStyle(popover).visibility).to.equal('visible');
      const title = popover.querySelector('.popover-title')!;
      expect(parseFloat(getComputedStyle(title).fontSize), 'popover font size').to.be.at.least(12);
      expect(getComputedStyle(popover).color).not.to.equal(getComputedStyle(popover).backgroundColor);
    });

    it('an error marker stays legible too', async () => {
      const doc = await sample();
      const root = page(html`<div><style>${hostile}</style><article class="hostile">
        <p>Words<nw-cite source="999" .analysis=${doc}></nw-cite>.</p></article></div>`);
      await allSettled(root);
      const error = part(cites(root)[0]!, '[part=error]');
      expect(parseFloat(getComputedStyle(error).fontSize)).to.be.at.least(9);
      expect(error.getBoundingClientRect().width).to.be.above(4);
    });
  });

  it('Spanish: named and explained in the page language', async () => {
    const doc = await described();
    const root = page(html`<article lang="es"><p>Texto<nw-cite source="5" .analysis=${doc}></nw-cite>.</p></article>`);
    await allSettled(root);
    const el = cites(root)[0]!;
    const source = doc.sources.find((s) => s.id === '5')!;
    expect(citeButton(el).getAttribute('aria-label')).to.equal(`${es.source} 5`);
    expect(citationName(citeButton(el))).to.equal(`${es.source} 5: ${source.title}`);
    citeButton(el).click();
    await untilOpen(el);
    expect(squash(popoverOf(el).querySelector('.popover-label')!.textContent)).to.equal(`${es.source} 5`);
    expect(squash(popoverOf(el).querySelector('a')!.textContent)).to.equal(`${es.openSource} (${es.opensInNewTab})`);
  });

  describe('accessibility (axe), inside a paragraph', () => {
    // The marker has no background of its own: theme="dark" is for dark pages, so the
    // dark runs put the paragraph on a dark page.
    const pageStyle = (theme: string) =>
      theme === 'dark' ? 'background: #121212; color: #ececec' : 'background: #fff; color: #1c1c1c';
    for (const theme of ['light', 'dark']) {
      it(`loading, ${theme}`, async () => {
        const root = page(html`<p style=${pageStyle(theme)}>Text<nw-cite theme=${theme} source="1"></nw-cite>.</p>`);
        const el = cites(root)[0]!;
        await el.updateComplete;
        expect(el.getAttribute('state')).to.equal('loading');
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`ready, ${theme}`, async () => {
        const root = page(
          html`<p style=${pageStyle(theme)}>Text<nw-cite theme=${theme} source="1" .analysis=${await sample()}></nw-cite>.</p>`,
        );
        await allSettled(root);
        expect(cites(root)[0]!.getAttribute('state')).to.equal('ready');
        await expect(cites(root)[0]!).shadowDom.to.be.accessible();
      });

      it(`error, ${theme}`, async () => {
        const root = page(
          html`<p style=${pageStyle(theme)}>Text<nw-cite theme=${theme} source="1" src="/test-api/status/404"></nw-cite>.</p>`,
        );
        await allSettled(root);
        expect(cites(root)[0]!.getAttribute('state')).to.equal('error');
        await expect(cites(root)[0]!).shadowDom.to.be.accessible();
      });
    }

    // No theme at all, on a dark article: the marker follows the background it sits on.
    const onDark = async (state: string) => {
      const marker =
        state === 'ready'
          ? html`<nw-cite source="1" .analysis=${await sample()}></nw-cite>`
          : state === 'error'
            ? html`<nw-cite source="1" src="/test-api/status/404"></nw-cite>`
            : html`<nw-cite source="1"></nw-cite>`;
      return page(html`<article style=${pageStyle('dark')}><p>Text${marker}.</p></article>`);
    };
    for (const state of ['loading', 'ready', 'error']) {
      it(`${state}, no theme, on a dark article`, async () => {
        const root = await onDark(state);
        const el = cites(root)[0]!;
        if (state === 'loading') await el.updateComplete;
        else await allSettled(root);
        expect(el.getAttribute('state')).to.equal(state);
        expect(el.hasAttribute('data-on-dark')).to.equal(true);
        await expect(el).shadowDom.to.be.accessible();
      });
    }

    it('no theme, on a light article: the light theme', async () => {
      const root = page(
        html`<p style=${pageStyle('light')}>Text<nw-cite source="1" .analysis=${await sample()}></nw-cite>.</p>`,
      );
      await allSettled(root);
      expect(cites(root)[0]!.hasAttribute('data-on-dark')).to.equal(false);
      await expect(cites(root)[0]!).shadowDom.to.be.accessible();
    });
  });
});

/** The sample with its first source renamed, to tell which document a marker used. */
async function variant(title: string): Promise<Analysis> {
  const doc = await sample();
  doc.sources[0]!.title = `${title}: ${doc.sources[0]!.title}`;
  return doc;
}
