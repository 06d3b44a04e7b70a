/**
 * <nw-timeline>'s DOM size (issue 18): a thousand statements cost at most 25 nodes each,
 * counted as a DOM-size audit counts them (every node in the shadow root: elements, text and
 * comments), with what a reader meets in each entry unchanged: its date, kind, actor, text,
 * quote, sources and their citation buttons, in the analysis's language, in the element's
 * words. The count is deterministic; bench/timeline-dom.ts prints the whole page's.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import './timeline.js';
import type { NwTimeline } from './timeline.js';
import { timelineMessages } from './timeline.messages.js';
import { generatedAnalysis } from '../../../demo/generate.js';
import type { Analysis, Statement } from '../../schema/analysis.js';
import { en } from '../../internal/i18n/en.js';
import { es } from '../../internal/i18n/es.js';
import {
  citationName,
  markers,
  page,
  sample,
  squash,
  untilState,
  withoutMarkers,
} from '../../../test/browser/helpers.js';

const entries = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li.entry')];
const tabStops = (el: Element) => entries(el).filter((entry) => entry.tabIndex === 0);

/** A timeline of `doc` in a container `width` px wide, once every entry is in the DOM. */
async function rendered(doc: Analysis, width = 600, lang = 'en'): Promise<NwTimeline> {
  const box = page<HTMLDivElement>(html`<div style=${`width: ${width}px`}><nw-timeline .analysis=${doc}
    lang=${lang} theme="light"></nw-timeline></div>`);
  const el = box.querySelector<NwTimeline>('nw-timeline')!;
  await untilState(el, 'ready');
  await waitUntil(() => entries(el).length === doc.statements.length, 'not every entry rendered', {
    timeout: 20_000,
    interval: 50,
  });
  return el;
}

/** Every node under `root`, shadow roots inside it included. */
function nodesUnder(root: Node): Node[] {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node);
    if (node instanceof Element && node.shadowRoot) nodes.push(...nodesUnder(node.shadowRoot));
  }
  return nodes;
}

/** What a reader meets in one entry, read from the DOM. */
function shown(entry: HTMLElement) {
  const date = entry.querySelector('[part=date]')!;
  const actor = entry.querySelector('[part=actor]')!;
  const text = entry.querySelector('[part=text]')!;
  const quote = entry.querySelector('[part=quote]');
  const sources = entry.querySelector('[part=sources]');
  const cites = (element: Element | null) =>
    [...(element?.querySelectorAll('button.cite') ?? [])].map((button) => ({
      id: button.getAttribute('data-cite'),
      text: squash(button.textContent),
      name: citationName(button),
      tabStop: (button as HTMLElement).tabIndex >= 0,
    }));
  return {
    date: { tag: date.localName, datetime: date.getAttribute('datetime'), text: squash(date.textContent) },
    kind: squash(entry.querySelector('.kind')?.textContent),
    actor: squash(actor.querySelector('[lang]')?.textContent),
    actorLang: actor.querySelector('[lang]')?.getAttribute('lang'),
    actorKind: squash(actor.querySelector('.actor-kind')?.textContent),
    text: squash(text.textContent),
    textLang: text.getAttribute('lang'),
    textCites: cites(text),
    quote: quote && {
      text: squash(quote.querySelector('blockquote')!.textContent),
      lang: quote.querySelector('blockquote')!.getAttribute('lang'),
      speaker: squash(quote.querySelector('figcaption')?.textContent) || undefined,
      cites: cites(quote),
    },
    sources: sources && { text: squash(sources.textContent), cites: cites(sources) },
    name: (entry.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => squash(entry.querySelector(`#${CSS.escape(id)}`)?.textContent))
      .join(' '),
  };
}

/** The same, written out from the statement and the documented words (dates are checked in timeline.test.ts). */
function expected(doc: Analysis, statement: Statement, dateText: string, lang: 'en' | 'es' = 'en') {
  const [t, w] = lang === 'en' ? [en, timelineMessages.en] : [es, timelineMessages.es];
  const actor = doc.actors.find((a) => a.id === statement.actor)!;
  // One tab stop per source in an entry: text, then quote, then the Sources line.
  const cited = new Set<string>();
  const cites = (text: string) =>
    markers(text).map((id) => {
      const tabStop = !cited.has(id);
      cited.add(id);
      return {
        id,
        text: `[${id}]`,
        name: `${t.source} ${id}: ${doc.sources.find((s) => s.id === id)!.title}`,
        tabStop,
      };
    });
  const textCites = cites(statement.text);
  const quoteCites = statement.quote ? cites(statement.quote.text) : [];
  const sourceCites = cites(statement.sources.map((id) => `[${id}]`).join(' '));
  return {
    date: { tag: statement.date ? 'time' : 'span', datetime: statement.date ?? null, text: dateText },
    kind: statement.kind ? w.kinds[statement.kind] : '',
    actor: actor.name,
    actorLang: doc.language,
    actorKind: t.actorKinds[actor.kind],
    text: squash(statement.text),
    textLang: doc.language,
    textCites,
    quote: statement.quote
      ? {
          text: squash(statement.quote.text),
          lang: doc.language,
          speaker: statement.quote.speaker,
          cites: quoteCites,
        }
      : null,
    sources: statement.sources.length
      ? { text: `${t.sources}: ${statement.sources.map((id) => `[${id}]`).join(' ')}`, cites: sourceCites }
      : null,
    name: `${actor.name}${t.actorKinds[actor.kind]} ${dateText}`,
  };
}

describe('<nw-timeline> DOM size', () => {
  it('1,000 statements: at most 25 DOM nodes a statement, counting text and comment nodes too', async function () {
    this.timeout(30_000);
    const doc = generatedAnalysis(1000) as Analysis;
    const el = await rendered(doc);
    const nodes = nodesUnder(el.shadowRoot!);
    const perStatement = nodes.length / doc.statements.length;
    expect(perStatement, `${nodes.length} nodes for ${doc.statements.length} statements`).to.be.at.most(25);
  });

  it('no whitespace or comment nodes inside entries: only the spaces of a "Sources: [1] [2]" line', async function () {
    this.timeout(30_000);
    const doc = generatedAnalysis(1000) as Analysis;
    doc.statements[0]!.sources = ['1', '2', '3'];
    const el = await rendered(doc);
    const inEntries = entries(el).flatMap((entry) => nodesUnder(entry));
    const comments = inEntries.filter((node) => node.nodeType === Node.COMMENT_NODE);
    expect(comments, 'comment nodes').to.have.length(0);
    const blank = inEntries.filter((node) => node.nodeType === Node.TEXT_NODE && !node.textContent!.trim());
    expect(blank.length, 'the three spaces of the one line with three sources, one each for the others').to.equal(
      doc.statements.length + 2,
    );
    for (const node of blank) {
      expect(node.textContent, 'a single space').to.equal(' ');
      expect(node.parentElement!.matches('.source-line'), 'in a sources line').to.equal(true);
      expect(node.nextSibling instanceof HTMLButtonElement, 'before a citation').to.equal(true);
    }
  });
});

describe('<nw-timeline> entries show what they showed', () => {
  it('the sample: date, kind, actor, text, quote, sources and citation names, as the data says', async () => {
    const doc = await sample();
    const el = await rendered(doc);
    for (const entry of entries(el)) {
      const statement = doc.statements.find((s) => s.id === entry.dataset.statement)!;
      const seen = shown(entry);
      expect(seen, statement.id).to.deep.equal(expected(doc, statement, seen.date.text));
      expect(withoutMarkers(seen.text), 'the text reads as written').to.equal(withoutMarkers(statement.text));
    }
    expect(doc.statements.some((s) => s.quote?.speaker)).to.equal(true);
  });

  it('1,000 generated statements, every one: the same, with undated ones saying so', async function () {
    this.timeout(30_000);
    const doc = generatedAnalysis(1000) as Analysis;
    const el = await rendered(doc);
    for (const entry of entries(el)) {
      const statement = doc.statements.find((s) => s.id === entry.dataset.statement)!;
      const seen = shown(entry);
      if (!statement.date) expect(seen.date.text).to.equal(timelineMessages.en.undated);
      expect(seen, statement.id).to.deep.equal(expected(doc, statement, seen.date.text));
    }
  });

  it('in Spanish, and after changing language, entries use the new words (kinds, "Fuentes", citation names)', async () => {
    const doc = await sample();
    const el = await rendered(doc, 600, 'en');
    const check = (lang: 'en' | 'es') => {
      for (const entry of entries(el)) {
        const statement = doc.statements.find((s) => s.id === entry.dataset.statement)!;
        const seen = shown(entry);
        expect(seen, `${lang} ${statement.id}`).to.deep.equal(expected(doc, statement, seen.date.text, lang));
      }
    };
    check('en');
    el.setAttribute('lang', 'es');
    await el.updateComplete;
    check('es');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    check('en');
  });

  it('filtered out and back, each statement shows again in its own lane, with the same content', async () => {
    const doc = await sample();
    const el = await rendered(doc, 1200);
    const before = new Map(entries(el).map((entry) => [entry.dataset.statement, [shown(entry), entry.dataset.lane]]));
    const [first, ...rest] = [...new Set(doc.statements.map((s) => s.actor))];
    el.actors = rest.join(',');
    await el.updateComplete;
    const lanes = new Map(entries(el).map((entry) => [entry.dataset.statement, entry.dataset.lane]));
    expect([...lanes.values()].every((lane) => Number(lane) >= 1 && Number(lane) <= rest.length)).to.equal(true);
    expect(entries(el).some((entry) => doc.statements.find((s) => s.id === entry.dataset.statement)!.actor === first))
      .to.be.false;
    const stop = tabStops(el).map((entry) => entry.dataset.statement);
    expect(stop, 'one tab stop while filtered').to.have.length(1);
    el.actors = null;
    await el.updateComplete;
    expect(
      tabStops(el).map((entry) => entry.dataset.statement),
      'one tab stop, still on the statement that had it',
    ).to.deep.equal(stop);
    expect(
      new Map(entries(el).map((entry) => [entry.dataset.statement, [shown(entry), entry.dataset.lane]])),
    ).to.deep.equal(before);
  });
});
