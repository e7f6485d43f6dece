// Log review (loggkontroll, issue 3): which accesses a unit manager should look at twice. Pure rules over the
// audit entries of a period; the thresholds are configuration, the defaults below.
import { z } from 'zod';
import { calendarDateInSweden, swedishTimeZone } from './dates.ts';
import { optionalText } from './schemas.ts';
import { isSwedishWorkingDay } from './working-days.ts';

export const accessFlags = ['outsideUnit', 'burst', 'protectedIdentity', 'outsideWorkingHours'] as const;
export type AccessFlag = (typeof accessFlags)[number];

export interface AccessReviewRules {
  /** "Many records in a short time": at least `records` different records opened within `withinMinutes`. */
  burst: { records: number; withinMinutes: number };
  /** Working hours on Swedish working days, local time [startHour, endHour). */
  workingHours: { startHour: number; endHour: number };
}

export const defaultAccessReviewRules: AccessReviewRules = {
  burst: { records: 15, withinMinutes: 10 },
  workingHours: { startHour: 7, endHour: 18 },
};

export interface ReviewedAccess {
  id: number;
  at: Date;
  userId: string | null;
  userUnitId: string | null;
  /** recordType:recordId, or null for a listing (a listing opens no record). */
  recordKey: string | null;
  /** The record's unit where it can be determined (a case), else null: no unit flag is raised. */
  recordUnitId: string | null;
  protectedIdentity: boolean;
}

const stockholmHour = new Intl.DateTimeFormat('en-GB', { timeZone: swedishTimeZone, hour: '2-digit', hourCycle: 'h23' });

/** Outside working hours: a Saturday, Sunday or Swedish public holiday, or before/after the working day. */
export function isOutsideWorkingHours(at: Date, rules: AccessReviewRules['workingHours'] = defaultAccessReviewRules.workingHours) {
  if (!isSwedishWorkingDay(calendarDateInSweden(at))) return true;
  const hour = Number(stockholmHour.format(at));
  return hour < rules.startHour || hour >= rules.endHour;
}

/** Ids of entries that are part of a burst: a window in which one user opened `records` or more records. */
function burstIds(entries: ReviewedAccess[], rules: AccessReviewRules['burst']): Set<number> {
  const flagged = new Set<number>();
  const byUser = new Map<string, ReviewedAccess[]>();
  for (const e of entries) {
    if (!e.userId || !e.recordKey) continue;
    byUser.set(e.userId, [...(byUser.get(e.userId) ?? []), e]);
  }
  const windowMs = rules.withinMinutes * 60_000;
  for (const list of byUser.values()) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    const counts = new Map<string, number>();
    let start = 0;
    for (let end = 0; end < list.length; end++) {
      const key = list[end]!.recordKey!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      while (list[end]!.at.getTime() - list[start]!.at.getTime() > windowMs) {
        const old = list[start]!.recordKey!;
        const n = counts.get(old)! - 1;
        if (n === 0) counts.delete(old);
        else counts.set(old, n);
        start++;
      }
      if (counts.size >= rules.records) for (let i = start; i <= end; i++) flagged.add(list[i]!.id);
    }
  }
  return flagged;
}

/** The flags of every entry (an empty list: nothing unusual). */
export function flagAccesses(entries: ReviewedAccess[], rules: AccessReviewRules = defaultAccessReviewRules): Map<number, AccessFlag[]> {
  const bursts = burstIds(entries, rules.burst);
  return new Map(
    entries.map((e) => {
      const flags: AccessFlag[] = [];
      if (e.recordUnitId && e.recordUnitId !== e.userUnitId) flags.push('outsideUnit');
      if (bursts.has(e.id)) flags.push('burst');
      if (e.protectedIdentity) flags.push('protectedIdentity');
      if (isOutsideWorkingHours(e.at, rules.workingHours)) flags.push('outsideWorkingHours');
      return [e.id, flags];
    }),
  );
}

/** The calendar month (YYYY-MM, Swedish time) as the instants [from, to). */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: swedishMidnight(`${month}-01`), to: swedishMidnight(`${next}-01`) };
}

/** 00:00 in Stockholm of a calendar date, as an instant (CET or CEST, whichever applies that day). */
export function swedishMidnight(date: string): Date {
  for (const offset of [1, 2]) {
    const candidate = new Date(`${date}T00:00:00+0${offset}:00`);
    if (calendarDateInSweden(candidate) === date && Number(stockholmHour.format(candidate)) === 0) return candidate;
  }
  throw new RangeError(`No Swedish midnight for ${date}`);
}

const monthSchema = z.string({ error: 'validation.invalid' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalidDate' });
const dateSchema = z.iso.date({ error: 'validation.invalidDate' });
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The log review's filters (a GET form: period, user, and a referral reference standing in for the person). */
export const accessLogQuerySchema = z
  .object({
    from: z.preprocess(blank, dateSchema.optional()),
    to: z.preprocess(blank, dateSchema.optional()),
    userId: z.preprocess(blank, z.uuid({ error: 'validation.invalidUuid' }).optional()),
    reference: z.preprocess(blank, z.string().trim().regex(/^UTV-\d{4}-\d{6,}$/, { error: 'validation.invalid' }).optional()),
    flaggedOnly: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'validation.dateOrder', path: ['to'] });
export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;

export const logReviewSignOffSchema = z.object({
  month: monthSchema,
  note: optionalText(1000),
});
export type LogReviewSignOff = z.infer<typeof logReviewSignOffSchema>;
