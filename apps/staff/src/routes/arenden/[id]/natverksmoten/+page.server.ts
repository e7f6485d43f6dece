// The case's network meetings (issue 7 item 6): plan one with invitations, add agenda items, record attendance,
// status and decisions (which become plan actions). The reminder shows when the case is overdue for a meeting.
import { loadOrError } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { caseAction } from '$lib/server/case-actions';

export const load = async ({ locals, params }) => {
  const caller = callerFor(locals);
  const [meetings, reminders] = await Promise.all([
    loadOrError(locals.locale, () => caller.networkMeeting.list({ caseId: params.id })),
    loadOrError(locals.locale, () => caller.networkMeeting.reminders()),
  ]);
  return { meetings, reminder: reminders.items.find((r) => r.caseId === params.id) ? reminders.periodDays : null };
};

export const actions = {
  // Checkbox groups post one name per checked box: every value is kept (without JavaScript too).
  plan: caseAction({ name: 'plan', arrays: ['inviteeIds'] }, (c, v, e) => c.networkMeeting.plan({ ...v, caseId: e.params.id! } as never), 'support.meetings.planned'),
  invite: caseAction({ name: 'invite', arrays: ['userIds'] }, (c, v) => c.networkMeeting.invite(v as never), 'support.meetings.invited'),
  agenda: caseAction({ name: 'agenda', arrays: ['organisationIds'] }, (c, v) => c.networkMeeting.addAgendaItem(v as never), 'support.meetings.saved'),
  attendance: caseAction('attendance', (c, v) => c.networkMeeting.setAttendance(v as never), 'support.meetings.saved'),
  status: caseAction('status', (c, v) => c.networkMeeting.setStatus(v as never), 'support.meetings.saved'),
  decision: caseAction('decision', (c, v) => c.networkMeeting.recordDecision(v as never), 'support.meetings.saved'),
};
