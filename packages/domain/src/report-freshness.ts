// Stored figures of completed half-years (issue 9): when the report may be served from figures computed earlier
// instead of computing them again over every case. Pure rules; the store is packages/db follow-up-figures.ts, the
// nightly job and the read path are packages/api follow-up/.
//
// - Only a completed half-year (a preset 2026-H1/2026-H2 whose last day has ended) is ever stored. The open
//   half-year, a whole year and any custom period are always computed live.
// - The last two completed half-years are refreshed every night, so late corrections (a referral triaged late, a
//   case closed with a late date, people coming back within 12 months) show up within a day: their stored figures
//   count as fresh for `nightlyRefreshHours` after they were computed.
// - An older half-year's figures are fresh when they were computed after the half-year had settled: its end plus
//   the longest intake clock of an item received in its last minute (clocksFor), so no clock was still running.
//   After that they stay until a unit manager asks for a recomputation.
import { clocksFor } from './clocks.ts';
import { halfYearOf, lastCompletedHalfYear, periodBounds, presetOf, recentHalfYears, type ReportPeriod } from './report-periods.ts';

/** A day and a margin for a nightly job that runs late or once fails. */
export const nightlyRefreshHours = 26;
/** How many of the latest completed half-years the nightly job recomputes every night. */
export const refreshedHalfYears = 2;

/** Whether a period's figures may be stored: a half-year preset that has ended by `now`. */
export function isStorablePeriod(period: ReportPeriod, now: Date): boolean {
  const preset = presetOf(period);
  if (!preset || !preset.includes('-H')) return false;
  return periodBounds(period).end.getTime() <= now.getTime();
}

/** When no intake clock of the period can still be running: its end plus the longest clock of its last item. */
export function settledAt(period: ReportPeriod): Date {
  const lastItem = new Date(periodBounds(period).end.getTime() - 1);
  const dues = clocksFor({ kind: 'concernReport', receivedAt: lastItem }, lastItem).map((c) => c.dueAt.getTime());
  return new Date(Math.max(...dues));
}

/** The completed half-years the nightly job refreshes, newest first. */
export function halfYearsRefreshedNightly(now: Date): ReportPeriod[] {
  const latest = lastCompletedHalfYear(now);
  const { year, half } = halfYearOf(latest.from);
  const before = half === 2 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` };
  return [latest, before].slice(0, refreshedHalfYears);
}

/** The completed half-years among the trends' eight (the open one is always live), oldest first. */
export function completedTrendHalfYears(now: Date, count = 8): (ReportPeriod & { label: string })[] {
  return recentHalfYears(now, count).filter((h) => isStorablePeriod(h, now));
}

/** Whether figures of `period` computed at `computedAt` may be served at `now` (see the rules above). */
export function storedFiguresAreFresh(period: ReportPeriod, computedAt: Date, now: Date): boolean {
  if (!isStorablePeriod(period, now)) return false;
  const refreshed = halfYearsRefreshedNightly(now).some((p) => p.from === period.from && p.to === period.to);
  if (refreshed) return now.getTime() - computedAt.getTime() < nightlyRefreshHours * 3_600_000;
  return computedAt.getTime() >= settledAt(period).getTime();
}
