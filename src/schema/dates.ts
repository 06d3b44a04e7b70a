/**
 * Partial ISO 8601 dates: `2025`, `2025-04`, `2025-04-08`.
 *
 * Analyses often know only the year or month of an event; the schema keeps that
 * precision instead of inventing a day, and the elements show it as it is.
 */

export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  year: number;
  /** 1–12, present for month and day precision. */
  month?: number;
  /** 1–31, present for day precision. */
  day?: number;
  precision: DatePrecision;
}

/** The shape only; calendar validity is checked by {@link parsePartialDate}. */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

// Computed by hand rather than with Date, which reads years 0–99 as 1900–1999.
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses a partial ISO date, or returns `undefined` when it is not a real calendar date. */
export function parsePartialDate(value: string): PartialDate | undefined {
  if (!PARTIAL_DATE_PATTERN.test(value)) return undefined;
  const [year, month, day] = value.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return { year, precision: 'year' };
  if (day === undefined) return { year, month, precision: 'month' };
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day, precision: 'day' };
}
