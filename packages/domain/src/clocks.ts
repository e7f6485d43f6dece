// The legal and practical clocks on intake (issue 5, DOMAIN.md §10), as configurable rules with today's
// defaults: the law is changing, so every limit is data a municipality can override, not a constant.
import { calendarDateInSweden, swedishTimeZone, swedishWallClock } from './dates.ts';
import { addCalendarDays, addWorkingDays } from './working-days.ts';
import type { ReferralKind } from './referral.ts';

export const clockCodes = ['immediateSafetyAssessment', 'preliminaryAssessment', 'firstContact'] as const;
export type ClockCode = (typeof clockCodes)[number];

export const clockStates = ['ok', 'dueSoon', 'overdue', 'met'] as const;
export type ClockState = (typeof clockStates)[number];

export interface ClockRules {
  /** §10: a concern report gets a documented protective assessment the same day… */
  immediateSafetyAssessment: {
    /** …or the next day when it came in at or after this hour, Swedish time ("late in the day"). */
    lateArrivalHour: number;
    dueSoonHours: number;
  };
  /** §10: a decision whether to open an investigation within 14 days (calendar days, not working days). */
  preliminaryAssessment: { days: number; dueSoonHours: number };
  /** Issue 5 / 003: the motivation window is short; first contact within 2 working days by default. */
  firstContact: { workingDays: number; dueSoonHours: number };
}

export const defaultClockRules: ClockRules = {
  immediateSafetyAssessment: { lateArrivalHour: 16, dueSoonHours: 3 },
  preliminaryAssessment: { days: 14, dueSoonHours: 72 },
  firstContact: { workingDays: 2, dueSoonHours: 24 },
};

/** What the clocks need to know about one referral; times are instants. */
export interface ClockFacts {
  kind: ReferralKind;
  receivedAt: Date;
  firstContactAt?: Date | null;
  safetyAssessedAt?: Date | null;
  investigationDecidedAt?: Date | null;
  /** §10: no decision is needed when an investigation about the child is already open. */
  investigationAlreadyOpen?: boolean;
}

export interface Clock {
  code: ClockCode;
  dueAt: Date;
  state: ClockState;
  /** Set when met: whether the event came after its due time (late, but done). */
  metLate?: boolean;
}

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: swedishTimeZone, hour: '2-digit', hourCycle: 'h23' });

/** The hour (0–23) on a Swedish wall clock at an instant. */
export function hourInSweden(at: Date): number {
  // From 1900 on the offset is cached per UTC hour (dates.ts); before, ask Intl.
  const wall = swedishWallClock(at);
  return wall ? wall.getUTCHours() : Number(hourFormat.formatToParts(at).find((p) => p.type === 'hour')?.value);
}

// Each start of day takes up to four time-zone conversions, and the inbox computes two or three clocks for each
// of its rows on every request (they were 6 % of the inbox page's CPU profile); the answer for a day never changes.
const dayStarts = new Map<string, number>();
const maxCachedDays = 5_000;

/** The instant a Swedish calendar day starts. Sweden is UTC+1 or +2 and never changes clocks at midnight. */
export function startOfSwedishDay(date: string): Date {
  const cached = dayStarts.get(date);
  if (cached !== undefined) return new Date(cached);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.UTC(y, m - 1, d) - offsetHours * 3_600_000);
    if (calendarDateInSweden(candidate) === date && calendarDateInSweden(new Date(candidate.getTime() - 1)) !== date) {
      if (dayStarts.size >= maxCachedDays) dayStarts.clear();
      dayStarts.set(date, candidate.getTime());
      return candidate;
    }
  }
  throw new RangeError(`No start of day found for ${date}`);
}

const wallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: swedishTimeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The instant of a Swedish wall-clock time ('YYYY-MM-DD', 'HH:MM'); null for a time that does not exist
 * (the hour skipped when clocks go forward). An hour that happens twice resolves to its first occurrence. */
export function instantFromSwedishWallClock(date: string, time: string): Date | null {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(Date.UTC(y, mo - 1, d, h, mi) - offsetHours * 3_600_000);
    const parts = Object.fromEntries(wallClock.formatToParts(candidate).map((p) => [p.type, p.value]));
    if (`${parts.year}-${parts.month}-${parts.day}` === date && `${parts.hour}:${parts.minute}` === time) return candidate;
  }
  return null;
}

/** The last millisecond of a Swedish calendar day: "by the end of the day". */
export function endOfSwedishDay(date: string): Date {
  return new Date(startOfSwedishDay(addCalendarDays(date, 1)).getTime() - 1);
}

function clock(code: ClockCode, dueAt: Date, dueSoonHours: number, metAt: Date | null | undefined, now: Date): Clock {
  if (metAt) return { code, dueAt, state: 'met', metLate: metAt.getTime() > dueAt.getTime() };
  const left = dueAt.getTime() - now.getTime();
  const state: ClockState = left < 0 ? 'overdue' : left <= dueSoonHours * 3_600_000 ? 'dueSoon' : 'ok';
  return { code, dueAt, state };
}

/** The due times a day of receipt gives, in ms: they depend on the day (and a late arrival) only. */
interface DueTimes {
  safetySameDay: number;
  safetyNextDay: number;
  preliminary: number;
  firstContact: number;
}

// The inbox computes the clocks of every row on every request, and each due time is calendar arithmetic on date
// strings (working days, start of a Swedish day): 3 % of the inbox page's CPU (issue 9). Kept per day of receipt
// for the default rules; other rules are computed each time.
const dueTimesByDay = new Map<string, DueTimes>();
const maxCachedDueDays = 5_000;

function dueTimesOf(receivedDay: string, rules: ClockRules): DueTimes {
  const cached = rules === defaultClockRules ? dueTimesByDay.get(receivedDay) : undefined;
  if (cached) return cached;
  const due: DueTimes = {
    safetySameDay: endOfSwedishDay(receivedDay).getTime(),
    // Child protection does not wait for a weekend: the next *calendar* day, not the next working day.
    safetyNextDay: endOfSwedishDay(addCalendarDays(receivedDay, 1)).getTime(),
    preliminary: endOfSwedishDay(addCalendarDays(receivedDay, rules.preliminaryAssessment.days)).getTime(),
    firstContact: endOfSwedishDay(addWorkingDays(receivedDay, rules.firstContact.workingDays)).getTime(),
  };
  if (rules === defaultClockRules) {
    if (dueTimesByDay.size >= maxCachedDueDays) dueTimesByDay.clear();
    dueTimesByDay.set(receivedDay, due);
  }
  return due;
}

/** Every clock that applies to a referral, with its due time and its state at `now`. */
export function clocksFor(facts: ClockFacts, now: Date, rules: ClockRules = defaultClockRules): Clock[] {
  const due = dueTimesOf(calendarDateInSweden(facts.receivedAt), rules);
  const clocks: Clock[] = [];
  if (facts.kind === 'concernReport') {
    const safety = rules.immediateSafetyAssessment;
    const late = hourInSweden(facts.receivedAt) >= safety.lateArrivalHour;
    const safetyDue = new Date(late ? due.safetyNextDay : due.safetySameDay);
    clocks.push(clock('immediateSafetyAssessment', safetyDue, safety.dueSoonHours, facts.safetyAssessedAt, now));
    if (!facts.investigationAlreadyOpen) {
      const p = rules.preliminaryAssessment;
      clocks.push(clock('preliminaryAssessment', new Date(due.preliminary), p.dueSoonHours, facts.investigationDecidedAt, now));
    }
  }
  const fc = rules.firstContact;
  clocks.push(clock('firstContact', new Date(due.firstContact), fc.dueSoonHours, facts.firstContactAt, now));
  return clocks;
}

const stateRank: Record<ClockState, number> = { overdue: 0, dueSoon: 1, ok: 2, met: 3 };

/** The clock that needs attention first: overdue before due soon before ok, then the earliest due. */
export function mostUrgentClock(clocks: readonly Clock[]): Clock | undefined {
  return [...clocks].sort((a, b) => stateRank[a.state] - stateRank[b.state] || a.dueAt.getTime() - b.dueAt.getTime())[0];
}
