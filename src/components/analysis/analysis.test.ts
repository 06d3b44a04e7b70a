/**
 * <nw-analysis>: the whole analysis composed from the other elements, its table of
 * contents and shareable section links, and back-links from its own source list.
 */
import { fill } from '../../internal/i18n/locale.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import './analysis.js';
import type { NwAnalysis } from './analysis.js';
import type { Analysis } from '../../schema/analysis.js';
import { timelineCount, timelineMessages } from '../timeline/timeline.messages.js';
import { analysisMessages } from './analysis.messages.js';
import { sourceListMessages } from '../source-list/source-list.messages.js';
import { en } from '../../internal/i18n/en.js';
import { contrastRatio, parseColour, type Rgba } from '../../../test/browser/contrast.js';
import { es } from '../../internal/i18n/es.js';
import {
  allSettled,
  citeButton,
  deepActiveElement,
  described,
  markers,
  named,
  page,
  part,
  popoverOf,
  sample,
  SAMPLE_URL,
  squash,
  uid,
  untilClosed,
  untilOpen,
  untilState,
  widgetsIn,
} from '../../../test/browser/helpers.js';

const words = analysisMessages.en;

/** The analysis and every element composed inside it, all settled. */
async function ready(doc: Analysis | Promise<Analysis>, theme = 'light'): Promise<NwAnalysis> {
  const el = await fixture<NwAnalysis>(html`<nw-analysis theme=${theme} .analysis=${await doc}></nw-analysis>`);
  await untilState(el, 'ready');
  await settledInside(el);
  return el;
}

const inner = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('*')].filter((node) => node.localName.startsWith('nw-'));
const settledInside = async (el: Element) => {
  await waitUntil(
    () => inner(el).length > 0 && inner(el).every((child) => child.getAttribute('state') === 'ready'),
    'the composed elements never became ready',
    { timeout: 5000 },
  );
};
const composed = (el: Element, name: string) => el.shadowRoot!.querySelector(name)!;
const sections = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=section]')];
const sectionTitle = (section: Element) => {
  const title = section.querySelector('[part=section-title]')!.cloneNode(true) as Element;
  title.querySelector('.anchor')?.remove();
  return squash(title.textContent);
};

/** Runs `body` and puts the page's URL back as it was, whatever the test did to the hash. */
async function keepingUrl(body: () => Promise<void>): Promise<void> {
  const url = location.href;
  try {
    await body();
  } finally {
    history.replaceState(history.state, '', url);
  }
}

describe('<nw-analysis>', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' })); // jumps scroll at once
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('composes the summary, the stances, the sections, the timeline block and the sources', async () => {
    const doc = await sample();
    const el = await ready(doc);
    expect(squash(part(composed(el, 'nw-summary'), 'h2').textContent)).to.equal(doc.question);
    expect(
      [...composed(el, 'nw-stances').shadowRoot!.querySelectorAll('li[data-stance]')].map(
        (li) => (li as HTMLElement).dataset.stance,
      ),
    ).to.deep.equal(doc.stances.map((stance) => stance.id));
    expect(
      [...composed(el, 'nw-source-list').shadowRoot!.querySelectorAll('li[data-source]')].map(
        (li) => (li as HTMLElement).dataset.source,
      ),
    ).to.deep.equal(doc.sources.map((source) => source.id));
    const timeline = part(el, '[part=timeline]');
    expect(squash(timeline.querySelector('h2')!.textContent)).to.equal(words.timeline);
    // By default the block shows the statements in <nw-timeline>, fed the same analysis.
    const entries = composed(el, 'nw-timeline').shadowRoot!.querySelectorAll<HTMLElement>('li[data-statement]');
    expect([...entries].map((li) => li.dataset.statement).sort()).to.deep.equal(doc.statements.map((s) => s.id).sort());
  });

  it('validates the document once: every composed element shows the same validated analysis', async () => {
    const el = await ready(sample());
    const shown = el.currentAnalysis!;
    expect(shown).to.exist;
    // Each composed element re-validating its copy would hand back a new object per element.
    for (const child of inner(el)) expect((child as NwAnalysis).currentAnalysis, child.localName).to.equal(shown);
  });

  it('numbers the sections in order, with their titles and citation markers', async () => {
    const doc = await sample();
    const el = await ready(doc);
    expect(sections(el).map(sectionTitle)).to.deep.equal(
      doc.sections.map((section, i) => `${i + 1}. ${section.title}`),
    );
    sections(el).forEach((section, i) => {
      const cited = doc.sections[i]!.paragraphs.flatMap(markers);
      expect(
        [...section.querySelectorAll<HTMLElement>('button.cite')].map((button) => button.dataset.cite),
      ).to.deep.equal(cited);
      expect(section.querySelectorAll('p')).to.have.length(doc.sections[i]!.paragraphs.length);
    });
  });

  it("the timeline slot takes the page's own content instead of the built-in timeline", async () => {
    const doc = await sample();
    const el = await fixture<NwAnalysis>(
      html`<nw-analysis .analysis=${doc}><p slot="timeline" class="mine">Our timeline</p></nw-analysis>`,
    );
    await untilState(el, 'ready');
    const slot = part<HTMLSlotElement>(el, 'slot[name=timeline]');
    expect(slot.assignedElements().map((node) => node.className)).to.deep.equal(['mine']);
    expect(el.querySelector<HTMLElement>('.mine')!.getBoundingClientRect().height).to.be.above(0);
  });

  it('the table of contents lists every section; a link scrolls to and focuses it and sets the URL', async () => {
    const doc = await sample();
    const el = await ready(doc);
    const links = [...part(el, '[part=contents]').querySelectorAll<HTMLAnchorElement>('a')];
    expect(links.map((link) => squash(link.textContent))).to.deep.equal(doc.sections.map((section) => section.title));
    expect(links.map((link) => link.hash)).to.deep.equal(doc.sections.map((section) => `#${doc.id}-${section.id}`));
    await keepingUrl(async () => {
      const last = doc.sections.length - 1;
      links[last]!.focus();
      links[last]!.click();
      const target = sections(el)[last]!;
      expect(named(el.shadowRoot!.activeElement)).to.equal(named(target));
      expect(target.hasAttribute('data-flash')).to.equal(true);
      expect(location.hash).to.equal(`#${doc.id}-${doc.sections[last]!.id}`);
      const rect = target.getBoundingClientRect();
      expect(rect.top < innerHeight && rect.bottom > 0, 'section scrolled into view').to.equal(true);
    });
  });

  for (const theme of ['light', 'dark']) {
    it(`a section's # link reads at 4.5:1 or more on its surface, ${theme} (no faint opacity)`, async () => {
      const el = await ready(await sample());
      el.setAttribute('theme', theme);
      await el.updateComplete;
      const anchor = sections(el)[0]!.querySelector<HTMLAnchorElement>('.anchor')!;
      // What is painted: the colour times every opacity up to the element (axe reads only colour).
      let alpha = 1;
      for (let node: Element | null = anchor; node && node !== el; node = node.parentElement)
        alpha *= Number(getComputedStyle(node).opacity);
      const [r, g, b, a] = parseColour(getComputedStyle(anchor).color);
      const surface = parseColour(getComputedStyle(el.shadowRoot!.querySelector('.layout')!).backgroundColor);
      const ratio = contrastRatio([r, g, b, a * alpha] as Rgba, surface);
      expect(ratio).to.be.at.least(4.5);
    });
  }

  it("a section's own # link does the same", async () => {
    const doc = await sample();
    const el = await ready(doc);
    await keepingUrl(async () => {
      const anchor = sections(el)[1]!.querySelector<HTMLAnchorElement>('.anchor')!;
      // Its name starts with what it shows (2.5.3): "# Link to section 2".
      expect(squash(anchor.textContent)).to.equal(`# ${fill(words.sectionLink, { n: 2 })}`);
      expect(anchor.hasAttribute('aria-label')).to.equal(false);
      anchor.click();
      expect(named(el.shadowRoot!.activeElement)).to.equal(named(sections(el)[1]));
      expect(location.hash).to.equal(`#${doc.id}-${doc.sections[1]!.id}`);
    });
  });

  it("opened at a section's link (#<analysis id>-<section id>), focuses that section once ready", async () => {
    const doc = await sample();
    const wanted = doc.sections.at(-2)!;
    await keepingUrl(async () => {
      history.replaceState(history.state, '', `#${doc.id}-${wanted.id}`);
      // Fetched, so the element is certainly not ready when it connects.
      const el = await fixture<NwAnalysis>(
        html`<nw-analysis src=${`/test-api/slow?ms=200&id=${uid('hash')}`}></nw-analysis>`,
      );
      expect(el.getAttribute('state')).to.equal('loading');
      await untilState(el, 'ready');
      const target = part(el, `[data-section="${wanted.id}"]`);
      await waitUntil(() => el.shadowRoot!.activeElement === target, 'the section named in the URL was not focused');
      expect(named(document.activeElement)).to.equal(named(el));
    });
  });

  it('a hash that names no section of this analysis moves nothing', async () => {
    const doc = await sample();
    await keepingUrl(async () => {
      history.replaceState(history.state, '', `#another-analysis-${doc.sections[0]!.id}`);
      const el = await ready(doc);
      expect(named(el.shadowRoot!.activeElement)).to.equal('null');
    });
  });

  it('back-links in its source list reach its own sections', async () => {
    const doc = await sample();
    const el = await ready(doc);
    const list = composed(el, 'nw-source-list');
    const index = doc.sections.length - 1;
    const section = doc.sections[index]!;
    const id = markers(section.paragraphs.join(' '))[0]!;
    const label = fill(sourceListMessages.en.section, { n: index + 1, title: section.title });
    const backLink = [
      ...list.shadowRoot!.querySelectorAll<HTMLButtonElement>(`li[data-source="${id}"] .backlink`),
    ].find((button) => squash(button.textContent) === label)!;
    expect(backLink, `a back-link "${label}"`).not.to.equal(undefined);
    backLink.click();
    const target = sections(el)[index]!;
    expect(named(el.shadowRoot!.activeElement)).to.equal(named(target));
    expect(target.hasAttribute('data-flash')).to.equal(true);
    // And to its summary and stances, composed inside it.
    const summaryLink = [
      ...list.shadowRoot!.querySelectorAll<HTMLButtonElement>(`li[data-source="${markers(doc.summary)[0]}"] .backlink`),
    ].find((button) => squash(button.textContent) === sourceListMessages.en.summary)!;
    summaryLink.click();
    expect(named(composed(el, 'nw-summary').shadowRoot!.activeElement)).to.equal(
      named(part(composed(el, 'nw-summary'), 'article')),
    );
  });

  it('a citation in a section opens its popover, which jumps to its own source list', async () => {
    const doc = await described();
    const el = await ready(doc);
    const section = sections(el)[0]!;
    const marker = section.querySelector<HTMLButtonElement>('button.cite')!;
    marker.focus();
    marker.click();
    await untilOpen(el);
    expect(squash(popoverOf(el).querySelector('.popover-title')!.textContent)).to.equal(
      doc.sources.find((s) => s.id === marker.dataset.cite)!.title,
    );
    const jump = popoverOf(el).querySelector<HTMLButtonElement>('.popover-jump')!;
    expect(squash(jump.textContent)).to.equal(en.goToSourceList);
    jump.click();
    await untilClosed(el);
    const list = composed(el, 'nw-source-list');
    const entry = part(list, `li[data-source="${marker.dataset.cite}"]`);
    expect(named(list.shadowRoot!.activeElement)).to.equal(named(entry));
    expect(entry.hasAttribute('data-flash')).to.equal(true);
    // The composed summary's citations reach the same list.
    const summary = composed(el, 'nw-summary');
    citeButton(summary).click();
    await untilOpen(summary);
    expect(popoverOf(summary).querySelector('.popover-jump')).not.to.equal(null);
  });

  it("Spanish: its own words and the composed elements'", async () => {
    const doc = await sample();
    const el = await fixture<NwAnalysis>(html`<nw-analysis lang="es" .analysis=${doc}></nw-analysis>`);
    await untilState(el, 'ready');
    await settledInside(el);
    const w = analysisMessages.es;
    const blocks = [...el.shadowRoot!.querySelectorAll('.block-heading')].map((h) => squash(h.textContent));
    expect(blocks).to.include.members([w.contents, w.analysis, w.timeline]);
    const count = composed(el, 'nw-timeline').shadowRoot!.querySelector('.count')!;
    expect(squash(count.textContent)).to.equal(
      timelineCount(timelineMessages.es, doc.statements.length, doc.statements.length, 'es'),
    );
    expect(squash(part(composed(el, 'nw-source-list'), '[part=heading]').textContent)).to.equal(es.sources);
  });

  it("with the same analysis twice on the page, each list's back-links go to its own analysis", async () => {
    const doc = await sample();
    const root = page(
      html`<div><nw-analysis .analysis=${doc}></nw-analysis><nw-analysis src=${SAMPLE_URL}></nw-analysis></div>`,
    );
    await allSettled(root);
    const [first, second] = widgetsIn(root) as NwAnalysis[];
    await settledInside(first!);
    await settledInside(second!);
    const index = 0;
    const section = doc.sections[index]!;
    const id = markers(section.paragraphs.join(' '))[0]!;
    const label = fill(sourceListMessages.en.section, { n: index + 1, title: section.title });
    const backLink = [
      ...composed(second!, 'nw-source-list').shadowRoot!.querySelectorAll<HTMLButtonElement>(
        `li[data-source="${id}"] .backlink`,
      ),
    ].find((button) => squash(button.textContent) === label)!;
    backLink.click();
    // The same document in both: the list's own analysis is the one it goes to.
    expect(named(document.activeElement)).to.equal(named(second));
    expect(named(second!.shadowRoot!.activeElement)).to.equal(named(sections(second!)[index]));
    // And its citations' "Go to the source list" goes to its own list.
    const marker = sections(second!)[index]!.querySelector<HTMLButtonElement>('button.cite')!;
    marker.click();
    await untilOpen(second!);
    popoverOf(second!).querySelector<HTMLButtonElement>('.popover-jump')!.click();
    const list = composed(second!, 'nw-source-list');
    expect(named(document.activeElement)).to.equal(named(second));
    expect(named(list.shadowRoot!.activeElement)).to.equal(
      named(part(list, `li[data-source="${marker.dataset.cite}"]`)),
    );
  });

  describe('tab stops', () => {
    /** Every element a Tab press lands on, in order, from a button before the analysis to one after it. */
    async function tabStops(doc: Analysis): Promise<Element[]> {
      const box = page<HTMLDivElement>(html`<div><button id="tab-before">before</button><nw-analysis theme="light"
        .analysis=${doc}></nw-analysis><button id="tab-after">after</button></div>`);
      const el = box.querySelector<NwAnalysis>('nw-analysis')!;
      await untilState(el, 'ready');
      await settledInside(el);
      box.querySelector<HTMLButtonElement>('#tab-before')!.focus();
      const stops: Element[] = [];
      for (let i = 0; i < 500; i++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActiveElement();
        if (!active || active.id === 'tab-after') break;
        stops.push(active);
      }
      return stops;
    }

    /** Sources cited in a block of texts, each once. */
    const distinct = (...texts: (string | undefined)[]) => new Set(texts.flatMap((text) => markers(text ?? ''))).size;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

    it('one tab stop per source per block (paragraph, list item, stance card, timeline entry); every other control once', async function () {
      this.timeout(30_000);
      const doc = await sample();
      const stops = await tabStops(doc);
      const asText = (ids: readonly string[]) => ids.map((id) => `[${id}]`).join(' ');
      // Written out from the data: what each part of the analysis offers a keyboard.
      const summary = sum(
        [doc.summary, ...(doc.keyPoints ?? []), ...(doc.unknowns ?? [])].map((text) => distinct(text)),
      );
      const contents = doc.sections.length;
      const stances = sum(doc.stances.map((s) => distinct(s.headline, s.summary, s.quote?.text, asText(s.sources))));
      const sectionLinks = doc.sections.length;
      const sectionCites = sum(doc.sections.flatMap((section) => section.paragraphs.map((p) => distinct(p))));
      const speakers = new Set(doc.statements.map((s) => s.actor)).size;
      const timeline =
        (speakers > 1 ? speakers : 0) +
        1 +
        sum(doc.statements.map((s) => distinct(s.text, s.quote?.text, asText(s.sources))));
      // Back-links: one per place citing each source (summary, sections, stances, statements).
      const places = [
        [doc.summary, ...(doc.keyPoints ?? []), ...(doc.unknowns ?? [])].join(' '),
        ...doc.sections.map((section) => section.paragraphs.join(' ')),
        ...doc.stances.map((s) => [s.headline, s.summary, s.quote?.text ?? '', asText(s.sources)].join(' ')),
        ...doc.statements.map((s) => [s.text, s.quote?.text ?? '', asText(s.sources)].join(' ')),
      ];
      const backLinks = sum(places.map((text) => distinct(text)));
      const sourceLinks = doc.sources.filter((source) => source.url).length;
      const expected = summary + contents + stances + sectionLinks + sectionCites + timeline + backLinks + sourceLinks;
      expect(stops.length, stops.map((stop) => named(stop)).join('\n')).to.equal(expected);
      // Each stop once: no element is reached twice.
      expect(new Set(stops).size).to.equal(stops.length);
    });

    it('a marker that is not a tab stop repeats one of its block that is, and still opens its popover', async () => {
      const doc = await sample();
      const el = await ready(doc);
      const roots = [el, ...inner(el)].map((node) => node.shadowRoot!);
      const skipped = roots
        .flatMap((root) => [...root.querySelectorAll<HTMLButtonElement>('button.cite')])
        .filter((marker) => marker.tabIndex < 0);
      expect(skipped.length, 'the sample repeats sources within its blocks').to.be.greaterThan(0);
      for (const marker of skipped) {
        const block = marker.closest('li.entry') ?? marker.closest('article.stance') ?? marker.closest('p, li')!;
        const earlier = [...block.querySelectorAll<HTMLButtonElement>('button.cite')].filter(
          (other) =>
            other.dataset.cite === marker.dataset.cite &&
            other.tabIndex >= 0 &&
            other.compareDocumentPosition(marker) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        expect(earlier.length, `${named(marker)}: an earlier tab stop for source ${marker.dataset.cite}`).to.equal(1);
        expect(marker.getAttribute('aria-label'), 'still named by its source').to.equal(
          earlier[0]!.getAttribute('aria-label'),
        );
      }
      // A click (or tap) on one still opens its source.
      const marker = skipped[0]!;
      const owner = (marker.getRootNode() as ShadowRoot).host;
      marker.click();
      await untilOpen(owner);
      expect(squash(popoverOf(owner).querySelector('.popover-title')!.textContent)).to.equal(
        doc.sources.find((s) => s.id === marker.dataset.cite)!.title,
      );
      popoverOf(owner).hidePopover();
    });
  });

  describe('accessibility (axe)', () => {
    for (const theme of ['light', 'dark']) {
      it(`loading, ${theme}`, async () => {
        const el = await fixture<NwAnalysis>(html`<nw-analysis theme=${theme}></nw-analysis>`);
        expect(el.getAttribute('state')).to.equal('loading');
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`ready, ${theme}`, async () => {
        const el = await ready(described(), theme);
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`ready with a popover open, ${theme}`, async () => {
        const el = await ready(described(), theme);
        const marker = sections(el)[0]!.querySelector<HTMLButtonElement>('button.cite')!;
        marker.focus();
        marker.click();
        await untilOpen(el);
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`error, ${theme}`, async () => {
        const el = await fixture<NwAnalysis>(
          html`<nw-analysis theme=${theme} src="/test-api/status/404"></nw-analysis>`,
        );
        await untilState(el, 'error');
        await expect(el).shadowDom.to.be.accessible();
      });
    }
  });
});
