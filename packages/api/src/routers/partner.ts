// The partner portal's router: the only one it mounts (at /api/trpc). Partners reach their own
// organisation's submissions and nothing else.
import {
  accessibilityReportInputSchema,
  concernReportInputSchema,
  draftInputSchema,
  draftKeySchema,
  listQuerySchema,
  policeReferralInputSchema,
  probationReferralInputSchema,
} from '@utvag/domain';
import { z } from 'zod';
import { submitAccessibilityReport } from '../accessibility/reports.ts';
import { getSubmission, listSubmissions } from '../referrals/list-submissions.ts';
import { discardOwnDraft, getOwnDraft, listOwnDrafts, saveOwnDraft } from '../referrals/drafts.ts';
import { submitConcernReport, submitProbationReferral, submitReferral } from '../referrals/submit-referral.ts';
import { partnerProcedure, publicProcedure, router } from '../trpc.ts';
import { accountRouter } from './account.ts';
import { notificationRouter } from './notifications.ts';
import { partnerSupportRouters } from './support.ts';
import { partnerPoliceAssessmentRouters } from './police-assessment.ts';

const byId = z.object({ id: z.uuid({ error: 'validation.invalidUuid' }) });

export const partnerRouter = router({
  account: accountRouter('partner'),
  ...partnerSupportRouters,
  ...partnerPoliceAssessmentRouters,
  referral: router({
    submit: partnerProcedure('referral.submit')
      .input(policeReferralInputSchema)
      .mutation(({ ctx, input }) => submitReferral(ctx, input)),
  }),
  probationReferral: router({
    submit: partnerProcedure('probationReferral.submit')
      .input(probationReferralInputSchema)
      .mutation(({ ctx, input }) => submitProbationReferral(ctx, input)),
  }),
  concernReport: router({
    submit: partnerProcedure('concernReport.submit')
      .input(concernReportInputSchema)
      .mutation(({ ctx, input }) => submitConcernReport(ctx, input)),
  }),
  draft: router({
    save: partnerProcedure('draft.save')
      .input(draftInputSchema)
      .mutation(({ ctx, input }) => saveOwnDraft(ctx, input)),
    get: partnerProcedure('draft.read')
      .input(draftKeySchema)
      .query(({ ctx, input }) => getOwnDraft(ctx, input)),
    list: partnerProcedure('draft.read').query(({ ctx }) => listOwnDrafts(ctx)),
    discard: partnerProcedure('draft.discard')
      .input(draftKeySchema)
      .mutation(({ ctx, input }) => discardOwnDraft(ctx, input)),
  }),
  submission: router({
    list: partnerProcedure('submission.list')
      .input(listQuerySchema)
      .query(({ ctx, input }) => listSubmissions(ctx, input)),
    get: partnerProcedure('submission.read')
      .input(byId)
      .query(({ ctx, input }) => getSubmission(ctx, input)),
  }),
  notification: notificationRouter('partner'),
  accessibilityReport: router({
    /** Public: anyone may report a problem, signed in or not (rate-limited). */
    submit: publicProcedure
      .input(accessibilityReportInputSchema)
      .mutation(({ ctx, input }) => submitAccessibilityReport(ctx, 'partner', input)),
  }),
});

export type PartnerRouter = typeof partnerRouter;
