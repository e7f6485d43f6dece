// Who may do what: the single table of permissions. Every procedure names one action; the authorization
// matrix test walks this table, so a new procedure without an entry here cannot be reached.
import { partnerRoles, type Role } from '@utvag/domain';

const caseStaff = ['intake', 'caseWorker', 'coordinator', 'fieldWorker', 'unitManager'] as const;

export const permissions = {
  /** The staff inbox shows people's names: need-to-know, so administrators (accounts only) are refused. */
  'inbox.list': caseStaff,
  'referral.read': caseStaff,
  /** Deciding where a referral goes: intake, the coordinating specialist and the unit manager. */
  'referral.triage': ['intake', 'coordinator', 'unitManager'],
  /** Referrals (kind "referral") come from the police and the probation service. Schools send concern
   * reports, which arrive with the intake issue. */
  'referral.submit': ['police', 'probationOfficer'],
  'submission.list': partnerRoles,
  'submission.read': partnerRoles,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

export function isAllowed(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}
