// Network meetings (SSPF: school, social services, police, leisure; monthly in Uppsala, 004) and the reminder
// when a case has gone too long without one. The period is configuration per municipality (default 31 days,
// "monthly").
import { dayNumber } from './days.ts';

export const networkMeetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type NetworkMeetingStatus = (typeof networkMeetingStatuses)[number];

export const attendances = ['unknown', 'attended', 'absent'] as const;
export type Attendance = (typeof attendances)[number];

export const defaultMeetingReminderDays = 31;

/**
 * True when an open case needs a meeting: its last held (or planned, not cancelled) meeting day is more than
 * `periodDays` ago, or it never had one and it was opened more than `periodDays` ago. A meeting already booked
 * in the future counts: the reminder is about booking one, and that is done.
 */
export function meetingOverdue(
  facts: { openedOn: string; lastMeetingOn: string | null; nextMeetingOn: string | null },
  today: string,
  periodDays = defaultMeetingReminderDays,
): boolean {
  if (facts.nextMeetingOn !== null && facts.nextMeetingOn >= today) return false;
  const since = facts.lastMeetingOn ?? facts.openedOn;
  return dayNumber(today) - dayNumber(since) > periodDays;
}
