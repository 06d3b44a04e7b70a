/**
 * Where the timeline's statements go, as pure functions: which periods, in what order, and
 * which lane each actor gets. Kept apart from the element so the rules can be read, and
 * tested, without a DOM; and so the element's render only has to ask, not work it out.
 */
import type { Actor, Analysis } from '../../schema/analysis.js';
import { groupByPeriod, orderStatements, type TimelineOrder } from './timeline-order.js';
import { MAX_LANES } from './timeline.styles.js';

export interface TimelineLayout {
  /** The analysis (by identity), order and actors it was built for. */
  source: Analysis;
  key: string;
  groups: ReturnType<typeof groupByPeriod>;
  total: number;
  /** Each shown statement's index in the order. */
  position: Map<string, number>;
}

/**
 * The shown statements, ordered and grouped by period. `previous` comes back when nothing
 * that affects it changed: the layout of ten thousand statements is not rebuilt per render,
 * and a caller can tell a new layout (a new list to render) by identity.
 */
export function timelineLayout(
  analysis: Analysis,
  shown: ReadonlySet<string>,
  order: TimelineOrder,
  previous?: TimelineLayout,
): TimelineLayout {
  const key = JSON.stringify([order, [...shown]]);
  if (previous?.key === key && previous.source === analysis) return previous;
  const visible = analysis.statements.filter((statement) => shown.has(statement.actor));
  const ordered = orderStatements(visible, order);
  return {
    source: analysis,
    key,
    groups: groupByPeriod(ordered),
    total: visible.length,
    position: new Map(ordered.map((entry, i) => [entry.statement.id, i])),
  };
}

/** Per analysis: which actor made each statement, and the actors with statements. */
const statementIndexes = new WeakMap<Analysis, { actorOf: Map<string, string>; speaking: Set<string> }>();
export function statementIndex(analysis: Analysis) {
  let index = statementIndexes.get(analysis);
  if (!index) {
    const actorOf = new Map(analysis.statements.map((statement) => [statement.id, statement.actor]));
    index = { actorOf, speaking: new Set(actorOf.values()) };
    statementIndexes.set(analysis, index);
  }
  return index;
}

/**
 * One lane per shown actor (lane 1, 2…), in the order actors appear in the document, or
 * none (lane 0 for everyone, `count` 0): too many lanes read worse than one column.
 */
export function lanes(speaking: readonly Actor[], shown: ReadonlySet<string>) {
  const actors = speaking.filter((actor) => shown.has(actor.id));
  const count = actors.length >= 2 && actors.length <= MAX_LANES ? actors.length : 0;
  return { actors, count, laneOf: new Map(actors.map((actor, i) => [actor.id, count ? i + 1 : 0])) };
}
