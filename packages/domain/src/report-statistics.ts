// The statistics the follow-up report shows beside counts. The SQL computes them with PostgreSQL's
// percentile_cont, and this is the same definition in TypeScript, so tests can compute expectations by hand.

/**
 * Continuous percentile, as PostgreSQL's `percentile_cont(p)`: sort the values, take the position p·(n − 1)
 * (counting from 0) and interpolate linearly between the two values around it. The median is p = 0.5; of
 * 1, 2, 3, 10 it is 2.5. Null for no values.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must be between 0 and 1');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  return low + (sorted[upper]! - low) * (position - lower);
}

export const median = (values: readonly number[]) => percentileCont(values, 0.5);
export const ninetiethPercentile = (values: readonly number[]) => percentileCont(values, 0.9);

/** Durations are reported in hours with one decimal (seconds come from SQL). */
export function secondsToHours(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 3600) * 10) / 10;
}
