// Retention (gallring) for unit managers, mounted in the staff router.
import { z } from 'zod';
import { approveRetentionRun, proposeRetentionRunNow, retentionReport } from '../retention/runs.ts';
import { router, staffProcedure } from '../trpc.ts';

export const retentionRouter = router({
  report: staffProcedure('retention.read').query(({ ctx }) => retentionReport(ctx)),
  propose: staffProcedure('retention.approve').mutation(({ ctx }) => proposeRetentionRunNow(ctx)),
  approve: staffProcedure('retention.approve')
    .input(z.object({ id: z.uuid({ error: 'validation.invalidUuid' }) }))
    .mutation(({ ctx, input }) => approveRetentionRun(ctx, input)),
});
