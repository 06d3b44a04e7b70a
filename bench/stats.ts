/** Summaries of repeated measurements: the median, and the spread as the lowest and highest. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** every run's value, in run order, so a reader of the JSON can judge the noise */
  runs: number[];
}

/** The median (mean of the middle two for an even count), min and max of `values`. */
export function summarize(values: number[]): Summary {
  if (values.length === 0) throw new Error('summarize: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: values };
}

/** `a / b`, or undefined when either is missing or b is zero (a ratio of nothing says nothing). */
export const ratio = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined || b === undefined || b === 0 ? undefined : a / b;
