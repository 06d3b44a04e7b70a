/**
 * <nw-timeline>: order with partial and missing dates, period headings, the actor filter,
 * lanes by container width, keyboard, screen readers, axe, and ten thousand statements.
 * Real Chromium; everything is read from the rendered shadow DOM, as a reader meets it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import './timeline.js';
import type { NwTimeline } from './timeline.js';
import { groupByPeriod, orderStatements, type Period } from './timeline-order.js';
import { timelineCount, timelineMessages } from './timeline.messages.js';
import { MAX_LANES } from './timeline.styles.js';
import { generatedAnalysis } from '../../../demo/generate.js';
import type { Analysis, Statement } from '../../schema/analysis.js';
import type { CitingPlace } from '../../internal/cited-in.js';
import { blurAll, page, part, recordEvents, sample, untilState, variant } from '../../../test/browser/helpers.js';

const en = timelineMessages.en;
const es = timelineMessages.es;
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------

/**
 * Dates given to the sample's eight statements, in document order: full, month-only,
 * year-only and missing, with two ties ("2025-04-01" twice, "2025-04" twice).
 */
const MIXED_DATES = [
  '2025-04',
  '2025',
  '2025-04-01',
  '2025-03-31',
  undefined,
  '2025-04-01',
  undefined,
  '2025-04',
] as const;

/** The sample with MIXED_DATES. */
function mixed(): Promise<Analysis> {
  return variant((doc) => {
    expect(doc.statements.length, 'the sample has one statement per MIXED_DATES entry').to.equal(MIXED_DATES.length);
    doc.statements.forEach((statement, i) => {
      const date = MIXED_DATES[i];
      if (date) statement.date = date;
      else delete statement.date;
    });
  });
}

/**
 * The documented rule, written out independently of the element: a partial date sorts at
 * the start of its period, equal dates keep document order, undated statements follow the
 * dated ones in document order whichever way the dated ones run.
 */
function documentedOrder(statements: readonly Pick<Statement, 'id' | 'date'>[], order: 'asc' | 'desc'): string[] {
  const parts = (date: string) => [...date.split('-').map(Number), 0, 0].slice(0, 3) as [number, number, number];
  const compare = (a: string, b: string) => {
    const [x, y] = [parts(a), parts(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  };
  const dated = statements.filter((s) => s.date).map((s, index) => ({ s, index }));
  dated.sort(
    (a, b) => (order === 'asc' ? compare(a.s.date!, b.s.date!) : compare(b.s.date!, a.s.date!)) || a.index - b.index,
  );
  return [...dated.map(({ s }) => s.id), ...statements.filter((s) => !s.date).map((s) => s.id)];
}

/** The sample with its eight statements spread over `count` of its actors, round robin. */
function spreadOver(count: number): Promise<Analysis> {
  return variant((doc) => {
    expect(doc.actors.length).to.be.at.least(count);
    doc.statements.forEach((statement, i) => (statement.actor = doc.actors[i % count]!.id));
  });
}

// ---------------------------------------------------------------------------------------
// Driving and reading the element
// ---------------------------------------------------------------------------------------

interface Attributes {
  actors?: string;
  order?: string;
  lang?: string;
  theme?: string;
}

async function timeline(doc: unknown, attributes: Attributes = {}): Promise<NwTimeline> {
  const el = await fixture<NwTimeline>(html`<nw-timeline .analysis=${doc} actors=${ifDefined(attributes.actors)}
    order=${ifDefined(attributes.order)} lang=${attributes.lang ?? 'en'} theme=${attributes.theme ?? 'light'}></nw-timeline>`);
  await untilState(el, 'ready');
  return el;
}

/** A timeline inside a container `width` px wide (the page's viewport is not changed). */
async function timelineIn(width: number, doc: unknown, attributes: Attributes = {}): Promise<NwTimeline> {
  const box = page<HTMLDivElement>(html`<div style=${`width: ${width}px`}><nw-timeline .analysis=${doc}
    actors=${ifDefined(attributes.actors)} lang="en" theme=${attributes.theme ?? 'light'}></nw-timeline></div>`);
  const el = box.querySelector<NwTimeline>('nw-timeline')!;
  await untilState(el, 'ready');
  return el;
}

const entries = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li.entry')];
const entryIds = (el: Element) => entries(el).map((entry) => entry.dataset.statement!);
const entryOf = (el: Element, id: string) => part(el, `li.entry[data-statement="${CSS.escape(id)}"]`);
const headings = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part=period]')].map(text);
const entryDates = (el: Element) => entries(el).map((entry) => text(entry.querySelector('[part=date]')));
const tabStops = (el: Element) => entries(el).filter((entry) => entry.getAttribute('tabindex') === '0');
const active = (el: Element) => el.shadowRoot!.activeElement;
const left = (element: Element) => Math.round(element.getBoundingClientRect().left);
/** Whether lane names are on screen (rendered and not display: none). */
const laneNamesVisible = (el: Element) => {
  const headers = el.shadowRoot!.querySelector('.lane-headers');
  return headers !== null && getComputedStyle(headers).display !== 'none' && headers.getBoundingClientRect().height > 0;
};

/** Speaking actors (with at least one statement), in document order. */
const speaking = (doc: Analysis) => doc.actors.filter((actor) => doc.statements.some((s) => s.actor === actor.id));

/** The filter checkbox a reader finds by the actor's name. */
function checkbox(el: Element, name: string): HTMLInputElement {
  const label = [...el.shadowRoot!.querySelectorAll('[part=filter] label')].find((l) => text(l) === name);
  if (!label) throw new Error(`no filter checkbox labelled "${name}"`);
  return label.querySelector('input[type=checkbox]')!;
}

/** A key pressed on `target`, as the browser dispatches it. Returns false when the element prevented the default. */
function press(target: Element, key: string): boolean {
  return target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

const placeOf = (doc: Analysis, id: string): CitingPlace => {
  const statement = doc.statements.find((s) => s.id === id)!;
  return { kind: 'statement', id, actor: statement.actor, ...(statement.date ? { date: statement.date } : {}) };
};

// ---------------------------------------------------------------------------------------

describe('<nw-timeline>', () => {
  describe('order (the pure functions)', () => {
    it('orderStatements: partial dates at the start of their period, ties in document order, undated last in both orders', async () => {
      const doc = await mixed();
      const s = doc.statements.map((statement) => statement.id);
      // MIXED_DATES: 0 "2025-04", 1 "2025", 2 "2025-04-01", 3 "2025-03-31", 4 none, 5 "2025-04-01", 6 none, 7 "2025-04".
      expect(orderStatements(doc.statements, 'asc').map((e) => e.statement.id)).to.deep.equal([
        s[1],
        s[3],
        s[0],
        s[7],
        s[2],
        s[5],
        s[4],
        s[6],
      ]);
      expect(orderStatements(doc.statements, 'desc').map((e) => e.statement.id)).to.deep.equal([
        s[2],
        s[5],
        s[0],
        s[7],
        s[3],
        s[1],
        s[4],
        s[6],
      ]);
      expect(
        orderStatements(doc.statements).map((e) => e.statement.id),
        'asc is the default',
      ).to.deep.equal(documentedOrder(doc.statements, 'asc'));
    });

    it('orderStatements agrees with the documented rule on a large generated analysis, both orders', () => {
      const { statements } = generatedAnalysis(3000) as Analysis;
      for (const order of ['asc', 'desc'] as const) {
        expect(
          orderStatements(statements, order).map((e) => e.statement.id),
          order,
        ).to.deep.equal(documentedOrder(statements, order));
      }
    });

    it('groupByPeriod: one group per year-only, year-month and undated run, entries kept in order', async () => {
      const doc = await mixed();
      const ordered = orderStatements(doc.statements, 'asc');
      const groups = groupByPeriod(ordered);
      const periodOf = (date?: string): Period => {
        if (!date) return { undated: true };
        const [year, month] = date.split('-').map(Number) as [number, number?];
        return month ? { year, month } : { year };
      };
      // Consecutive entries of the same period share a group; the groups concatenate back to the order.
      const expected: { period: Period; ids: string[] }[] = [];
      for (const entry of ordered) {
        const period = periodOf(entry.statement.date);
        const last = expected.at(-1);
        if (last && JSON.stringify(last.period) === JSON.stringify(period)) last.ids.push(entry.statement.id);
        else expected.push({ period, ids: [entry.statement.id] });
      }
      expect(groups.map((g) => ({ period: g.period, ids: g.entries.map((e) => e.statement.id) }))).to.deep.equal(
        expected,
      );
      expect(groups.map((g) => g.period)).to.deep.equal([
        { year: 2025 },
        { year: 2025, month: 3 },
        { year: 2025, month: 4 },
        { undated: true },
      ]);
      expect(groupByPeriod([])).to.deep.equal([]);
    });
  });

  describe('order (rendered)', () => {
    for (const order of ['asc', 'desc'] as const) {
      it(`order="${order}": entries in the documented order, headings where the dates cross periods`, async () => {
        const doc = await mixed();
        const el = await timeline(doc, { order });
        expect(entryIds(el)).to.deep.equal(documentedOrder(doc.statements, order));
        const expectedHeadings =
          order === 'asc'
            ? ['2025', 'March 2025', 'April 2025', en.undated]
            : ['April 2025', 'March 2025', '2025', en.undated];
        expect(headings(el)).to.deep.equal(expectedHeadings);
        // Each heading sits right before its period's entries.
        const sections = [...el.shadowRoot!.querySelectorAll('section.period')];
        expect(
          sections.flatMap((section) =>
            [...section.querySelectorAll('li.entry')].map((li) => (li as HTMLElement).dataset.statement),
          ),
        ).to.deep.equal(entryIds(el));
      });
    }

    it('without order, oldest first', async () => {
      const doc = await mixed();
      const el = await timeline(doc);
      expect(entryIds(el)).to.deep.equal(documentedOrder(doc.statements, 'asc'));
    });

    it('headings across years and months, each shown as precise as its dates', async () => {
      const dates = ['2024-12-30', '2025-01', '2024', '2025-01-02', '2026', '2024-12', '2025-11-04', '2025-11-04'];
      const doc = await variant((d) => d.statements.forEach((statement, i) => (statement.date = dates[i]!)));
      const el = await timeline(doc);
      expect(entryIds(el)).to.deep.equal(documentedOrder(doc.statements, 'asc'));
      expect(headings(el)).to.deep.equal(['2024', 'December 2024', 'January 2025', 'November 2025', '2026']);
    });

    it('dates show as precise as they are, with the machine date alongside', async () => {
      const doc = await mixed();
      const el = await timeline(doc);
      const shown = new Map(entries(el).map((entry) => [entry.dataset.statement!, entry]));
      const expected: Record<string, string> = {
        '2025': '2025',
        '2025-04': 'April 2025',
        '2025-04-01': 'April 1, 2025',
        '2025-03-31': 'March 31, 2025',
      };
      for (const statement of doc.statements) {
        const entry = shown.get(statement.id)!;
        const date = entry.querySelector('[part=date]');
        if (statement.date) {
          expect(text(date), statement.date).to.equal(expected[statement.date]);
          expect(date!.localName).to.equal('time');
          expect(date!.getAttribute('datetime')).to.equal(statement.date);
        } else {
          expect(text(date)).to.equal(en.undated);
          expect(date!.localName).not.to.equal('time');
        }
      }
    });

    it('speaks Spanish: month names, "Sin fecha", count', async () => {
      const doc = await mixed();
      const el = await timeline(doc, { lang: 'es' });
      expect(headings(el)).to.deep.equal(['2025', 'marzo de 2025', 'abril de 2025', es.undated]);
      const byDate = new Map(doc.statements.map((s) => [s.id, s.date]));
      const expected: Record<string, string> = {
        '2025': '2025',
        '2025-04': 'abril de 2025',
        '2025-04-01': '1 de abril de 2025',
        '2025-03-31': '31 de marzo de 2025',
      };
      expect(entryDates(el)).to.deep.equal(
        entryIds(el).map((id) => {
          const date = byDate.get(id);
          return date ? expected[date] : es.undated;
        }),
      );
      expect(text(part(el, '.count'))).to.equal(timelineCount(es, doc.statements.length, doc.statements.length, 'es'));
      expect(text(part(el, '[part=filter] legend'))).to.equal(es.showBy);
    });

    it('changing lang re-renders headings and dates in the new language', async () => {
      const doc = await mixed();
      const el = await timeline(doc);
      expect(headings(el)).to.include('April 2025');
      el.setAttribute('lang', 'es');
      await el.updateComplete;
      expect(headings(el)).to.deep.equal(['2025', 'marzo de 2025', 'abril de 2025', es.undated]);
      expect(entryDates(el)).to.include('abril de 2025');
      expect(entryDates(el)).not.to.include('April 2025');
    });

    it('changing order re-renders in the other order, and back', async () => {
      const doc = await mixed();
      const el = await timeline(doc);
      el.setAttribute('order', 'desc');
      await el.updateComplete;
      expect(entryIds(el)).to.deep.equal(documentedOrder(doc.statements, 'desc'));
      el.order = 'asc';
      await el.updateComplete;
      expect(entryIds(el)).to.deep.equal(documentedOrder(doc.statements, 'asc'));
    });

    it('changing data re-renders with the new data (same analysis id, new dates)', async () => {
      const doc = await mixed();
      const el = await timeline(doc);
      const next = structuredClone(doc);
      next.statements.forEach((statement, i) => (statement.date = `2025-0${(next.statements.length - i) % 9 || 1}`));
      el.analysis = next;
      await waitUntil(
        () => entryIds(el).join() === documentedOrder(next.statements, 'asc').join(),
        'new dates never reordered the timeline',
        { timeout: 5000 },
      );
    });
  });

  describe('filter', () => {
    it('actors="a,b" shows only their statements; unknown ids are ignored', async () => {
      const doc = await sample();
      const [a, b] = speaking(doc);
      const el = await timeline(doc, { actors: `${a!.id}, nobody-at-all,${b!.id}` });
      const wanted = doc.statements.filter((s) => s.actor === a!.id || s.actor === b!.id);
      expect(wanted.length).to.be.lessThan(doc.statements.length); // the filter removes something
      expect(entryIds(el)).to.deep.equal(documentedOrder(wanted, 'asc'));
      expect(text(part(el, '.count'))).to.equal(timelineCount(en, wanted.length, doc.statements.length, 'en'));
      for (const actor of speaking(doc)) {
        expect(checkbox(el, actor.name).checked, actor.id).to.equal(actor.id === a!.id || actor.id === b!.id);
      }
    });

    it('a page changing the attribute re-filters without firing nw-filter-change (that is for readers)', async () => {
      const doc = await sample();
      const el = await timeline(doc);
      const events = recordEvents(el, ['nw-filter-change']);
      const [, b] = speaking(doc);
      el.setAttribute('actors', b!.id);
      await el.updateComplete;
      el.removeAttribute('actors');
      await el.updateComplete;
      events.stop();
      expect(events.events).to.have.length(0);
      expect(entryIds(el)).to.deep.equal(documentedOrder(doc.statements, 'asc'));
    });

    it('unchecking an actor hides their statements, updates the attribute and fires nw-filter-change once; re-checking brings them back', async () => {
      const doc = await sample();
      const el = await timeline(doc);
      const actors = speaking(doc);
      const removed = actors[1]!;
      const events = recordEvents(el, ['nw-filter-change']);

      checkbox(el, removed.name).click();
      await el.updateComplete;
      const rest = actors.filter((actor) => actor !== removed).map((actor) => actor.id);
      const remaining = doc.statements.filter((s) => s.actor !== removed.id);
      expect(entryIds(el)).to.deep.equal(documentedOrder(remaining, 'asc'));
      expect(el.getAttribute('actors')).to.equal(rest.join(','));
      expect(events.events.map((event) => event.detail.actors)).to.deep.equal([rest]);
      expect(events.events[0]!.bubbles && events.events[0]!.composed).to.equal(true);
      expect(text(part(el, '.count'))).to.equal(timelineCount(en, remaining.length, doc.statements.length, 'en'));

      checkbox(el, removed.name).click();
      await el.updateComplete;
      events.stop();
      expect(entryIds(el)).to.deep.equal(documentedOrder(doc.statements, 'asc'));
      expect(el.getAttribute('actors')).to.equal(actors.map((actor) => actor.id).join(','));
      expect(events.events.map((event) => event.detail.actors)).to.deep.equal([rest, actors.map((actor) => actor.id)]);
      expect(text(part(el, '.count'))).to.equal(timelineCount(en, doc.statements.length, doc.statements.length, 'en'));
    });

    it('nw-filter-change lists actors in document order, whatever order the attribute and clicks came in', async () => {
      const doc = await sample();
      const actors = speaking(doc);
      const [first, second, third] = actors;
      const el = await timeline(doc, { actors: `${third!.id},${first!.id}` });
      const events = recordEvents(el, ['nw-filter-change']);
      checkbox(el, second!.name).click();
      await el.updateComplete;
      events.stop();
      expect(events.events.map((event) => event.detail.actors)).to.deep.equal([[first!.id, second!.id, third!.id]]);
    });

    it('unchecking everyone says so and shows no entries', async () => {
      const doc = await sample();
      const el = await timeline(doc);
      for (const actor of speaking(doc)) {
        checkbox(el, actor.name).click();
        await el.updateComplete;
      }
      expect(entries(el)).to.have.length(0);
      expect(el.getAttribute('actors')).to.equal('');
      expect(text(part(el, '.empty'))).to.equal(en.noneShown);
      expect(text(part(el, '.count'))).to.equal(timelineCount(en, 0, doc.statements.length, 'en'));
    });
  });

  describe('layout follows the container, not the viewport', () => {
    it('a wide container with 2–6 actors: one lane per actor, with its name above it', async () => {
      const doc = await sample();
      const actors = speaking(doc);
      expect(actors.length).to.be.within(2, MAX_LANES);
      const el = await timelineIn(1200, doc);
      const lefts = new Map<string, Set<number>>();
      for (const entry of entries(el)) {
        const actor = doc.statements.find((s) => s.id === entry.dataset.statement)!.actor;
        lefts.set(actor, (lefts.get(actor) ?? new Set()).add(left(entry)));
      }
      for (const [actor, set] of lefts) expect(set.size, `${actor}'s entries share one lane`).to.equal(1);
      const laneLefts = actors.map((actor) => [...lefts.get(actor.id)!][0]!);
      expect(new Set(laneLefts).size, 'each actor has its own lane').to.equal(actors.length);
      expect([...laneLefts].sort((x, y) => x - y)).to.deep.equal(laneLefts); // lanes in document order, left to right

      expect(laneNamesVisible(el)).to.equal(true);
      const headers = part(el, '.lane-headers');
      const names = [...headers.querySelectorAll('.lane-header')];
      expect(names.map(text)).to.deep.equal(actors.map((actor) => actor.name));
      expect(names.map(left)).to.deep.equal(laneLefts);
    });

    it('a 400px container: one column, lane names hidden', async () => {
      const doc = await sample();
      const el = await timelineIn(400, doc);
      expect(new Set(entries(el).map(left)).size).to.equal(1);
      expect(laneNamesVisible(el)).to.equal(false);
      // Rendered for the same actors as in a wide container, hidden by the container query alone.
      expect(getComputedStyle(part(el, '.lane-headers')).display).to.equal('none');
    });

    it(`more than ${MAX_LANES} actors shown: one column even when wide; filtered down to fewer, lanes again`, async () => {
      const doc = await spreadOver(MAX_LANES + 1);
      const el = await timelineIn(1200, doc);
      expect(speaking(doc)).to.have.length(MAX_LANES + 1);
      expect(new Set(entries(el).map(left)).size).to.equal(1);
      expect(laneNamesVisible(el)).to.equal(false);

      const few = speaking(doc).slice(0, 3);
      el.setAttribute('actors', few.map((actor) => actor.id).join(','));
      await el.updateComplete;
      expect(new Set(entries(el).map(left)).size).to.equal(few.length);
      expect(laneNamesVisible(el)).to.equal(true);
    });

    it('one actor shown: one column even when wide', async () => {
      const doc = await sample();
      const [only] = speaking(doc);
      const el = await timelineIn(1200, doc, { actors: only!.id });
      expect(entries(el).length).to.be.greaterThan(1);
      expect(new Set(entries(el).map(left)).size).to.equal(1);
      expect(laneNamesVisible(el)).to.equal(false);
    });
  });

  describe('keyboard', () => {
    it('one tab stop; arrows, Home and End move focus and the tab stop between entries, across periods', async () => {
      const doc = await mixed();
      const el = await timeline(doc);
      const list = entries(el);
      expect(list.length).to.be.greaterThan(3);
      expect(tabStops(el)).to.deep.equal([list[0]]);

      list[0]!.focus();
      expect(active(el)).to.equal(list[0]);
      const steps: [string, number][] = [
        ['ArrowDown', 1],
        ['ArrowDown', 2],
        ['ArrowUp', 1],
        ['End', list.length - 1],
        ['ArrowDown', list.length - 1],
        ['Home', 0],
        ['ArrowUp', 0],
      ];
      for (const [key, index] of steps) {
        const prevented = !press(active(el)!, key);
        expect(prevented, `${key} is handled (the page does not scroll)`).to.equal(true);
        expect(active(el), `${key} → entry ${index}`).to.equal(list[index]);
        expect(tabStops(el), `tab stop follows ${key}`).to.deep.equal([list[index]]);
      }
    });

    it('links and citation buttons inside entries stay in the Tab order; arrows on them are left alone', async () => {
      const doc = await sample();
      const el = await timeline(doc);
      const controls = entries(el).flatMap((entry) => [...entry.querySelectorAll<HTMLElement>('a[href], button')]);
      expect(controls.length).to.be.greaterThan(0);
      for (const control of controls) expect(control.tabIndex, control.outerHTML.slice(0, 60)).to.be.at.least(0);

      const control = controls.at(-1)!;
      control.focus();
      expect(active(el)).to.equal(control);
      expect(press(control, 'ArrowDown'), 'not prevented').to.equal(true);
      expect(active(el)).to.equal(control);
      // Focus inside an entry makes that entry the tab stop, so Shift+Tab lands on it.
      expect(tabStops(el)).to.deep.equal([control.closest('li.entry')]);
    });

    it('no positive tabindex anywhere (no focus trap, no reordered Tab)', async () => {
      const el = await timeline(await sample());
      const positive = [...el.shadowRoot!.querySelectorAll('[tabindex]')].filter(
        (node) => (node as HTMLElement).tabIndex > 0,
      );
      expect(positive).to.have.length(0);
    });

    it('the tab stop stays on the focused statement when the order changes, whichever entry it was', async () => {
      const doc = await sample();
      const el = await timeline(doc);
      for (const id of entryIds(el)) {
        el.order = 'asc';
        await el.updateComplete;
        entryOf(el, id).focus();
        el.order = 'desc';
        await el.updateComplete;
        expect(
          tabStops(el).map((entry) => entry.dataset.statement),
          `focused ${id}, then desc`,
        ).to.deep.equal([id]);
        expect((active(el) as HTMLElement | null)?.dataset.statement, 'focus stays on the same statement').to.equal(id);
      }
    });

    it('a long timeline re-ordered keeps its tab stop rendered: the focused statement, else the first entry', async () => {
      const doc = generatedAnalysis(1200) as Analysis;
      const el = await timeline(doc);
      const firstAsc = entryIds(el)[0]!;
      const desc = documentedOrder(doc.statements, 'desc');
      expect(desc.indexOf(firstAsc), 'far down in the other order').to.be.greaterThan(desc.length / 2);

      entryOf(el, firstAsc).focus();
      el.order = 'desc';
      await el.updateComplete;
      expect((active(el) as HTMLElement | null)?.dataset.statement, 'focus stays on the statement').to.equal(firstAsc);
      expect(tabStops(el).map((entry) => entry.dataset.statement)).to.deep.equal([firstAsc]);

      blurAll();
      el.order = 'asc';
      await el.updateComplete;
      el.order = 'desc';
      await el.updateComplete;
      expect(tabStops(el)).to.deep.equal([entries(el)[0]]);
      expect(entries(el)[0]!.dataset.statement).to.equal(desc[0]);
    });

    it('when the focused statement is filtered out, the first entry shown becomes the tab stop', async () => {
      const doc = await sample();
      const el = await timeline(doc);
      const [first, second] = entries(el);
      const actorOf = (entry: HTMLElement) => doc.statements.find((s) => s.id === entry.dataset.statement)!.actor;
      expect(actorOf(first!)).not.to.equal(actorOf(second!)); // so filtering out the second keeps the first
      first!.focus();
      press(first!, 'ArrowDown');
      expect(tabStops(el)).to.deep.equal([second]);

      el.actors = speaking(doc)
        .filter((actor) => actor.id !== actorOf(second!))
        .map((actor) => actor.id)
        .join(',');
      await el.updateComplete;
      expect(tabStops(el)).to.deep.equal([entries(el)[0]]);
    });
  });

  describe('screen readers', () => {
    it('each entry is named by its actor and date', async () => {
      const doc = await mixed();
      const el = await timeline(doc);
      const root = el.shadowRoot!;
      for (const entry of entries(el)) {
        const statement = doc.statements.find((s) => s.id === entry.dataset.statement)!;
        const actor = doc.actors.find((a) => a.id === statement.actor)!;
        const ids = (entry.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        expect(ids.length, statement.id).to.be.greaterThan(0);
        const named = ids.map((id) => root.getElementById(id));
        expect(
          named.every((node) => node && entry.contains(node)),
          `${statement.id}: labels resolve inside the entry`,
        ).to.equal(true);
        const name = named.map(text).join(' ');
        expect(name.startsWith(actor.name), name).to.equal(true);
        expect(name.endsWith(text(entry.querySelector('[part=date]'))), name).to.equal(true);
      }
      const all = [...root.querySelectorAll('[id]')].map((node) => node.id);
      expect(new Set(all).size, 'ids are unique').to.equal(all.length);
    });

    it('only the count is a live region', async () => {
      const el = await timelineIn(1200, await sample());
      const live = [
        ...el.shadowRoot!.querySelectorAll(
          '[aria-live], [role=status], [role=alert], [role=log], [role=marquee], [role=timer], output',
        ),
      ];
      expect(live).to.deep.equal([part(el, '.count')]);
      expect(part(el, '.count').getAttribute('aria-live')).to.equal('polite');
    });
  });

  describe('statement back-links', () => {
    it('revealPlace focuses the statement and makes it the tab stop', async () => {
      const doc = await mixed();
      const el = await timeline(doc);
      const target = entryIds(el).at(-2)!;
      expect(el.showsPlace(placeOf(doc, target))).to.equal(true);
      expect(el.revealPlace(placeOf(doc, target))).to.equal(true);
      expect(active(el)).to.equal(entryOf(el, target));
      expect(tabStops(el)).to.deep.equal([entryOf(el, target)]);
    });

    it('a statement filtered out or unknown is not shown, and revealPlace says so', async () => {
      const doc = await sample();
      const [a] = speaking(doc);
      const el = await timeline(doc, { actors: a!.id });
      const hidden = doc.statements.find((s) => s.actor !== a!.id)!;
      expect(el.showsPlace(placeOf(doc, hidden.id))).to.equal(false);
      expect(el.revealPlace(placeOf(doc, hidden.id))).to.equal(false);
      expect(el.revealPlace({ kind: 'statement', id: 'no-such-statement', actor: a!.id })).to.equal(false);
      expect(el.revealPlace({ kind: 'stance', id: doc.stances[0]!.id, actor: a!.id })).to.equal(false);
    });
  });

  describe('ten thousand statements', () => {
    it('renders progressively: nw-ready with the first entries, then every entry in order, without errors', async function () {
      this.timeout(30_000);
      const doc = generatedAnalysis(10_000) as Analysis;
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
      const onError = (event: ErrorEvent) => void errors.push(event.message);
      window.addEventListener('error', onError);
      try {
        const el = document.createElement('nw-timeline');
        el.setAttribute('lang', 'en');
        let first = -1;
        el.addEventListener('nw-ready', () => (first = entries(el).length), { once: true });
        el.analysis = doc;
        page(html`${el}`);
        await untilState(el, 'ready');
        expect(first, 'entries in the DOM when nw-ready fired').to.be.within(1, doc.statements.length - 1);
        expect(tabStops(el)).to.have.length(1);

        // A back-link to a statement not rendered yet still reaches it.
        const rendered = entries(el).length;
        expect(rendered, 'still rendering').to.be.lessThan(doc.statements.length);
        const later = documentedOrder(doc.statements, 'asc')[rendered]!;
        expect(el.showsPlace(placeOf(doc, later))).to.equal(true);
        expect(el.revealPlace(placeOf(doc, later))).to.equal(true);
        expect((active(el) as HTMLElement | null)?.dataset.statement).to.equal(later);
        expect(tabStops(el).map((entry) => entry.dataset.statement)).to.deep.equal([later]);

        // End goes to the last entry, not the last one rendered so far.
        expect(entries(el).length, 'still rendering').to.be.lessThan(doc.statements.length);
        press(active(el)!, 'End');
        expect((active(el) as HTMLElement | null)?.dataset.statement).to.equal(
          documentedOrder(doc.statements, 'asc').at(-1),
        );

        await waitUntil(
          () => entries(el).length === doc.statements.length,
          `not all ${doc.statements.length} entries rendered`,
          { timeout: 25_000, interval: 100 },
        );
        expect(entryIds(el)).to.deep.equal(documentedOrder(doc.statements, 'asc'));
        expect(tabStops(el)).to.have.length(1);
        const ids = [...el.shadowRoot!.querySelectorAll('[id]')].map((node) => node.id);
        expect(new Set(ids).size, 'ids are unique').to.equal(ids.length);
        expect(errors).to.deep.equal([]);
      } finally {
        console.error = original;
        window.removeEventListener('error', onError);
      }
    });

    it('new data starts progressive rendering again', async function () {
      this.timeout(20_000);
      const big = generatedAnalysis(1200) as Analysis;
      const el = await timeline(big);
      await waitUntil(() => entries(el).length === big.statements.length, 'first analysis never fully rendered', {
        timeout: 10_000,
        interval: 50,
      });

      const next = generatedAnalysis(900) as Analysis;
      let first = -1;
      el.addEventListener('nw-ready', () => (first = entries(el).length), { once: true });
      el.analysis = next;
      await waitUntil(() => first >= 0, 'no nw-ready for the new data', { timeout: 5000 });
      expect(first, 'entries in the DOM when nw-ready fired').to.be.within(1, next.statements.length - 1);
      await waitUntil(() => entries(el).length === next.statements.length, 'second analysis never fully rendered', {
        timeout: 10_000,
        interval: 50,
      });
      expect(entryIds(el)).to.deep.equal(documentedOrder(next.statements, 'asc'));
    });

    it('moved to another place on the page mid-rendering, it still renders every entry', async function () {
      this.timeout(20_000);
      const doc = generatedAnalysis(1200) as Analysis;
      const el = document.createElement('nw-timeline');
      el.setAttribute('lang', 'en');
      el.analysis = doc;
      const box = page<HTMLDivElement>(html`<div><div class="from">${el}</div><div class="to"></div></div>`);
      let renderedWhenMoved = -1;
      // Right after the first render, as a framework or CMS script re-parenting it would.
      el.addEventListener(
        'nw-ready',
        () =>
          queueMicrotask(() => {
            renderedWhenMoved = entries(el).length;
            box.querySelector('.to')!.append(el);
          }),
        { once: true },
      );
      await waitUntil(() => renderedWhenMoved >= 0, 'never ready', { timeout: 5000 });
      expect(renderedWhenMoved, 'still rendering when moved').to.be.lessThan(doc.statements.length);
      expect(el.parentElement!.className).to.equal('to');
      await waitUntil(() => entries(el).length === doc.statements.length, 'rendering stopped when the element moved', {
        timeout: 10_000,
        interval: 50,
      });
    });
  });

  describe('accessibility (axe)', () => {
    for (const theme of ['light', 'dark']) {
      it(`ready, ${theme}`, async () => {
        const el = await timeline(await mixed(), { theme });
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`ready with lanes, ${theme}`, async () => {
        const el = await timelineIn(1200, await sample(), { theme });
        expect(laneNamesVisible(el)).to.equal(true);
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`loading, ${theme}`, async () => {
        const el = await fixture<NwTimeline>(html`<nw-timeline theme=${theme}></nw-timeline>`);
        expect(el.getAttribute('state')).to.equal('loading');
        await expect(el).shadowDom.to.be.accessible();
      });

      it(`error, ${theme}`, async () => {
        const el = await fixture<NwTimeline>(
          html`<nw-timeline theme=${theme} .analysis=${'{ not json'}></nw-timeline>`,
        );
        await untilState(el, 'error');
        await expect(el).shadowDom.to.be.accessible();
      });
    }
  });
});

describe('<nw-timeline> when the page hears nw-ready', () => {
  it('is whole already: one tab stop among the entries, and the count in the page’s regional digits', async () => {
    const seen: { stops: number; count: string }[] = [];
    const host = document.createElement('div');
    host.lang = 'es-MX';
    host.addEventListener('nw-ready', (event) => {
      const el = event.target as NwTimeline;
      const root = el.shadowRoot!;
      seen.push({
        stops: root.querySelectorAll('li.entry[tabindex="0"]').length,
        count: text(root.querySelector('.count')),
      });
    });
    document.body.append(host);
    const el = document.createElement('nw-timeline') as NwTimeline;
    el.analysis = generatedAnalysis(1200);
    host.append(el);
    await untilState(el, 'ready');
    expect(seen).to.have.length(1);
    expect(seen[0]!.stops).to.equal(1);
    // es-MX writes thousands with a comma; the catalogue's bare "es" would write "1.200".
    expect(seen[0]!.count).to.equal('1,200 declaraciones');
    host.remove();
  });
});
