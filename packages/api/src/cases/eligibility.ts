// Recording the eligibility checklist (issue 6 item 2): each criterion whose state, date or basis changed is
// appended with who and when; the case's version guards against two people assessing at once.
import { insertEligibilityRecords, listEligibilityRecords } from '@utvag/db';
import { criterionCodes, recommendRoute, type CriterionCode, type CriterionState, type EligibilityRecordInput } from '@utvag/domain';
import { withCase, type StaffContext } from './access.ts';
import { changeCase } from './lifecycle.ts';

export async function recordEligibility(ctx: StaffContext, input: EligibilityRecordInput) {
  return withCase(
    ctx,
    'eligibility.record',
    input.caseId,
    async (tx, c) => {
      const scope = { caseId: c.case.id, municipalityId: c.case.municipalityId };
      const current = new Map((await listEligibilityRecords(tx, scope)).map((r) => [r.criterion, r]));
      const changed = criterionCodes.flatMap((code) => {
        const entry = input.criteria[code];
        if (!entry) return [];
        const before = current.get(code);
        const same = before
          ? before.state === entry.state && before.assessedOn === entry.assessedOn && (before.basis ?? undefined) === entry.basis
          : entry.state === 'unknown' && entry.basis === undefined;
        return same ? [] : [{ code, ...entry }];
      });
      const result = await changeCase(tx, ctx, c, input.expectedVersion, 'eligibilityRecorded', {}, {
        changed: changed.length > 0 ? ['eligibility'] : [],
        criteria: changed.map((e) => e.code).join(','),
      });
      await insertEligibilityRecords(
        tx,
        changed.map((e) => ({
          municipalityId: c.case.municipalityId,
          caseId: c.case.id,
          criterion: e.code,
          state: e.state,
          assessedOn: e.assessedOn,
          basis: e.basis ?? null,
          recordedByUserId: ctx.user.id,
        })),
      );
      const states: Partial<Record<CriterionCode, CriterionState>> = {};
      for (const [code, r] of current) states[code] = r.state;
      for (const e of changed) states[e.code] = e.state;
      return { version: result.version, recorded: changed.length, recommendation: recommendRoute(c.case.ageAtStart, states) };
    },
    { write: true, requireActive: true },
  );
}
