// Consent and disclosure procedures (issue 6 item 4), mounted into the staff router with one spread. Each names
// one action (permissions.ts); case data goes through cases/access.ts.
import { consentInputSchema, consentRevokeInputSchema, disclosureInputSchema, uuidSchema } from '@utvag/domain';
import { z } from 'zod';
import { listCaseConsents, listCaseDisclosures, recordCaseDisclosure, recordConsent, revokeCaseConsent } from '../consent/register.ts';
import { router, staffProcedure } from '../trpc.ts';

const byCase = z.object({ caseId: uuidSchema });

export const consentRouters = {
  consent: router({
    list: staffProcedure('consent.read')
      .input(byCase)
      .query(({ ctx, input }) => listCaseConsents(ctx, input)),
    record: staffProcedure('consent.record')
      .input(consentInputSchema)
      .mutation(({ ctx, input }) => recordConsent(ctx, input)),
    revoke: staffProcedure('consent.revoke')
      .input(consentRevokeInputSchema)
      .mutation(({ ctx, input }) => revokeCaseConsent(ctx, input)),
  }),
  disclosure: router({
    list: staffProcedure('disclosure.read')
      .input(byCase)
      .query(({ ctx, input }) => listCaseDisclosures(ctx, input)),
    record: staffProcedure('disclosure.record')
      .input(disclosureInputSchema)
      .mutation(({ ctx, input }) => recordCaseDisclosure(ctx, input)),
  }),
};
