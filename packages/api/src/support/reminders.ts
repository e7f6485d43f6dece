// The reminder when a case has had no network meeting for the municipality's period (default 31 days): the
// open cases the user may see, with a flag per case. Pages show it on the case list and the meetings tab.
import { findSupportSetting, listOpenCasesVisibleTo, meetingDatesOfCases } from '@utvag/db';
import { calendarDateInSweden, defaultMeetingReminderDays, meetingOverdue } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { StaffContext } from '../cases/access.ts';

export async function meetingReminders(ctx: StaffContext) {
  return audited(ctx, 'networkMeeting.reminders', async (tx) => {
    const municipalityId = ctx.user.municipalityId;
    const now = new Date();
    const today = calendarDateInSweden(now);
    const [cases, setting] = await Promise.all([
      listOpenCasesVisibleTo(tx, { municipalityId, user: { id: ctx.user.id, role: ctx.user.role, unitId: ctx.user.unitId } }),
      findSupportSetting(tx, { municipalityId }),
    ]);
    const periodDays = setting?.meetingReminderDays ?? defaultMeetingReminderDays;
    const dates = new Map(
      (await meetingDatesOfCases(tx, { municipalityId, caseIds: cases.map((c) => c.id), now })).map((d) => [d.caseId, d]),
    );
    const day = (v: unknown) => (v ? calendarDateInSweden(new Date(v as string | Date)) : null);
    const items = cases
      .map((c) => {
        const d = dates.get(c.id);
        const facts = { openedOn: calendarDateInSweden(c.openedAt), lastMeetingOn: day(d?.last), nextMeetingOn: day(d?.next) };
        return { caseId: c.id, ...facts, overdue: meetingOverdue(facts, today, periodDays) };
      })
      .filter((c) => c.overdue);
    return {
      result: { periodDays, items },
      record: { recordType: 'case', recordId: null, subjectIds: cases.filter((c) => items.some((i) => i.caseId === c.id)).map((c) => c.personId) },
    };
  });
}
