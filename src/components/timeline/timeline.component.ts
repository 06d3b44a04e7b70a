import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { guard } from 'lit/directives/guard.js';
import type { Analysis } from '../../schema/analysis.js';
import { NwFilterChangeEvent } from '../../events/nw-filter-change.js';
import { indexOf } from '../../internal/analysis-index.js';
import type { CoreMessages as Messages } from '../../internal/i18n/en.js';
import type { CitingPlace } from '../../internal/cited-in.js';
import { headingTag } from '../../internal/heading.js';
import { NwElement } from '../../internal/nw-element.js';
import { ProgressiveRenderController } from '../../internal/controllers/progressive-render-controller.js';
import { RovingFocusController } from '../../internal/controllers/roving-focus-controller.js';
import { lanes, statementIndex, timelineLayout, type TimelineLayout } from './timeline-layout.js';
import { periodId, type Period, type TimelineOrder } from './timeline-order.js';
import { entryList, KEYS_HINT_ID, type EntryItem, type EntryWords } from './timeline-entry.js';
import { timelineCount, timelineMessages } from './timeline.messages.js';
import { timelineStyles } from './timeline.styles.js';

/**
 * The analysis's statements over time, honest about dates: "April 2025" stays April 2025,
 * and statements without a date follow the dated ones in document order. Vertical and
 * mobile-first; on wide containers with 2–6 actors shown, each actor gets its own lane.
 * Year and month headings where the dates cross them.
 *
 * Readers filter by actor with the checkboxes above the list (`nw-filter-change`); pages
 * preset it with `actors="a,b"`. The list is one `<ol>` per period: Tab reaches it once,
 * arrow keys (and Home/End) move between entries, and nothing is announced on its own.
 * Entries use `content-visibility: auto`, so ten thousand of them stay smooth without
 * hiding any from find-in-page or screen readers.
 *
 * @summary Statements over time, by actor, partial dates shown honestly.
 *
 * @attr actors - Comma-separated actor ids to show (default: all).
 * @attr order - `asc` (default, oldest first) or `desc`.
 * @attr src - URL of the analysis JSON.
 * @attr for - Id of a `<script type="application/json">` on the page holding the analysis.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr lang - Language of the element's own words (BCP 47: `en`, `pt-BR`, `ar`; else inherited). See the README's Language section.
 * @attr heading-level - Outline level of the timeline's own (visually hidden) heading, 1–6 (default 2); periods one below.
 * @attr label - Name of the element's region landmark (default: its name and the question).
 * @attr state - Reflected: `loading`, `ready` or `error`.
 *
 * @fires nw-ready - The timeline rendered. `detail: { analysis }`.
 * @fires nw-error - It could not. `detail: { code, message, issues? }`.
 * @fires nw-filter-change - A reader changed the actor filter. `detail: { actors }`.
 *
 * @csspart base - Everything.
 * @csspart filter - The actor filter.
 * @csspart list - Each period's list of entries.
 * @csspart period - A year or month heading.
 * @csspart entry - One statement.
 * @csspart date - An entry's date.
 * @csspart actor - An entry's actor.
 * @csspart text - An entry's text.
 * @csspart quote - An entry's quote.
 * @csspart sources - An entry's sources line.
 * @csspart citation - Each `[n]` citation marker.
 * @csspart placeholder - The loading placeholder.
 * @csspart error - The error state; `error-details` is its editors' list.
 *
 * @cssprop --nw-color-accent - The time axis dots, focus and links.
 * @cssprop --nw-color-border - The time axis.
 */
export class NwTimeline extends NwElement {
  static override styles = [...NwElement.styles, timelineStyles];

  static override properties = {
    ...NwElement.properties,
    actors: { reflect: true },
    order: { reflect: true },
  };

  declare actors: string | null | undefined;
  declare order: TimelineOrder | null | undefined;

  /** Long timelines render progressively: `nw-ready` fires with the first entries. */
  private readonly progress = new ProgressiveRenderController(this, () => this.performUpdate(), FIRST_CHUNK, CHUNK);
  /** The list's single tab stop, kept on the same statement across re-renders. */
  private readonly roving = new RovingFocusController(this, 'li.entry', 'statement', () =>
    this.progress.renderThrough(this.progress.total - 1),
  );
  private layout?: TimelineLayout;
  private lastWords?: { analysis: Analysis; t: Messages; w: EntryWords['w']; tag: string; words: EntryWords };

  private get words() {
    return this.localized('timeline', timelineMessages);
  }

  /** Actor ids shown now: the `actors` attribute's known ids, or every actor with statements. */
  private shownActors(analysis: Analysis): Set<string> {
    const { speaking } = statementIndex(analysis);
    if (this.actors == null) return new Set(speaking);
    return new Set(
      this.actors
        .split(',')
        .map((id) => id.trim())
        .filter((id) => speaking.has(id)),
    );
  }

  private toggleActor(analysis: Analysis, id: string, shown: boolean): void {
    const next = this.shownActors(analysis);
    if (shown) next.add(id);
    else next.delete(id);
    // Keep document order, so the attribute reads the same whatever order readers click in.
    const actors = analysis.actors.map((actor) => actor.id).filter((actorId) => next.has(actorId));
    this.actors = actors.join(',');
    this.dispatchEvent(new NwFilterChangeEvent({ actors }));
  }

  /** Whether the statement is in the timeline now (shown by the filter), rendered yet or not. */
  override showsPlace(place: CitingPlace): boolean {
    const analysis = this.currentAnalysis;
    if (!analysis || place.kind !== 'statement') return false;
    const actor = statementIndex(analysis).actorOf.get(place.id);
    return actor !== undefined && this.shownActors(analysis).has(actor);
  }

  /** The statement's entry, rendering through it first when progressive rendering has not reached it. */
  protected override placeElement(place: CitingPlace): HTMLElement | null {
    if (place.kind !== 'statement') return null;
    const index = this.positionOf(place.id);
    if (index === undefined) return null;
    this.progress.renderThrough(index);
    return this.roving.item(place.id);
  }

  /** Where a statement is in the current layout (after any pending update), if it is shown. */
  private positionOf(id: string): number | undefined {
    if (this.isUpdatePending) this.performUpdate();
    return this.state === 'ready' ? this.layout?.position.get(id) : undefined;
  }

  private periodLabel(period: Period): string {
    if ('undated' in period) return this.words.undated;
    const month = period.month ? `-${String(period.month).padStart(2, '0')}` : '';
    return this.formatDate(`${period.year}${month}`);
  }

  /**
   * What every entry needs, resolved once: at ten thousand entries, looking up the language
   * or building a date formatter per entry is most of the cost. Kept while the analysis and
   * the words are the same, and with it the entries already built.
   */
  private entryWords(analysis: Analysis): EntryWords {
    const [t, w, tag] = [this.messages, this.words, this.locale.tag];
    const last = this.lastWords;
    if (last && last.analysis === analysis && last.t === t && last.w === w && last.tag === tag) return last.words;
    const labels = new Map<string, string>();
    const words: EntryWords = {
      analysis,
      t,
      w,
      date: (value) => {
        let label = labels.get(value);
        if (label === undefined) labels.set(value, (label = this.formatDate(value)));
        return label;
      },
      tag,
      nodes: new WeakMap(),
    };
    this.lastWords = { analysis, t, w, tag, words };
    return words;
  }

  protected override renderAnalysis(analysis: Analysis): TemplateResult {
    const words = this.entryWords(analysis);
    const { w } = words;
    const { actors } = indexOf(analysis);
    const shown = this.shownActors(analysis);
    const speaking = analysis.actors.filter((actor) => statementIndex(analysis).speaking.has(actor.id));
    const layout = (this.layout = timelineLayout(analysis, shown, this.order === 'desc' ? 'desc' : 'asc', this.layout));
    const { groups, total } = layout;
    const { actors: laneActors, count: laneCount, laneOf } = lanes(speaking, shown);
    // Where focus and chunks meet: the tab stop's entry stays (and is rendered) while it has
    // focus, even where progressive rendering has not reached yet; else it is the first entry.
    const first = groups[0]?.entries[0]?.statement.id;
    let budget = this.roving.tabStop(layout.position, first, this.progress.count(layout, total));
    this.progress.atLeast(budget);

    // Headings from heading-level down: a heading of its own (visually hidden: the element's
    // name), then periods one below; nested in <nw-analysis>, whose block heading names it,
    // periods at heading-level. The tags are lit/static-html values (headingTag), which the lit
    // lint rules cannot see.
    const own = this.nested ? undefined : headingTag(this.level());
    const periodTag = headingTag(this.nested ? this.level() : this.level(1));
    const name = this.landmarkName(w.timeline, analysis);

    // Whole periods within the limit are guarded: a later chunk does not re-evaluate them.
    const periods: unknown[] = [];
    for (const group of groups) {
      if (budget <= 0) break;
      const count = Math.min(group.entries.length, budget);
      budget -= count;
      const deps = [group, count, laneCount, words, periodTag];
      const id = periodId(group.period);
      // No whitespace between the tags: every text node counts, ten thousand times over.
      periods.push(
        guard(deps, () => {
          const items = group.entries.slice(0, count).map(({ statement }): EntryItem => ({
            statement,
            lane: laneOf.get(statement.actor) ?? 0,
            actor: actors.get(statement.actor),
            tabIndex: this.roving.tabIndex(statement.id),
          }));
          /* oxlint-disable-next-line lit/binding-positions, lit/no-invalid-html */
          return html`<section class="period"><${periodTag} class="period-heading" part="period" id="period-${id}">${this.periodLabel(group.period)}</${periodTag}><ol class="list" part="list">${entryList(items, words)}</ol></section>`;
        }),
      );
    }

    /* oxlint-disable lit/binding-positions, lit/no-invalid-html */
    return html`<section class="timeline" part="base" aria-label=${name ?? nothing}>
      ${own ? html`<${own} class="visually-hidden">${w.timeline}</${own}>` : nothing}
      <p hidden id=${KEYS_HINT_ID}>${w.keysHint}</p>
      ${
        speaking.length > 1
          ? html`<fieldset class="filter" part="filter">
            <legend>${w.showBy}</legend>
            ${speaking.map(
              (actor) => html`<label class="chip">
              <input type="checkbox" .checked=${shown.has(actor.id)}
                @change=${(event: Event) => this.toggleActor(analysis, actor.id, (event.target as HTMLInputElement).checked)} />
              <span lang=${analysis.language}>${actor.name}</span>
            </label>`,
            )}
          </fieldset>`
          : nothing
      }
      <p class="count" aria-live="polite">${timelineCount(w, total, analysis.statements.length, this.locale.tag)}</p>
      <div class="frame" data-lanes=${laneCount} ?data-long=${total > LONG}>
        ${
          laneCount
            ? html`<div class="lane-headers" aria-hidden="true">
              ${laneActors.map((actor, i) => html`<p class="lane-header" data-lane=${i + 1} lang=${analysis.language}>${actor.name}</p>`)}
            </div>`
            : nothing
        }
        ${total === 0 ? html`<p class="empty">${w.noneShown}</p>` : nothing}
        <div class="periods" @keydown=${this.roving.keydown} @focusin=${this.roving.focusin}>${periods}</div>
      </div>
    </section>`;
    /* oxlint-enable lit/binding-positions, lit/no-invalid-html */
  }
}

/**
 * From this many entries on, off-screen entries skip layout and paint. Shorter timelines
 * gain nothing from it and would pay with estimated heights: the page's scroll height
 * jumping as entries come into view, and off-screen text laid out outside its entry's box.
 */
const LONG = 100;

/** Entries in the first render, then per later chunk (one timer task each). */
const FIRST_CHUNK = 300;
const CHUNK = 500;
