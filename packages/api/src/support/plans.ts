// The coordinated plan (issue 7 item 5). Each change appends the next version (plan_version), computed by the
// domain from the current one; a stale version is refused with a conflict, never merged silently. Meeting
// decisions (meetings.ts) reach the plan through `appendPlanChange` too.
import { findPlanVersion, insertPlanVersion, latestPlanVersion, listPlanVersions, type CaseRow, type Tx } from '@utvag/db';
import { applyPlanChange, emptyPlan, isActionOverdue, type PlanChange, type PlanContent } from '@utvag/domain';
import { withCase, type StaffContext } from '../cases/access.ts';
import { conflict } from '../errors.ts';
import { isAllowed } from '../permissions.ts';
import { personView } from '../referrals/masking.ts';
import { todayInSweden } from './costs.ts';
import { unknownPlanItem } from './errors.ts';

/** Applies a change on top of `expectedVersion` (null: whatever is newest) and saves the next version. */
export async function appendPlanChange(tx: Tx, c: CaseRow, userId: string, change: PlanChange, expectedVersion: number | null) {
  const of = { caseId: c.case.id, municipalityId: c.case.municipalityId };
  const current = await latestPlanVersion(tx, of);
  const version = current?.version ?? 0;
  if (expectedVersion !== null && expectedVersion !== version) throw conflict();
  const next = applyPlanChange(current?.content ?? emptyPlan, change);
  if (!next) throw unknownPlanItem();
  const saved = await insertPlanVersion(tx, { ...of, version: version + 1, content: next, change: change.kind, savedByUserId: userId });
  if (!saved) throw conflict();
  return { version: version + 1 };
}

function planView(content: PlanContent, today: string) {
  return {
    goals: content.goals,
    actions: content.actions.map((a) => ({ ...a, overdue: isActionOverdue(a, today) })),
    personsOwnWords: content.personsOwnWords,
  };
}

export async function getPlan(ctx: StaffContext, input: { caseId: string; version?: number }) {
  return withCase(ctx, 'plan.read', input.caseId, async (tx, c) => {
    const of = { caseId: c.case.id, municipalityId: c.case.municipalityId };
    const [shown, latest, versions] = await Promise.all([
      input.version ? findPlanVersion(tx, { ...of, version: input.version }) : latestPlanVersion(tx, of),
      latestPlanVersion(tx, of),
      listPlanVersions(tx, of),
    ]);
    return {
      caseId: c.case.id,
      programme: c.case.programme,
      person: personView(c.person, 'full'),
      version: shown?.version ?? 0,
      latestVersion: latest?.version ?? 0,
      savedAt: shown?.savedAt.toISOString() ?? null,
      plan: planView(shown?.content ?? emptyPlan, todayInSweden()),
      versions: versions.map((v) => ({ version: v.version, change: v.change, savedAt: v.savedAt.toISOString(), savedBy: v.savedByName })),
      can: { write: isAllowed(ctx.user.role, 'plan.write') && c.case.status === 'open' },
    };
  });
}

export async function changePlan(ctx: StaffContext, input: { caseId: string; expectedVersion: number }, change: PlanChange) {
  return withCase(ctx, 'plan.write', input.caseId, (tx, c) => appendPlanChange(tx, c, ctx.user.id, change, input.expectedVersion), {
    write: true,
    requireActive: true,
  });
}
