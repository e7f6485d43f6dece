// Staff procedures on a referral after intake (issue 5): clock events, assignment, person matching, the
// directory of units and staff. Mounted into the staff router's `referral` namespace and beside it.
import { assignInputSchema, clockEventInputSchema, linkPersonInputSchema, rejectMatchInputSchema } from '@utvag/domain';
import { z } from 'zod';
import { assignReferral } from '../intake/assign-referral.ts';
import { readDirectory } from '../intake/directory.ts';
import { linkPerson, listPersonMatches, rejectMatch } from '../intake/person-matches.ts';
import { recordClockEvent } from '../intake/record-clock-event.ts';
import { router, staffProcedure } from '../trpc.ts';

const byId = z.object({ id: z.uuid({ error: 'validation.invalidUuid' }) });

export const referralFollowUpProcedures = {
  recordClockEvent: staffProcedure('referral.recordClockEvent')
    .input(clockEventInputSchema)
    .mutation(({ ctx, input }) => recordClockEvent(ctx, input)),
  assign: staffProcedure('referral.assign')
    .input(assignInputSchema)
    .mutation(({ ctx, input }) => assignReferral(ctx, input)),
  matches: staffProcedure('person.match')
    .input(byId)
    .query(({ ctx, input }) => listPersonMatches(ctx, input)),
  linkPerson: staffProcedure('referral.linkPerson')
    .input(linkPersonInputSchema)
    .mutation(({ ctx, input }) => linkPerson(ctx, input)),
  rejectMatch: staffProcedure('referral.rejectMatch')
    .input(rejectMatchInputSchema)
    .mutation(({ ctx, input }) => rejectMatch(ctx, input)),
};

export const directoryRouter = router({
  list: staffProcedure('directory.read').query(({ ctx }) => readDirectory(ctx)),
});
