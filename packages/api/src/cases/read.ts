// Reading cases: the list (need-to-know in SQL) and one case's sections. Each read is audited with the person.
import {
  listAssessmentRequestsOfCase,
  listConsents,
  listCaseEvents,
  findCases,
  listCommitments,
  listDecisions,
  listEligibilityRecords,
  listFollowUps,
  listJournalEntries,
  listTasks,
  hasDelegatedMandate,
  listAssignableStaff,
  listUnits,
} from '@utvag/db';
import {
  eligibilityChecklist,
  hasDecisionMandate,
  recommendRoute,
  type CaseListQuery,
  type CaseSearch,
  type CaseSearchInput,
  type CriterionCode,
  type CriterionState,
} from '@utvag/domain';
import { audited } from '../audit.ts';
import { decodeCaseCursor, encodeCaseCursor } from '../cursor.ts';
import { isAllowed } from '../permissions.ts';
import { latestAssessmentOfCase } from '../police-assessment/assessments.ts';
import { withCase, type StaffContext } from './access.ts';
import { caseHeader, caseListItem } from './view.ts';

/** A page of the list; `search` set for a search. Both are audited with the page's subjects, never the term. */
async function casePage(ctx: StaffContext, action: 'case.list' | 'case.search', input: CaseListQuery, search?: CaseSearch) {
  const after = decodeCaseCursor(input.cursor);
  return audited(ctx, action, async (tx) => {
    const rows = await findCases(tx, {
      municipalityId: ctx.user.municipalityId,
      user: { id: ctx.user.id, role: ctx.user.role, unitId: ctx.user.unitId },
      scope: input.scope,
      status: input.status,
      programme: input.programme,
      search,
      after,
      limit: input.limit + 1,
    });
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      result: {
        items: page.map(caseListItem),
        nextCursor: rows.length > input.limit && last ? encodeCaseCursor({ openedAtMicros: last.openedAtMicros, id: last.case.id }) : null,
      },
      record: { recordType: 'case', recordId: null, subjectIds: page.map((r) => r.person.id) },
    };
  });
}

export async function listCasesFor(ctx: StaffContext, input: CaseListQuery) {
  return casePage(ctx, 'case.list', input);
}

/** The case list searched (issue 9 item 1): what matches, and how the page is read, is decided in packages/db
 * (`findCases`), including the rule that a protected identity is found by name or number only by staff named on the
 * case. */
export async function searchCasesFor(ctx: StaffContext, input: CaseSearchInput) {
  const { q, ...filters } = input;
  return casePage(ctx, 'case.search', filters, q);
}

const ofCase = (c: { case: { id: string; municipalityId: string } }) => ({ caseId: c.case.id, municipalityId: c.case.municipalityId });

export async function getCase(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'case.read', input.caseId, async (tx, c) => {
    const [decisions, commitments, followUps, tasks, delegated] = await Promise.all([
      listDecisions(tx, ofCase(c)),
      listCommitments(tx, ofCase(c)),
      listFollowUps(tx, ofCase(c)),
      listTasks(tx, ofCase(c)),
      hasDelegatedMandate(tx, ctx.user.id),
    ]);
    const firstSigned = decisions
      .map((d) => d.decision.signedAt)
      .filter((d): d is Date => d !== null)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    return {
      ...caseHeader(c, firstSigned ?? null),
      commitments: commitments.map((r) => ({
        id: r.commitment.id,
        signedOn: r.commitment.signedOn,
        conditions: r.commitment.conditions,
        recordedBy: r.recordedByName,
        recordedAt: r.commitment.recordedAt.toISOString(),
      })),
      followUps: followUps.map((r) => ({
        id: r.followUp.id,
        kind: r.followUp.kind,
        occurredOn: r.followUp.occurredOn,
        result: r.followUp.result,
        note: r.followUp.note,
        recordedBy: r.recordedByName,
      })),
      tasks: tasks.map((r) => ({
        id: r.task.id,
        kind: r.task.kind,
        assignedTo: r.assignedName,
        createdAt: r.task.createdAt.toISOString(),
        doneAt: r.task.doneAt?.toISOString() ?? null,
        doneBy: r.doneByName,
        doneNote: r.task.doneNote,
      })),
      /** What the caller may do here, so pages offer only forms that can succeed. */
      can: {
        assign: isAllowed(ctx.user.role, 'case.assign'),
        edit: isAllowed(ctx.user.role, 'case.edit'),
        changeProgramme: isAllowed(ctx.user.role, 'case.changeProgramme'),
        close: isAllowed(ctx.user.role, 'case.close'),
        reopen: isAllowed(ctx.user.role, 'case.reopen'),
        recordEligibility: isAllowed(ctx.user.role, 'eligibility.record'),
        draftDecision: isAllowed(ctx.user.role, 'decision.draft'),
        signDecision: isAllowed(ctx.user.role, 'decision.sign') && hasDecisionMandate(ctx.user.role, delegated),
        writeJournal: isAllowed(ctx.user.role, 'journal.write'),
        signJournal: isAllowed(ctx.user.role, 'journal.sign'),
        recordCommitment: isAllowed(ctx.user.role, 'commitment.record'),
        recordFollowUp: isAllowed(ctx.user.role, 'followUp.record'),
        completeTask: isAllowed(ctx.user.role, 'task.complete'),
      },
    };
  });
}

/** The staff and units a case can be assigned to (for the assignment form). */
export async function caseAssignmentOptions(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'case.assign', input.caseId, async (tx) => {
    const [staff, units] = await Promise.all([listAssignableStaff(tx, ctx.user.municipalityId), listUnits(tx, ctx.user.municipalityId)]);
    return { staff, units };
  });
}

export async function getEligibility(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'case.read', input.caseId, async (tx, c) => {
    const records = await listEligibilityRecords(tx, ofCase(c));
    const current = new Map<CriterionCode, (typeof records)[number]>();
    for (const r of records) current.set(r.criterion, r);
    const states: Partial<Record<CriterionCode, CriterionState>> = {};
    for (const [code, r] of current) states[code] = r.state;
    const age = c.case.ageAtStart;
    return {
      version: c.case.version,
      age,
      programme: c.case.programme,
      checklist: eligibilityChecklist(c.case.programme, age).map((item) => {
        const r = current.get(item.code);
        return {
          ...item,
          state: r?.state ?? ('unknown' as const),
          assessedOn: r?.assessedOn ?? null,
          basis: r?.basis ?? null,
          recordedBy: r?.recordedByName ?? null,
          recordedAt: r?.recordedAt.toISOString() ?? null,
        };
      }),
      recommendation: recommendRoute(age, states),
      /** The latest police assessment still valid (criterion policeProtectionNeed reads it; issue 6 item 3). */
      policeAssessment: await latestAssessmentOfCase(tx, ofCase(c)),
      history: records.map((r) => ({
        criterion: r.criterion,
        state: r.state,
        assessedOn: r.assessedOn,
        basis: r.basis,
        recordedBy: r.recordedByName,
        recordedAt: r.recordedAt.toISOString(),
      })).reverse(),
    };
  });
}

export function decisionView(r: Awaited<ReturnType<typeof listDecisions>>[number]) {
  const d = r.decision;
  return {
    id: d.id,
    version: d.version,
    stage: d.stage,
    outcome: d.outcome,
    grounds: d.grounds,
    hasChildren: d.hasChildren,
    childImpact: d.childImpact,
    interventions: d.interventions,
    createdBy: r.createdByName,
    createdAt: d.createdAt.toISOString(),
    signedAt: d.signedAt?.toISOString() ?? null,
    signedBy: r.signedByName,
    daysFromFirstContact: d.daysFromFirstContact,
  };
}

export async function getDecisions(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'case.read', input.caseId, async (tx, c) => ({
    version: c.case.version,
    decisions: (await listDecisions(tx, ofCase(c))).map(decisionView),
  }));
}

export async function getJournal(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'case.read', input.caseId, async (tx, c) => {
    const rows = await listJournalEntries(tx, ofCase(c));
    return {
      entries: rows.map((r) => ({
        id: r.entry.id,
        version: r.entry.version,
        body: r.entry.body,
        author: r.authorName,
        isMine: r.entry.authorUserId === ctx.user.id,
        writtenAt: r.entry.writtenAt.toISOString(),
        signedAt: r.entry.signedAt?.toISOString() ?? null,
        signedBy: r.signedByName,
        correctsEntryId: r.entry.correctsEntryId,
        correctedBy: rows.filter((x) => x.entry.correctsEntryId === r.entry.id).map((x) => x.entry.id),
        oralSource: r.entry.oralSourceAt ? { at: r.entry.oralSourceAt.toISOString(), from: r.entry.oralSourceFrom } : null,
      })),
    };
  });
}

export type TimelineItem = {
  at: string;
  kind: 'status' | 'journal' | 'decision' | 'eligibility' | 'followUp';
  /** i18n key of what happened, with its params. */
  key: string;
  params: Record<string, string>;
  by: string | null;
};

/** The case's history in one list, newest first: status changes, journal, decisions, eligibility, follow-up. */
export async function getTimeline(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'case.read', input.caseId, async (tx, c) => {
    const [events, journal, decisions, eligibility, followUps, assessments, consents] = await Promise.all([
      listCaseEvents(tx, ofCase(c)),
      listJournalEntries(tx, ofCase(c)),
      listDecisions(tx, ofCase(c)),
      listEligibilityRecords(tx, ofCase(c)),
      listFollowUps(tx, ofCase(c)),
      listAssessmentRequestsOfCase(tx, ofCase(c)),
      listConsents(tx, ofCase(c)),
    ]);
    const items: TimelineItem[] = [];
    // The police's answers (issue 6 item 3): the police cannot write case events, so the answer itself is the entry.
    for (const r of assessments) {
      const a = r.answer;
      if (!a?.id || !a.answeredAt) continue;
      items.push({
        at: a.answeredAt.toISOString(),
        kind: 'status',
        key: 'cases.timeline.event.policeAssessmentAnswered',
        params: { need: a.protectionNeed ?? '', validUntil: a.validUntil ?? '' },
        by: a.answeredByName,
      });
    }
    // The consent register (issue 6 item 4) writes no case events: each consent and its revocation is an entry,
    // naming the organisation (never the reason for revoking, which stays on the consent tab).
    for (const r of consents) {
      const k = r.consent;
      const params = { organisation: r.organisationName };
      items.push({ at: k.recordedAt.toISOString(), kind: 'status', key: 'cases.timeline.event.consentRecorded', params, by: r.recordedByName });
      if (k.revokedAt) items.push({ at: k.revokedAt.toISOString(), kind: 'status', key: 'cases.timeline.event.consentRevoked', params, by: r.revokedByName });
    }
    for (const e of events) {
      // The criteria themselves are listed below; this event only carries the version for conflict messages.
      if (e.kind === 'eligibilityRecorded') continue;
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(e.data)) if (typeof v === 'string') params[k] = v;
      // A transfer's events (issue 6 item 9) have their text in the transfer namespace.
      const key = e.kind === 'transferredIn' || e.kind === 'transferredOut' ? `transfer.timeline.${e.kind}` : `cases.timeline.event.${e.kind}`;
      items.push({ at: e.at.toISOString(), kind: 'status', key, params, by: e.actorName });
    }
    for (const r of journal) {
      const e = r.entry;
      items.push({
        at: e.writtenAt.toISOString(),
        kind: 'journal',
        key: e.correctsEntryId ? 'cases.timeline.journalCorrection' : 'cases.timeline.journalWritten',
        params: { excerpt: e.body.length > 120 ? `${e.body.slice(0, 117)}…` : e.body },
        by: r.authorName,
      });
      if (e.signedAt) items.push({ at: e.signedAt.toISOString(), kind: 'journal', key: 'cases.timeline.journalSigned', params: {}, by: r.signedByName });
    }
    for (const r of decisions) {
      const d = r.decision;
      items.push({ at: d.createdAt.toISOString(), kind: 'decision', key: 'cases.timeline.investigationOpened', params: {}, by: r.createdByName });
      if (d.signedAt) {
        items.push({ at: d.signedAt.toISOString(), kind: 'decision', key: 'cases.timeline.decisionSigned', params: { outcome: d.outcome ?? '' }, by: r.signedByName });
      }
    }
    for (const r of eligibility) {
      items.push({
        at: r.recordedAt.toISOString(),
        kind: 'eligibility',
        key: 'cases.timeline.criterionRecorded',
        params: { criterion: r.criterion, state: r.state },
        by: r.recordedByName,
      });
    }
    for (const r of followUps) {
      items.push({
        at: r.followUp.recordedAt.toISOString(),
        kind: 'followUp',
        key: `cases.timeline.followUp.${r.followUp.kind}`,
        params: { on: r.followUp.occurredOn, result: r.followUp.result ?? '' },
        by: r.recordedByName,
      });
    }
    items.sort((a, b) => b.at.localeCompare(a.at));
    return { items };
  });
}
