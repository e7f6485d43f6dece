// Transfer between municipalities (issue 6 item 9), mounted into the staff router with one spread. Each procedure
// names one action (permissions.ts); the sender's side passes the case's need-to-know check (cases/access.ts).
import { caseIdSchema, transferDeclineInputSchema, transferIdSchema, transferOfferInputSchema, transferRefSchema } from '@utvag/domain';
import { acceptIncoming, declineIncoming, getIncoming, listIncoming, offerTransfer, transfersOfCase, withdrawOffer } from '../transfer/transfer.ts';
import { router, staffProcedure } from '../trpc.ts';

export const transferRouters = {
  transfer: router({
    forCase: staffProcedure('transfer.readForCase')
      .input(caseIdSchema)
      .query(({ ctx, input }) => transfersOfCase(ctx, input)),
    offer: staffProcedure('transfer.offer')
      .input(transferOfferInputSchema)
      .mutation(({ ctx, input }) => offerTransfer(ctx, input)),
    withdraw: staffProcedure('transfer.withdraw')
      .input(transferRefSchema)
      .mutation(({ ctx, input }) => withdrawOffer(ctx, input)),
    listIncoming: staffProcedure('transfer.listIncoming').query(({ ctx }) => listIncoming(ctx)),
    get: staffProcedure('transfer.read')
      .input(transferIdSchema)
      .query(({ ctx, input }) => getIncoming(ctx, input)),
    accept: staffProcedure('transfer.accept')
      .input(transferRefSchema)
      .mutation(({ ctx, input }) => acceptIncoming(ctx, input)),
    decline: staffProcedure('transfer.decline')
      .input(transferDeclineInputSchema)
      .mutation(({ ctx, input }) => declineIncoming(ctx, input)),
  }),
};
