/**
 * The timeline's order, as a pure function.
 *
 * Dated statements sort by date. A partial date sorts at the start of its period: "2025"
 * before "2025-01", "2025-04" before "2025-04-01". Statements with the same date keep their
 * document order (the sort is stable). Statements without a date follow the dated ones, in
 * document order, whichever way the dated ones run.
 */
import type { Statement } from '../../schema/analysis.js';
import { parsePartialDate, type PartialDate } from '../../schema/dates.js';

export type TimelineOrder = 'asc' | 'desc';

export interface TimelineEntry {
  statement: Statement;
  date?: PartialDate;
}

const sortKey = (date: PartialDate) => date.year * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0);

export function orderStatements(statements: readonly Statement[], order: TimelineOrder = 'asc'): TimelineEntry[] {
  const dated: TimelineEntry[] = [];
  const undated: TimelineEntry[] = [];
  for (const statement of statements) {
    const date = statement.date ? parsePartialDate(statement.date) : undefined;
    if (date) dated.push({ statement, date });
    else undated.push({ statement });
  }
  const direction = order === 'desc' ? -1 : 1;
  dated.sort((a, b) => direction * (sortKey(a.date!) - sortKey(b.date!)));
  return [...dated, ...undated];
}

/** A heading between groups: a year, a month of a year, or the undated statements. */
export type Period = { year: number; month?: number } | { undated: true };

/** Splits ordered entries into runs that share a year and month (year-only dates stand alone). */
export function groupByPeriod(entries: readonly TimelineEntry[]): { period: Period; entries: TimelineEntry[] }[] {
  const groups: { period: Period; entries: TimelineEntry[] }[] = [];
  let key = '';
  for (const entry of entries) {
    const period: Period = entry.date
      ? { year: entry.date.year, ...(entry.date.month ? { month: entry.date.month } : {}) }
      : { undated: true };
    const next = periodId(period);
    if (next !== key) {
      groups.push({ period, entries: [] });
      key = next;
    }
    groups.at(-1)!.entries.push(entry);
  }
  return groups;
}

/** A period's id in the DOM (its heading's) and its grouping key: unique within one timeline. */
export function periodId(period: Period): string {
  return 'undated' in period ? 'undated' : `${period.year}-${period.month ?? 0}`;
}
