// The staff portal's router: the only one it mounts (at /api/trpc).
import {
  accessibilityReportHandleSchema,
  accessibilityReportInputSchema,
  inboxQuerySchema,
  staffIntakeInputSchema,
  triageDecisionInputSchema,
} from '@utvag/domain';
import { z } from 'zod';
import {
  listAccessibilityReports,
  markAccessibilityReportHandledBy,
  submitAccessibilityReport,
} from '../accessibility/reports.ts';
import { getReferral } from '../referrals/get-referral.ts';
import { listInbox } from '../referrals/list-inbox.ts';
import { registerStaffIntake } from '../referrals/submit-referral.ts';
import { triageReferral } from '../referrals/triage-referral.ts';
import { publicProcedure, router, staffProcedure } from '../trpc.ts';
import { accountRouter } from './account.ts';

const byId = z.object({ id: z.uuid({ error: 'validation.invalidUuid' }) });
const triageInput = triageDecisionInputSchema.and(
  z.object({ expectedVersion: z.coerce.number({ error: 'validation.invalid' }).int().positive() }),
);

export const staffRouter = router({
  account: accountRouter('staff'),
  inbox: router({
    list: staffProcedure('inbox.list')
      .input(inboxQuerySchema)
      .query(({ ctx, input }) => listInbox(ctx, input)),
  }),
  intake: router({
    register: staffProcedure('intake.register')
      .input(staffIntakeInputSchema)
      .mutation(({ ctx, input }) => registerStaffIntake(ctx, input)),
  }),
  referral: router({
    get: staffProcedure('referral.read')
      .input(byId)
      .query(({ ctx, input }) => getReferral(ctx, input)),
    triage: staffProcedure('referral.triage')
      .input(triageInput)
      .mutation(({ ctx, input }) => triageReferral(ctx, input)),
  }),
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
});

export type StaffRouter = typeof staffRouter;
