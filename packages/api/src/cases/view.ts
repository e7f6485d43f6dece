// What a case looks like to staff: the person masked when protected (referrals/masking.ts), the named staff,
// and the clock from first contact to decision (DOMAIN.md §9.2).
import type { CaseRow } from '@utvag/db';
import { daysBetween, isOutsideAgeBand } from '@utvag/domain';
import { personView } from '../referrals/masking.ts';

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function caseListItem(row: CaseRow) {
  const c = row.case;
  return {
    id: c.id,
    programme: c.programme,
    status: c.status,
    person: personView(row.person, 'list'),
    unit: named(c.unitId, row.unitName),
    responsible: named(c.responsibleUserId, row.responsibleName),
    coordinator: named(c.coordinatorUserId, row.coordinatorName),
    openedAt: c.openedAt.toISOString(),
  };
}

/** Days from first contact to the first signed decision, or so far when none is signed yet. */
export function decisionClock(firstContactAt: Date, firstSignedAt: Date | null, now: Date) {
  return firstSignedAt
    ? { decided: true, days: daysBetween(firstContactAt, firstSignedAt) }
    : { decided: false, days: daysBetween(firstContactAt, now) };
}

export function caseHeader(row: CaseRow, firstSignedAt: Date | null, now = new Date()) {
  const c = row.case;
  return {
    ...caseListItem(row),
    version: c.version,
    person: { ...personView(row.person, 'full'), ageAtStart: row.person.protectedIdentity ? null : c.ageAtStart, gender: row.person.gender },
    referral: c.referralId ? { id: c.referralId, reference: row.referralReference } : null,
    firstContactAt: c.firstContactAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    closing: c.closingOutcome
      ? { outcome: c.closingOutcome, terminationReason: c.terminationReason, note: c.closingNote }
      : null,
    reopenedAt: c.reopenedAt?.toISOString() ?? null,
    ageBandReason: c.ageBandReason,
    outsideAgeBand: isOutsideAgeBand(c.programme, c.ageAtStart),
    decisionClock: decisionClock(c.firstContactAt, firstSignedAt, now),
  };
}
