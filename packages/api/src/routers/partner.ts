// The partner portal's router: the only one it mounts (at /api/trpc). Partners reach their own
// organisation's submissions and nothing else.
import { listQuerySchema, policeReferralInputSchema } from '@utvag/domain';
import { z } from 'zod';
import { getSubmission, listSubmissions } from '../referrals/list-submissions.ts';
import { submitReferral } from '../referrals/submit-referral.ts';
import { partnerProcedure, router } from '../trpc.ts';
import { accountRouter } from './account.ts';

const byId = z.object({ id: z.uuid({ error: 'validation.invalidUuid' }) });

export const partnerRouter = router({
  account: accountRouter('partner'),
  referral: router({
    submit: partnerProcedure('referral.submit')
      .input(policeReferralInputSchema)
      .mutation(({ ctx, input }) => submitReferral(ctx, input)),
  }),
  submission: router({
    list: partnerProcedure('submission.list')
      .input(listQuerySchema)
      .query(({ ctx, input }) => listSubmissions(ctx, input)),
    get: partnerProcedure('submission.read')
      .input(byId)
      .query(({ ctx, input }) => getSubmission(ctx, input)),
  }),
});

export type PartnerRouter = typeof partnerRouter;
