/**
 * <nw-analysis>: the whole analysis composed from the other elements, its table of
 * contents and shareable section links, and back-links from its own source list.
 */
import { fill } from '../../internal/i18n/locale.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import './analysis.js';
import type { NwAnalysis } from './analysis.js';
import type { Analysis } from '../../schema/analysis.js';
import { timelineCount, timelineMessages } from '../timeline/timeline.messages.js';
import { analysisMessages } from './analysis.messages.js';
import { sourceListMessages } from '../source-list/source-list.messages.js';
import { en } from '../../internal/i18n/en.js';
import { es } from '../../internal/i18n/es.js';
import {
  allSettled,
  citeButton,
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

  it("a section's own # link does the same", async () => {
    const doc = await sample();
    const el = await ready(doc);
    await keepingUrl(async () => {
      const anchor = sections(el)[1]!.querySelector<HTMLAnchorElement>('.anchor')!;
      expect(anchor.getAttribute('aria-label')).to.equal(fill(words.sectionLink, { n: 2 }));
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
    expect(squash(part(el, '#contents-heading').textContent)).to.equal(w.contents);
    expect(squash(part(el, '#analysis-heading').textContent)).to.equal(w.analysis);
    expect(squash(part(el, '#timeline-heading').textContent)).to.equal(w.timeline);
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
