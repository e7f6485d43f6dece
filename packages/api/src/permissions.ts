// Who may do what: the single table of permissions. Every procedure names one action; the authorization
// matrix test walks this table, so a new procedure without an entry here cannot be reached.
import { partnerRoles, roles, type Role } from '@utvag/domain';

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
  /** Staff drafts of the intake form (issue 5): their own actions, not the partners' draft actions extended, so a
   * staff role never reaches the partner router's drafts and each portal's matrix rows stay separate. The same
   * roles as `intake.register`: whoever may write down a self-application may save it unfinished. */
  'intakeDraft.save': caseStaff,
  'intakeDraft.read': caseStaff,
  'intakeDraft.discard': caseStaff,
  /** Clock-stopping events (first contact, protective assessment, investigation decision): whoever does the
   * work records it; the handler also requires a qualified social worker for the assessments of a child (§10). */
  'referral.recordClockEvent': caseStaff,
  /** Distributing work: the same roles that triage. */
  'referral.assign': ['intake', 'coordinator', 'unitManager'],
  /** Person matching is a search among people: only those who decide where a referral goes. */
  'person.match': ['intake', 'coordinator', 'unitManager'],
  'referral.linkPerson': ['intake', 'coordinator', 'unitManager'],
  /** "Not the same person": the other half of the same decision, so the same roles as linking. */
  'referral.rejectMatch': ['intake', 'coordinator', 'unitManager'],
  /** Units and staff names (no personal data about clients), for assignment and the inbox filter. */
  'directory.read': caseStaff,
  /** Everyone signed in has their own notifications. */
  'notification.list': roles,
  'notification.markRead': roles,
  /** One's own choice of e-mail delivery (issue 5 item 7). */
  'notification.settings': roles,
  /** A self-application or a guardian's call, written down by whoever in social services took it. */
  'intake.register': caseStaff,
  'submission.list': partnerRoles,
  'submission.read': partnerRoles,
  /** Accessibility problem reports (issue 4 item 5): anyone may send one (a public procedure, rate-limited, see
   * `publicActions`); only administrators read them, since they may hold the reporter's e-mail. */
  'accessibilityReport.list': ['administrator'],
  'accessibilityReport.handle': ['administrator'],
  /** Cases (issue 6). Need-to-know on each case is checked on top of these, in cases/access.ts. */
  'case.list': caseStaff,
  /** Searching the case list by identity number, reference or name (issue 9): the list's roles; the search is its
   * own action so the log tells a search from browsing. */
  'case.search': caseStaff,
  'case.read': caseStaff,
  /** Passing a case to a unit and naming its case worker and coordinator: intake, coordinators, unit managers. */
  'case.assign': ['intake', 'coordinator', 'unitManager'],
  'case.edit': ['caseWorker', 'coordinator', 'fieldWorker', 'unitManager'],
  /** The bridge from SIG to the exit programme (or on to ordinary support). */
  'case.changeProgramme': ['caseWorker', 'coordinator', 'unitManager'],
  'case.close': ['caseWorker', 'coordinator', 'unitManager'],
  'case.reopen': ['coordinator', 'unitManager'],
  'eligibility.record': ['caseWorker', 'coordinator', 'fieldWorker', 'unitManager'],
  /** Writing the investigation; signing it needs decision mandate too (unit manager, or a delegated coordinator). */
  'decision.draft': ['caseWorker', 'coordinator', 'unitManager'],
  'decision.sign': ['coordinator', 'unitManager'],
  'journal.write': ['caseWorker', 'coordinator', 'fieldWorker', 'unitManager'],
  'journal.sign': ['caseWorker', 'coordinator', 'fieldWorker', 'unitManager'],
  'commitment.record': ['caseWorker', 'coordinator', 'unitManager'],
  'followUp.record': ['caseWorker', 'coordinator', 'fieldWorker', 'unitManager'],
  /** Reviewing a breach: the case's coordinator, or a unit manager. */
  'task.complete': ['coordinator', 'unitManager'],
  /** A protected identity shown after a step-up and a stated reason (issue 3); to staff who may open referrals. */
  'identity.reveal': caseStaff,
  /** Log review (loggkontroll): unit managers review who opened what in their municipality and sign it off. */
  'logReview.read': ['unitManager'],
  'logReview.signOff': ['unitManager'],
  /** Retention (gallring): the unit manager reads the dry run, asks for a new one, and approves the culling. */
  'retention.read': ['unitManager'],
  'retention.approve': ['unitManager'],
  /** The follow-up report (issue 8) with small numbers shown, and its exports (always suppressed): unit managers,
   * who follow up and answer to the committee, and the coordinating specialist, who follows every case (003).
   * Case workers, intake and field workers work with people, not with the unit's statistics. */
  'followUpReport.read': ['unitManager', 'coordinator'],
  'followUpReport.export': ['unitManager', 'coordinator'],
  /** Recomputing a completed half-year's stored figures now (issue 9): the same roles as reading the report. */
  'followUpReport.recompute': ['unitManager', 'coordinator'],
  /** The regional view: sums over the municipalities that share with the account's region, never person data. */
  'regionalReport.read': ['regional'],
  'regionalReport.export': ['regional'],
  /** Recomputing the region's stored figures of a completed half-year now (issue 9): the regional account alone. */
  'regionalReport.recompute': ['regional'],
  // Support work (issue 7). Case data also passes the case's need-to-know check (cases/access.ts).
  'interventionCatalogue.read': caseStaff,
  /** The catalogue and provider register belong to the municipality: its unit managers keep them. */
  'interventionCatalogue.manage': ['unitManager'],
  'intervention.read': caseStaff,
  /** Recording what a signed decision granted: case workers, coordinators and unit managers. */
  'intervention.write': ['caseWorker', 'coordinator', 'unitManager'],
  /** Spending against budget: the unit manager's follow-up (DOMAIN.md §8). */
  'budget.read': ['unitManager'],
  'budget.manage': ['unitManager'],
  'stateFunding.read': caseStaff,
  'stateFunding.record': ['caseWorker', 'coordinator', 'unitManager'],
  /** The cost statement on screen, and as a file (PDF/XLSX). The file is person-level data (one case, by its
   * reference and its interventions), so its download needs a step-up (`stepUpActions`). */
  'costStatement.read': ['caseWorker', 'coordinator', 'unitManager'],
  'costStatement.export': ['caseWorker', 'coordinator', 'unitManager'],
  'plan.read': caseStaff,
  /** Field workers run SIG cases' plans and meetings too. */
  'plan.write': ['caseWorker', 'coordinator', 'fieldWorker', 'unitManager'],
  'networkMeeting.read': caseStaff,
  'networkMeeting.write': ['caseWorker', 'coordinator', 'fieldWorker', 'unitManager'],
  'networkMeeting.reminders': caseStaff,
  /** Consent register and disclosure log (issue 6 item 4): every case staff member reads; recording and revoking
   * consent and recording a disclosure by case workers, coordinators and unit managers (field workers read). */
  'consent.read': caseStaff,
  'consent.record': ['caseWorker', 'coordinator', 'unitManager'],
  'consent.revoke': ['caseWorker', 'coordinator', 'unitManager'],
  'disclosure.read': caseStaff,
  'disclosure.record': ['caseWorker', 'coordinator', 'unitManager'],
  /** A partner sees only their own invitations, and only while the consent covers their organisation. */
  'meetingInvitation.list': partnerRoles,
  // Police assessments (issue 6 item 3). Staff: need-to-know on the case (cases/access.ts) on top of these.
  'policeAssessment.read': caseStaff,
  /** Asking the police for a threat and protection-need assessment, and withdrawing an unanswered request. */
  'policeAssessment.request': ['caseWorker', 'coordinator', 'unitManager'],
  'policeAssessment.withdraw': ['caseWorker', 'coordinator', 'unitManager'],
  /** Only the police, and only the requests addressed to their own organisation (handler and RLS). */
  'assessmentRequest.read': ['police'],
  'assessmentRequest.answer': ['police'],
  // Transfer to another municipality (issue 6 item 9). The sender's side also passes the case's need-to-know check.
  /** The case's transfers and the other municipalities' names: whoever may read the case. */
  'transfer.readForCase': caseStaff,
  /** Offering and withdrawing: those who may close the case (the transfer closes it as moved). */
  'transfer.offer': ['caseWorker', 'coordinator', 'unitManager'],
  'transfer.withdraw': ['caseWorker', 'coordinator', 'unitManager'],
  /** The receiving municipality's side: those who decide where an incoming matter goes (like triage). */
  'transfer.listIncoming': ['intake', 'coordinator', 'unitManager'],
  'transfer.read': ['intake', 'coordinator', 'unitManager'],
  'transfer.accept': ['intake', 'coordinator', 'unitManager'],
  'transfer.decline': ['intake', 'coordinator', 'unitManager'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

/** Procedures open to everyone, signed in or not (the authorization matrix expects them to answer every caller). */
export const publicActions = ['accessibilityReport.submit'] as const;
export type PublicAction = (typeof publicActions)[number];

export function isAllowed(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}

/**
 * Actions that need a step-up (the second factor entered again within the last few minutes): revealing a protected
 * identity and every export of person-level data (a file about one case leaves the system). The follow-up report
 * exports hold suppressed aggregates only and are not person-level (docs/security.md). Checked in trpc.ts.
 */
export const stepUpActions: readonly Action[] = ['identity.reveal', 'costStatement.export'];
export const needsStepUp = (action: Action) => stepUpActions.includes(action);
