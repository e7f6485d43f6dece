// Need-to-know on a case (docs/security.md, "Case access"): who of the municipality's staff may see one case.
// The API's case-access helper and the case list's SQL filter both follow this one rule.
import type { CaseStatus } from './case.ts';
import type { StaffRole } from './roles.ts';

export interface CaseAccessor {
  id: string;
  role: StaffRole;
  unitId: string | null;
}

export interface CaseAccessFacts {
  unitId: string | null;
  responsibleUserId: string | null;
  coordinatorUserId: string | null;
  status: CaseStatus;
}

/**
 * - unit managers: every case of their municipality (they decide and follow up, §2);
 * - anyone named on the case (responsible case worker, coordinator);
 * - case workers, coordinators and field workers of the case's unit;
 * - intake: only until the case is assigned to a responsible case worker (they pass it on, then step back);
 * - administrators: never (accounts only).
 */
export function mayAccessCase(user: CaseAccessor, c: CaseAccessFacts): boolean {
  if (user.role === 'administrator') return false;
  if (user.role === 'unitManager') return true;
  if (c.responsibleUserId === user.id || c.coordinatorUserId === user.id) return true;
  if (user.role === 'intake') return c.responsibleUserId === null;
  return c.unitId !== null && c.unitId === user.unitId;
}
