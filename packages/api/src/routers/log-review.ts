// Log review (loggkontroll) for unit managers, mounted in the staff router.
import { accessLogQuerySchema, logReviewSignOffSchema } from '@utvag/domain';
import { listAccessLogForReview, signOffLogReview } from '../log-review/access-log.ts';
import { router, staffProcedure } from '../trpc.ts';

export const logReviewRouter = router({
  list: staffProcedure('logReview.read')
    .input(accessLogQuerySchema)
    .query(({ ctx, input }) => listAccessLogForReview(ctx, input)),
  signOff: staffProcedure('logReview.signOff')
    .input(logReviewSignOffSchema)
    .mutation(({ ctx, input }) => signOffLogReview(ctx, input)),
});
