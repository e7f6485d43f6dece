// Network meetings (issue 7 item 6): planned per case with an agenda, invited staff and partner users, the
// attendance, and decisions that become plan actions. A partner may be invited only when the case's consent
// covers their organisation (consent.ts); an invitation it does not cover writes nothing.
import {
  findNetworkMeeting,
  findUsersForInvite,
  insertAgendaItem,
  insertCaseEvent,
  insertNetworkMeeting,
  insertParticipants,
  listAgendaItems,
  listInvitableUsers,
  listMeetingsOfCase,
  listParticipants,
  latestPlanVersion,
  recordDisclosure,
  setAttendance,
  updateMeetingStatus,
  type CaseRow,
  type Tx,
} from '@utvag/db';
import { calendarDateInSweden, type Attendance, type NetworkMeetingInput, type NetworkMeetingStatus, type PlanActor } from '@utvag/domain';
import { withCase, type StaffContext } from '../cases/access.ts';
import { conflict, notFound } from '../errors.ts';
import { isAllowed } from '../permissions.ts';
import { consentCovers } from './consent.ts';
import { consentDoesNotCover, organisationNotInvited, unknownInvitee } from './errors.ts';
import { appendPlanChange } from './plans.ts';
import { swedishLocalTimeToInstant } from './time.ts';

/** Checks every invitee before anything is written: known, of the municipality, and covered by consent. */
async function checkedInvitees(tx: Tx, c: CaseRow, ids: string[], field: string) {
  const municipalityId = c.case.municipalityId;
  const users = await findUsersForInvite(tx, { municipalityId, ids });
  if (users.length !== new Set(ids).size || users.some((u) => u.role === 'administrator')) throw unknownInvitee(field);
  for (const u of users) {
    if (u.kind === 'partner' && !(u.organisationId && (await consentCovers(tx, { municipalityId, caseId: c.case.id, organisationId: u.organisationId, purpose: 'networkMeeting' })))) {
      throw consentDoesNotCover(field);
    }
  }
  return users;
}

/**
 * Inviting a partner discloses that the case exists and meets (DOMAIN.md §10): one disclosure per partner
 * organisation invited, on the basis of the consent checked above, in the same transaction.
 */
async function logInvitationDisclosures(tx: Tx, c: CaseRow, invitees: { organisationId: string | null }[], userId: string) {
  const organisationIds = [...new Set(invitees.map((u) => u.organisationId).filter((o): o is string => o !== null))];
  for (const organisationId of organisationIds) {
    await recordDisclosure(tx, {
      municipalityId: c.case.municipalityId,
      caseId: c.case.id,
      organisationId,
      category: 'meetingInvitation',
      legalBasis: 'consent',
      disclosedOn: calendarDateInSweden(new Date()),
      disclosedByUserId: userId,
    });
  }
}

export async function listCaseMeetings(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'networkMeeting.read', input.caseId, async (tx, c) => {
    const of = { caseId: c.case.id, municipalityId: c.case.municipalityId };
    const meetings = await listMeetingsOfCase(tx, of);
    const ids = meetings.map((m) => m.id);
    const [participants, items, invitable, plan] = await Promise.all([
      listParticipants(tx, { municipalityId: of.municipalityId, meetingIds: ids }),
      listAgendaItems(tx, { municipalityId: of.municipalityId, meetingIds: ids }),
      listInvitableUsers(tx, { municipalityId: of.municipalityId }),
      latestPlanVersion(tx, of),
    ]);
    // Partners are offered only where the consent covers their organisation, so the form offers what can succeed.
    const covered = new Map<string, boolean>();
    for (const u of invitable) {
      if (u.organisationId && !covered.has(u.organisationId)) {
        covered.set(u.organisationId, await consentCovers(tx, { ...of, organisationId: u.organisationId, purpose: 'networkMeeting' }));
      }
    }
    return {
      caseId: c.case.id,
      status: c.case.status,
      meetings: meetings.map((m) => ({
        id: m.id,
        version: m.version,
        scheduledAt: m.scheduledAt.toISOString(),
        place: m.place,
        status: m.status,
        notes: m.notes,
        participants: participants.filter((p) => p.meetingId === m.id),
        agenda: items.filter((i) => i.meetingId === m.id).map((i) => ({ id: i.id, title: i.title, details: i.details, organisationIds: i.organisationIds })),
        decisions: (plan?.content.actions ?? []).filter((a) => a.meetingId === m.id),
      })),
      invitable: invitable.map((u) => ({ ...u, consentCovers: u.organisationId ? (covered.get(u.organisationId) ?? false) : true })),
      can: { write: isAllowed(ctx.user.role, 'networkMeeting.write') && c.case.status === 'open' },
    };
  });
}

export async function planMeeting(ctx: StaffContext, input: NetworkMeetingInput) {
  return withCase(
    ctx,
    'networkMeeting.write',
    input.caseId,
    async (tx, c) => {
      const invitees = await checkedInvitees(tx, c, input.inviteeIds, 'inviteeIds');
      const municipalityId = c.case.municipalityId;
      const id = await insertNetworkMeeting(tx, {
        municipalityId,
        caseId: c.case.id,
        scheduledAt: swedishLocalTimeToInstant(input.scheduledAt),
        place: input.place,
        createdByUserId: ctx.user.id,
      });
      await insertParticipants(
        tx,
        invitees.map((u) => ({ municipalityId, meetingId: id, userId: u.id, organisationId: u.organisationId, invitedByUserId: ctx.user.id })),
      );
      await insertCaseEvent(tx, { municipalityId, caseId: c.case.id, kind: 'networkMeetingPlanned', data: { meetingId: id }, actorUserId: ctx.user.id });
      await logInvitationDisclosures(tx, c, invitees.filter((u) => u.kind === 'partner'), ctx.user.id);
      return { id };
    },
    { write: true, requireActive: true },
  );
}

/** The meeting's case, looked up inside the transaction for `withCase`. */
const meetingCase = (ctx: StaffContext, meetingId: string) => async (tx: Tx) =>
  (await findNetworkMeeting(tx, { id: meetingId, municipalityId: ctx.user.municipalityId }))?.caseId;

export async function inviteToMeeting(ctx: StaffContext, input: { meetingId: string; userIds: string[] }) {
  return withCase(
    ctx,
    'networkMeeting.write',
    meetingCase(ctx, input.meetingId),
    async (tx, c) => {
      const invitees = await checkedInvitees(tx, c, [...new Set(input.userIds)], 'userIds');
      await insertParticipants(
        tx,
        invitees.map((u) => ({ municipalityId: c.case.municipalityId, meetingId: input.meetingId, userId: u.id, organisationId: u.organisationId, invitedByUserId: ctx.user.id })),
      );
      await logInvitationDisclosures(tx, c, invitees.filter((u) => u.kind === 'partner'), ctx.user.id);
      return { ok: true };
    },
    { write: true, requireActive: true },
  );
}

export async function addAgendaItem(ctx: StaffContext, input: { meetingId: string; title: string; details?: string; organisationIds: string[] }) {
  return withCase(
    ctx,
    'networkMeeting.write',
    meetingCase(ctx, input.meetingId),
    async (tx, c) => {
      // An item may be meant only for organisations invited to this meeting (and so covered by consent).
      const invited = new Set(
        (await listParticipants(tx, { municipalityId: c.case.municipalityId, meetingIds: [input.meetingId] })).map((p) => p.organisationId),
      );
      if (input.organisationIds.some((o) => !invited.has(o))) throw organisationNotInvited();
      const id = await insertAgendaItem(tx, {
        municipalityId: c.case.municipalityId,
        meetingId: input.meetingId,
        title: input.title,
        details: input.details ?? null,
        organisationIds: [...new Set(input.organisationIds)],
      });
      return { id };
    },
    { write: true, requireActive: true },
  );
}

export async function recordAttendance(ctx: StaffContext, input: { meetingId: string; userId: string; attendance: Attendance }) {
  return withCase(
    ctx,
    'networkMeeting.write',
    meetingCase(ctx, input.meetingId),
    async (tx, c) => {
      if (!(await setAttendance(tx, { municipalityId: c.case.municipalityId, ...input }))) throw notFound();
      return { ok: true };
    },
    { write: true },
  );
}

export async function setMeetingStatus(ctx: StaffContext, input: { meetingId: string; expectedVersion: number; status: NetworkMeetingStatus; notes?: string }) {
  return withCase(
    ctx,
    'networkMeeting.write',
    meetingCase(ctx, input.meetingId),
    async (tx, c) => {
      const row = await updateMeetingStatus(tx, {
        municipalityId: c.case.municipalityId,
        id: input.meetingId,
        expectedVersion: input.expectedVersion,
        status: input.status,
        notes: input.notes ?? null,
      });
      if (!row) throw conflict();
      return row;
    },
    { write: true },
  );
}

/** A decision of the meeting becomes an action of the case's plan, marked with the meeting. */
export async function recordMeetingDecision(ctx: StaffContext, input: { meetingId: string; text: string; actor: PlanActor; dueDate?: string }) {
  return withCase(
    ctx,
    'networkMeeting.write',
    meetingCase(ctx, input.meetingId),
    async (tx, c) => {
      const meeting = await findNetworkMeeting(tx, { id: input.meetingId, municipalityId: c.case.municipalityId });
      const action = {
        id: crypto.randomUUID(),
        goalId: null,
        text: input.text,
        actor: input.actor,
        startDate: meeting ? meeting.scheduledAt.toISOString().slice(0, 10) : null,
        dueDate: input.dueDate ?? null,
        status: 'planned' as const,
        meetingId: input.meetingId,
      };
      return appendPlanChange(tx, c, ctx.user.id, { kind: 'addAction', action }, null);
    },
    { write: true, requireActive: true },
  );
}
