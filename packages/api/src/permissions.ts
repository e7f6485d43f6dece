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
  /** One form per source (issue 5): each partner role files only its own kind, so a school cannot file a
   * police referral and the police cannot file a probation referral. */
  'referral.submit': ['police'],
  'probationReferral.submit': ['probationOfficer'],
  'concernReport.submit': ['schoolStaff'],
  /** Drafts are the author's own; the handler also checks the draft's form belongs to the role. */
  'draft.save': partnerRoles,
  'draft.read': partnerRoles,
  'draft.discard': partnerRoles,
  /** A self-application or a guardian's call, written down by whoever in social services took it. */
  'intake.register': caseStaff,
  'submission.list': partnerRoles,
  'submission.read': partnerRoles,
  /** Accessibility problem reports (issue 4 item 5): anyone may send one (a public procedure, rate-limited, see
   * `publicActions`); only administrators read them, since they may hold the reporter's e-mail. */
  'accessibilityReport.list': ['administrator'],
  'accessibilityReport.handle': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

/** Procedures open to everyone, signed in or not (the authorization matrix expects them to answer every caller). */
export const publicActions = ['accessibilityReport.submit'] as const;
export type PublicAction = (typeof publicActions)[number];

export function isAllowed(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}
