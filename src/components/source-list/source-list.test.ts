/**
 * <nw-source-list>: the numbered sources, what each entry says, its link, and where each
 * source is cited, with back-links to the elements on the page that show those places.
 */
import { fill } from '../../internal/i18n/locale.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import './source-list.js';
import '../summary/summary.js';
import '../stances/stances.js';
import '../timeline/timeline.js';
import type { NwSourceList } from './source-list.js';
import type { Analysis } from '../../schema/analysis.js';
import { en } from '../../internal/i18n/en.js';
import { es } from '../../internal/i18n/es.js';
import { sourceListMessages } from './source-list.messages.js';
import {
  allSettled,
  described,
  markers,
  named,
  page,
  part,
  recordEvents,
  sample,
  squash,
  untilState,
  variant,
} from '../../../test/browser/helpers.js';

const words = sourceListMessages.en;

async function list(
  doc: Analysis | Promise<Analysis>,
  attributes: { types?: string; lang?: string; theme?: string } = {},
) {
  const el =
    await fixture<NwSourceList>(html`<nw-source-list types=${ifDefined(attributes.types)} lang=${attributes.lang ?? 'en'}
    theme=${attributes.theme ?? 'light'} .analysis=${await doc}></nw-source-list>`);
  await untilState(el, 'ready');
  return el;
}

const entries = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('li[data-source]')];
const entry = (el: Element, id: string) => part<HTMLLIElement>(el, `li[data-source="${id}"]`);
const citedInLine = (el: Element, id: string) => entry(el, id).querySelector<HTMLElement>('[part=cited-in]')!;
const placeLabels = (el: Element, id: string) =>
  [...citedInLine(el, id).querySelectorAll('li')].map((li) => squash(li.textContent));
const backLinks = (el: Element, id: string) => [...citedInLine(el, id).querySelectorAll<HTMLButtonElement>('button')];

/** Where the document cites source `id`, as the list names those places (statements left out: see the test). */
function expectedPlaces(doc: Analysis, id: string, w = words): string[] {
  const cites = (text = '') => markers(text).includes(id);
  const actorName = (actor: string) => doc.actors.find((a) => a.id === actor)!.name;
  return [
    ...([doc.summary, ...(doc.keyPoints ?? []), ...(doc.unknowns ?? [])].some(cites) ? [w.summary] : []),
    ...doc.sections.flatMap((section, i) =>
      section.paragraphs.some(cites) ? [fill(w.section, { n: i + 1, title: section.title })] : [],
    ),
    ...doc.stances
      .filter(
        (stance) => stance.sources.includes(id) || [stance.headline, stance.summary, stance.quote?.text].some(cites),
      )
      .map((stance) => fill(w.stance, { actor: actorName(stance.actor) })),
  ];
}

const citedByStatement = (doc: Analysis, id: string) =>
  doc.statements.some((s) => s.sources.includes(id) || markers(s.text).includes(id));

/** The sample plus a source that nothing cites. */
const withUncited = () =>
  variant((doc) => {
    doc.sources.push({
      id: String(doc.sources.length + 1),
      title: 'A report listed for completeness only',
      publisher: 'Nobody cites it',
      type: 'academic',
    });
  });

describe('<nw-source-list>', () => {
  it('lists every source in document order, numbered as the document labels them', async () => {
    const doc = await sample();
    const el = await list(doc);
    expect(entries(el).map((li) => li.dataset.source)).to.deep.equal(doc.sources.map((s) => s.id));
    expect(entries(el).map((li) => li.value)).to.deep.equal(doc.sources.map((s) => Number(s.id)));
    const titleOf = (li: Element) => {
      const title = li.querySelector('[part=title]')!.cloneNode(true) as Element;
      title.querySelectorAll('.visually-hidden').forEach((hint) => hint.remove());
      return squash(title.textContent);
    };
    expect(entries(el).map(titleOf)).to.deep.equal(doc.sources.map((s) => s.title));
    expect(squash(part(el, '[part=heading]').textContent)).to.equal(en.sources);
  });

  it("keeps each source's own number when a type filter leaves gaps", async () => {
    const doc = await sample();
    const news = doc.sources.filter((s) => s.type === 'news');
    expect(news.length).to.be.within(2, doc.sources.length - 1); // a real filter, with gaps
    const el = await list(doc, { types: 'news' });
    // The number shown (an <li>'s value) is the label used in the text, not the position.
    expect(news.some((s, i) => Number(s.id) !== i + 1)).to.equal(true);
    expect(entries(el).map((li) => li.value)).to.deep.equal(news.map((s) => Number(s.id)));
  });

  it('types="a,b" shows the union of the types; a type with no sources says so', async () => {
    const doc = await sample();
    const el = await list(doc, { types: 'news, analysis' });
    expect(entries(el).map((li) => li.dataset.source)).to.deep.equal(
      doc.sources.filter((s) => s.type === 'news' || s.type === 'analysis').map((s) => s.id),
    );
    el.types = 'legal';
    await el.updateComplete;
    expect(doc.sources.some((s) => s.type === 'legal')).to.equal(false);
    expect(entries(el)).to.have.length(0);
    expect(squash(part(el, '[part=base]').textContent)).to.include(words.noneOfType);
  });

  it('title, publisher, date (partial dates as given) and type word', async () => {
    const doc = await described();
    const el = await list(doc);
    // described() gives the sources the dates 2025, 2025-04 and 2025-04-08 in turn.
    const shown: Record<string, string> = { '2025': '2025', '2025-04': 'April 2025', '2025-04-08': 'April 8, 2025' };
    for (const source of doc.sources) {
      const meta = entry(el, source.id).querySelector('[part=meta]')!;
      expect(squash(meta.textContent)).to.equal(
        [source.publisher, shown[source.date!], en.sourceTypes[source.type!]].join(' · '),
      );
      expect(meta.querySelector('time')!.getAttribute('datetime')).to.equal(source.date);
    }
  });

  it('a source with only a title shows no empty meta line', async () => {
    const doc = await sample();
    const bare = doc.sources.find((s) => !s.publisher && !s.date && !s.type)!;
    expect(bare).not.to.equal(undefined);
    const el = await list(doc);
    expect(entry(el, bare.id).querySelector('[part=meta]')).to.equal(null);
    expect(entry(el, bare.id).querySelector('a')).to.equal(null); // and no link without a URL
  });

  it('links the title to the source in a new tab, safely, and says so to screen readers', async () => {
    const doc = await sample();
    const withUrl = doc.sources.filter((s) => s.url);
    expect(withUrl.length).to.be.greaterThan(0);
    const el = await list(doc);
    for (const source of doc.sources) {
      const link = entry(el, source.id).querySelector<HTMLAnchorElement>('[part=title] a');
      if (!source.url) {
        expect(link, `source ${source.id} has no URL`).to.equal(null);
        continue;
      }
      expect(link!.getAttribute('href')).to.equal(source.url);
      expect(link!.target).to.equal('_blank');
      expect(link!.rel.split(' ')).to.include.members(['noopener', 'noreferrer']);
      expect(squash(link!.textContent)).to.equal(`${source.title} (${en.opensInNewTab})`);
      // The hint is for screen readers; sighted readers see the title only.
      const hint = link!.querySelector('.visually-hidden')!;
      expect(squash(hint.textContent)).to.equal(`(${en.opensInNewTab})`);
      expect(hint.getBoundingClientRect().width).to.be.at.most(1);
    }
  });

  it('never renders a link that is not http(s)', async () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<p>x</p>',
      '//example.org/no-scheme',
      'ftp://example.org/file',
    ]) {
      const doc = await variant((d) => void (d.sources[0]!.url = url));
      const el = await fixture<NwSourceList>(html`<nw-source-list .analysis=${doc}></nw-source-list>`);
      await untilState(el, 'error');
      expect(el.shadowRoot!.querySelector('a[href]'), url).to.equal(null);
      expect(squash(part(el, '[part=error]').textContent)).to.include('sources[0].url');
    }
    const el = await list(described());
    const hrefs = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.protocol);
    expect(hrefs.length).to.be.greaterThan(0);
    expect(hrefs.every((protocol) => protocol === 'https:' || protocol === 'http:')).to.equal(true);
  });

  describe('cited in', () => {
    it('names every place that cites the source; as plain text when no element on the page shows it', async () => {
      const doc = await sample();
      const el = await list(doc);
      for (const source of doc.sources.filter((s) => !citedByStatement(doc, s.id))) {
        expect(placeLabels(el, source.id), `source ${source.id}`).to.deep.equal(expectedPlaces(doc, source.id));
        expect(squash(citedInLine(el, source.id).textContent)).to.match(new RegExp(`^${words.citedIn}:`));
        expect(backLinks(el, source.id), `source ${source.id}`).to.have.length(0);
      }
    });

    it('statements are named by their actor and date', async () => {
      const doc = await sample();
      const statement = doc.statements.find((s) => s.date?.length === 10)!;
      const actor = doc.actors.find((a) => a.id === statement.actor)!;
      const el = await list(doc);
      const labels = placeLabels(el, statement.sources[0]!);
      const day = Number(statement.date!.slice(8));
      expect(
        labels.some(
          (label) =>
            label.startsWith(`${actor.name}, `) &&
            label.includes(statement.date!.slice(0, 4)) &&
            label.includes(String(day)),
        ),
        labels.join(' | '),
      ).to.equal(true);
    });

    it('a source no one cites is listed, "Not cited in the text"', async () => {
      const doc = await withUncited();
      const uncited = doc.sources.at(-1)!;
      const el = await list(doc);
      expect(squash(citedInLine(el, uncited.id).textContent)).to.equal(words.notCited);
      expect(squash(citedInLine(el, doc.sources[0]!.id).textContent)).not.to.include(words.notCited);
    });

    describe('back-links, with the summary and stances of the same analysis on the page', () => {
      before(() => emulateMedia({ reducedMotion: 'reduce' })); // scrolls at once, so "in view" can be checked
      after(() => emulateMedia({ reducedMotion: 'no-preference' }));

      async function onPage(doc: Analysis) {
        const root = page(html`<div>
          <nw-summary .analysis=${doc}></nw-summary>
          <nw-stances .analysis=${doc}></nw-stances>
          <div style="height: 150vh"></div>
          <nw-source-list .analysis=${doc}></nw-source-list>
        </div>`);
        await allSettled(root);
        const el = root.querySelector('nw-source-list')!;
        return { root, el, summary: root.querySelector('nw-summary')!, stances: root.querySelector('nw-stances')! };
      }

      const inView = (target: Element) => {
        const rect = target.getBoundingClientRect();
        return rect.bottom > 0 && rect.top < innerHeight;
      };

      it('the summary back-link scrolls to and focuses the summary, which flashes', async () => {
        const doc = await sample();
        const id = markers(doc.summary)[0]!;
        const { el, summary } = await onPage(doc);
        const link = backLinks(el, id).find((button) => squash(button.textContent) === words.summary)!;
        expect(link, 'a Summary back-link').not.to.equal(undefined);
        link.scrollIntoView();
        const target = part(summary, 'article');
        expect(inView(target)).to.equal(false);
        link.focus();
        link.click();
        expect(named(document.activeElement)).to.equal(named(summary));
        expect(named(summary.shadowRoot!.activeElement)).to.equal(named(target));
        expect(target.hasAttribute('data-flash')).to.equal(true);
        await waitUntil(() => inView(target), 'the summary was not scrolled into view');
      });

      it('a stance back-link scrolls to and focuses that stance, which flashes', async () => {
        const doc = await sample();
        const stance = doc.stances.at(-1)!;
        const id = stance.sources[0]!;
        const actor = doc.actors.find((a) => a.id === stance.actor)!;
        const { el, stances } = await onPage(doc);
        const link = backLinks(el, id).find(
          (button) => squash(button.textContent) === fill(words.stance, { actor: actor.name }),
        )!;
        expect(link, 'a back-link to the stance').not.to.equal(undefined);
        link.focus();
        link.click();
        const target = part(stances, `li[data-stance="${stance.id}"] article`);
        expect(named(document.activeElement)).to.equal(named(stances));
        expect(named(stances.shadowRoot!.activeElement)).to.equal(named(target));
        expect(target.hasAttribute('data-flash')).to.equal(true);
        await waitUntil(() => inView(target), 'the stance was not scrolled into view');
      });

      it('places no element shows (sections, statements) stay plain text', async () => {
        const doc = await sample();
        const { el } = await onPage(doc);
        const source = doc.sources.find((s) =>
          doc.sections.some((section) => section.paragraphs.some((p) => markers(p).includes(s.id))),
        )!;
        const buttons = backLinks(el, source.id).map((button) => squash(button.textContent));
        const allSections = doc.sections.map((section, i) => fill(words.section, { n: i + 1, title: section.title }));
        const sectionLabels = placeLabels(el, source.id).filter((label) => allSections.includes(label));
        expect(sectionLabels.length).to.be.greaterThan(0);
        for (const label of sectionLabels) expect(buttons).not.to.include(label);
      });

      it('a back-link appears when the element showing the place arrives after the list', async () => {
        const doc = await sample();
        const id = markers(doc.summary)[0]!;
        const el = await list(doc);
        expect(backLinks(el, id)).to.have.length(0);
        const summary = document.createElement('nw-summary');
        summary.analysis = doc;
        el.before(summary);
        try {
          await waitUntil(
            () => backLinks(el, id).some((b) => squash(b.textContent) === words.summary),
            'no back-link after the summary arrived',
          );
        } finally {
          summary.remove();
        }
      });

      it('the back-link goes back to plain text when that element leaves the page', async () => {
        const doc = await sample();
        const id = markers(doc.summary)[0]!;
        const { el, summary } = await onPage(doc);
        expect(backLinks(el, id).map((b) => squash(b.textContent))).to.include(words.summary);
        summary.remove();
        await waitUntil(
          () => !backLinks(el, id).some((b) => squash(b.textContent) === words.summary),
          'a back-link to a summary no longer on the page',
        );
        expect(placeLabels(el, id)).to.include(words.summary);
      });

      it('statement back-links follow a reader filtering the timeline', async () => {
        const doc = await sample();
        const statement = doc.statements[0]!;
        const id = statement.sources[0]!;
        const actorName = doc.actors.find((a) => a.id === statement.actor)!.name;
        const root = page(
          html`<div><nw-timeline .analysis=${doc}></nw-timeline><nw-source-list .analysis=${doc}></nw-source-list></div>`,
        );
        await allSettled(root);
        const el = root.querySelector('nw-source-list')!;
        const toStatement = () => backLinks(el, id).filter((b) => squash(b.textContent).startsWith(actorName));
        await waitUntil(() => toStatement().length > 0, 'a back-link to the statement while the timeline shows it');
        // The reader unticks that actor in the timeline's filter: the statement is no longer shown.
        const timeline = root.querySelector('nw-timeline')!;
        const box = [...timeline.shadowRoot!.querySelectorAll<HTMLLabelElement>('.chip')]
          .find((chip) => squash(chip.textContent) === actorName)!
          .querySelector('input')!;
        box.click();
        await waitUntil(() => toStatement().length === 0, 'the back-link went back to plain text');
        expect(placeLabels(el, id).some((label) => label.startsWith(actorName))).to.equal(true);
        box.click();
        await waitUntil(() => toStatement().length > 0, 'the back-link came back with the actor');
      });

      it('elements for another analysis get no back-links', async () => {
        const doc = await sample();
        const other = await variant((d) => void (d.id = 'another-analysis'));
        const root = page(
          html`<div><nw-summary .analysis=${other}></nw-summary><nw-source-list .analysis=${doc}></nw-source-list></div>`,
        );
        await allSettled(root);
        const el = root.querySelector('nw-source-list')!;
        expect(backLinks(el, markers(doc.summary)[0]!)).to.have.length(0);
      });
    });
  });

  it('Spanish: its words, type words, dates and the new-tab hint', async () => {
    const doc = await withUncited();
    const el = await list(doc, { lang: 'es' });
    const w = sourceListMessages.es;
    expect(squash(part(el, '[part=heading]').textContent)).to.equal(es.sources);
    const cited = doc.sources.find((s) => s.url && s.type)!;
    expect(squash(entry(el, cited.id).querySelector('[part=meta]')!.textContent)).to.include(
      es.sourceTypes[cited.type!],
    );
    expect(squash(entry(el, cited.id).querySelector('a')!.textContent)).to.include(es.opensInNewTab);
    expect(squash(citedInLine(el, cited.id).textContent)).to.match(new RegExp(`^${w.citedIn}:`));
    expect(squash(citedInLine(el, doc.sources.at(-1)!.id).textContent)).to.equal(w.notCited);
    const summaryCited = markers(doc.summary)[0]!;
    expect(placeLabels(el, summaryCited)).to.deep.equal(expectedPlaces(doc, summaryCited, w));
    const dated = await list(
      variant((d) => void (d.sources[0]!.date = '2025-04')),
      { lang: 'es' },
    );
    expect(squash(entry(dated, doc.sources[0]!.id).querySelector('time')!.textContent)).to.equal('abril de 2025');
  });

  it("heading-level sets the heading's outline level (2 to 4)", async () => {
    const el = await list(sample());
    expect(part(el, '[part=heading]').getAttribute('aria-level')).to.equal('2');
    el.setAttribute('heading-level', '3');
    await el.updateComplete;
    expect(part(el, '[part=heading]').getAttribute('aria-level')).to.equal('3');
  });

  it('fires nw-ready once ready', async () => {
    const events = recordEvents();
    const doc = await sample();
    const el = await list(doc);
    events.stop();
    expect(events.of('nw-ready').filter((event) => event.target === el)).to.have.length(1);
  });

  describe('accessibility (axe)', () => {
    for (const theme of ['light', 'dark']) {
      it(`loading, ${theme}`, async () => {
        const el = await fixture<NwSourceList>(html`<nw-source-list theme=${theme}></nw-source-list>`);
        expect(el.getAttribute('state')).to.equal('loading');
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`ready, ${theme}, with back-links`, async () => {
        const doc = await described();
        const root = page(html`<div><nw-summary .analysis=${doc}></nw-summary>
          <nw-source-list theme=${theme} .analysis=${doc}></nw-source-list></div>`);
        await allSettled(root);
        const el = root.querySelector('nw-source-list')!;
        expect(el.shadowRoot!.querySelectorAll('.backlink').length).to.be.greaterThan(0);
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`error, ${theme}`, async () => {
        const el = await fixture<NwSourceList>(
          html`<nw-source-list theme=${theme} src="/test-api/status/404"></nw-source-list>`,
        );
        await untilState(el, 'error');
        await expect(el).shadowDom.to.be.accessible();
      });
    }
  });
});
