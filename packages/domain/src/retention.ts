// Retention (gallring, DOMAIN.md §10) as configuration: which people's records are due to be culled, and by
// when. Pure: the database supplies the facts about each person, this decides. Defaults follow §10; each is a
// setting, since the law is changing.
import { calendarDateInSweden } from './dates.ts';
import { addCalendarDays } from './working-days.ts';

export interface RetentionRules {
  /** A file is culled this many years after its last entry… */
  yearsAfterLastEntry: number;
  /** …and the culling is done by the end of the following calendar year. */
  doneByEndOfFollowingYear: boolean;
  /** Files of people born on these days of the month are kept for research. */
  researchBirthDays: readonly number[];
  /** Concern reports that led to no investigation are kept apart and culled after this many years. */
  concernReportYears: number;
  /** Kinds of case events that keep the whole file (placements in care, adoption, paternity). */
  keptEventKinds: readonly string[];
}

export const defaultRetentionRules: RetentionRules = {
  yearsAfterLastEntry: 5,
  doneByEndOfFollowingYear: true,
  researchBirthDays: [5, 15, 25],
  concernReportYears: 5,
  keptEventKinds: ['placement', 'adoption', 'paternity'],
};

/** What the database knows about one person's records. */
export interface RetentionFacts {
  /** YYYY-MM-DD, or null when unknown. */
  birthDate: string | null;
  /** The newest entry of any kind about the person (referral, decision, case, case event): YYYY-MM-DD. */
  lastEntryOn: string;
  /** An open referral or case: records still in use are never culled. */
  hasOpenRecords: boolean;
  /** Every record is a concern report that led to no investigation (kept apart, its own limit). */
  onlyConcernReportsWithoutInvestigation: boolean;
  /** Kinds of the person's case events (to find placements, adoption, paternity). */
  eventKinds: readonly string[];
}

export type RetentionVerdict =
  | { due: true; rule: 'file' | 'concernReport'; eligibleFrom: string; dueBy: string }
  | { due: false; reason: 'openRecords' | 'kept' | 'researchBirthDay' | 'notYet'; eligibleFrom: string | null };

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29 February plus whole years lands on 1 March in a common year (never on a date that does not exist).
  const target = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return m === 2 && d === 29 && !isLeap(y + years) ? addCalendarDays(`${y + years}-02-28`, 1) : target;
}
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Whether one person's records are due for culling on `today` (YYYY-MM-DD, Swedish date), and why not if not. */
export function retentionVerdict(f: RetentionFacts, today: string, rules: RetentionRules = defaultRetentionRules): RetentionVerdict {
  if (f.hasOpenRecords) return { due: false, reason: 'openRecords', eligibleFrom: null };
  if (f.onlyConcernReportsWithoutInvestigation) {
    const eligibleFrom = addYears(f.lastEntryOn, rules.concernReportYears);
    return today >= eligibleFrom
      ? { due: true, rule: 'concernReport', eligibleFrom, dueBy: eligibleFrom }
      : { due: false, reason: 'notYet', eligibleFrom };
  }
  if (f.eventKinds.some((k) => rules.keptEventKinds.includes(k))) return { due: false, reason: 'kept', eligibleFrom: null };
  if (f.birthDate && rules.researchBirthDays.includes(Number(f.birthDate.slice(8, 10)))) {
    return { due: false, reason: 'researchBirthDay', eligibleFrom: null };
  }
  const eligibleFrom = addYears(f.lastEntryOn, rules.yearsAfterLastEntry);
  if (today < eligibleFrom) return { due: false, reason: 'notYet', eligibleFrom };
  const dueBy = rules.doneByEndOfFollowingYear ? `${Number(eligibleFrom.slice(0, 4)) + 1}-12-31` : eligibleFrom;
  return { due: true, rule: 'file', eligibleFrom, dueBy };
}

/** Today's Swedish date, for callers that have an instant. */
export const retentionToday = (now: Date) => calendarDateInSweden(now);
