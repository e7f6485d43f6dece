// The staff portal's router: the only one it mounts (at /api/trpc).
import {
  accessibilityReportHandleSchema,
  accessibilityReportInputSchema,
  draftKeySchema,
  inboxQuerySchema,
  revealIdentityInputSchema,
  staffDraftInputSchema,
  staffIntakeInputSchema,
  triageDecisionInputSchema,
} from '@utvag/domain';
import { z } from 'zod';
import {
  listAccessibilityReports,
  markAccessibilityReportHandledBy,
  submitAccessibilityReport,
} from '../accessibility/reports.ts';
import { discardStaffDraft, getStaffDraft, listStaffDrafts, saveStaffDraft } from '../intake/staff-drafts.ts';
import { getReferral } from '../referrals/get-referral.ts';
import { listInbox, readInboxPage } from '../referrals/list-inbox.ts';
import { revealIdentity } from '../referrals/reveal-identity.ts';
import { registerStaffIntake } from '../referrals/submit-referral.ts';
import { triageReferral } from '../referrals/triage-referral.ts';
import { publicProcedure, requireStepUp, router, staffProcedure } from '../trpc.ts';
import { accountRouter } from './account.ts';
import { caseRouters } from './cases.ts';
import { consentRouters } from './consent.ts';
import { logReviewRouter } from './log-review.ts';
import { retentionRouter } from './retention.ts';
import { directoryRouter, referralFollowUpProcedures } from './intake-followup.ts';
import { notificationRouter } from './notifications.ts';
import { followUpRouter } from './follow-up.ts';
import { supportRouters } from './support.ts';
import { policeAssessmentRouters } from './police-assessment.ts';
import { transferRouters } from './transfer.ts';

const byId = z.object({ id: z.uuid({ error: 'validation.invalidUuid' }) });
const triageInput = triageDecisionInputSchema.and(
  z.object({ expectedVersion: z.coerce.number({ error: 'validation.invalid' }).int().positive() }),
);

export const staffRouter = router({
  account: accountRouter('staff'),
  followUpReport: followUpRouter,
  inbox: router({
    list: staffProcedure('inbox.list')
      .input(inboxQuerySchema)
      .query(({ ctx, input }) => listInbox(ctx, input)),
    /** The inbox page's whole read (queue, unit filter, unread count) in one audited transaction (issue 9). */
    page: staffProcedure('inbox.list')
      .input(inboxQuerySchema)
      .query(({ ctx, input }) => readInboxPage(ctx, input)),
  }),
  intake: router({
    register: staffProcedure('intake.register')
      .input(staffIntakeInputSchema)
      .mutation(({ ctx, input }) => registerStaffIntake(ctx, input)),
    /** The author's own unfinished intake forms (issue 5 item 6). */
    draft: router({
      save: staffProcedure('intakeDraft.save')
        .input(staffDraftInputSchema)
        .mutation(({ ctx, input }) => saveStaffDraft(ctx, input)),
      get: staffProcedure('intakeDraft.read')
        .input(draftKeySchema)
        .query(({ ctx, input }) => getStaffDraft(ctx, input)),
      list: staffProcedure('intakeDraft.read').query(({ ctx }) => listStaffDrafts(ctx)),
      discard: staffProcedure('intakeDraft.discard')
        .input(draftKeySchema)
        .mutation(({ ctx, input }) => discardStaffDraft(ctx, input)),
    }),
  }),
  referral: router({
    get: staffProcedure('referral.read')
      .input(byId)
      .query(({ ctx, input }) => getReferral(ctx, input)),
    triage: staffProcedure('referral.triage')
      .input(triageInput)
      .mutation(({ ctx, input }) => triageReferral(ctx, input)),
    /** Needs a fresh step-up (permissions.ts `stepUpActions`) and a reason; audited with the reason. */
    revealIdentity: staffProcedure('identity.reveal')
      .input(revealIdentityInputSchema)
      .use(requireStepUp('identity.reveal'))
      .mutation(({ ctx, input }) => revealIdentity(ctx, input)),
    ...referralFollowUpProcedures,
  }),
  logReview: logReviewRouter,
  retention: retentionRouter,
  directory: directoryRouter,
  notification: notificationRouter('staff'),
  accessibilityReport: router({
    /** Public: anyone may report a problem, signed in or not (rate-limited). */
    submit: publicProcedure
      .input(accessibilityReportInputSchema)
      .mutation(({ ctx, input }) => submitAccessibilityReport(ctx, 'staff', input)),
    list: staffProcedure('accessibilityReport.list').query(({ ctx }) => listAccessibilityReports(ctx)),
    markHandled: staffProcedure('accessibilityReport.handle')
      .input(accessibilityReportHandleSchema)
      .mutation(({ ctx, input }) => markAccessibilityReportHandledBy(ctx, input)),
  }),
  ...caseRouters,
  ...supportRouters,
  ...consentRouters,
  ...policeAssessmentRouters,
  ...transferRouters,
});

export type StaffRouter = typeof staffRouter;
