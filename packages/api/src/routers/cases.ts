// The case lifecycle's procedures (issue 6), mounted into the staff router with one spread. Each names one
// action (permissions.ts) and goes through cases/access.ts.
import {
  caseAssignInputSchema,
  caseCloseInputSchema,
  caseDetailsInputSchema,
  caseIdSchema,
  caseListQuerySchema,
  caseSearchInputSchema,
  caseProgrammeInputSchema,
  caseReopenInputSchema,
  commitmentInputSchema,
  decisionDraftInputSchema,
  decisionSignInputSchema,
  eligibilityInputSchema,
  followUpInputSchema,
  journalAmendInputSchema,
  journalEditInputSchema,
  journalSignInputSchema,
  journalWriteInputSchema,
  taskCompleteInputSchema,
} from '@utvag/domain';
import { saveDecisionDraft, signDecision } from '../cases/decisions.ts';
import { recordEligibility } from '../cases/eligibility.ts';
import { completeCaseTask, recordCommitment, recordFollowUp } from '../cases/follow-up.ts';
import { amendJournalEntry, editJournalEntry, signJournalEntry, writeJournalEntry } from '../cases/journal.ts';
import { assignCase, changeProgramme, closeCase, reopenCase, updateCaseDetails } from '../cases/lifecycle.ts';
import { caseAssignmentOptions, getCase, getDecisions, getEligibility, getJournal, getTimeline, listCasesFor, searchCasesFor } from '../cases/read.ts';
import { router, staffProcedure } from '../trpc.ts';

export const caseRouters = {
  case: router({
    list: staffProcedure('case.list')
      .input(caseListQuerySchema)
      .query(({ ctx, input }) => listCasesFor(ctx, input)),
    // A mutation, so the term travels in the POST body: a query's input is in the URL, and the term is personal
    // data (an identity number or a name) that must stay out of URLs, access logs and browser history.
    search: staffProcedure('case.search')
      .input(caseSearchInputSchema)
      .mutation(({ ctx, input }) => searchCasesFor(ctx, input)),
    get: staffProcedure('case.read')
      .input(caseIdSchema)
      .query(({ ctx, input }) => getCase(ctx, input)),
    eligibility: staffProcedure('case.read')
      .input(caseIdSchema)
      .query(({ ctx, input }) => getEligibility(ctx, input)),
    decisions: staffProcedure('case.read')
      .input(caseIdSchema)
      .query(({ ctx, input }) => getDecisions(ctx, input)),
    journal: staffProcedure('case.read')
      .input(caseIdSchema)
      .query(({ ctx, input }) => getJournal(ctx, input)),
    timeline: staffProcedure('case.read')
      .input(caseIdSchema)
      .query(({ ctx, input }) => getTimeline(ctx, input)),
    assignmentOptions: staffProcedure('case.assign')
      .input(caseIdSchema)
      .query(({ ctx, input }) => caseAssignmentOptions(ctx, input)),
    assign: staffProcedure('case.assign')
      .input(caseAssignInputSchema)
      .mutation(({ ctx, input }) => assignCase(ctx, input)),
    updateDetails: staffProcedure('case.edit')
      .input(caseDetailsInputSchema)
      .mutation(({ ctx, input }) => updateCaseDetails(ctx, input)),
    changeProgramme: staffProcedure('case.changeProgramme')
      .input(caseProgrammeInputSchema)
      .mutation(({ ctx, input }) => changeProgramme(ctx, input)),
    close: staffProcedure('case.close')
      .input(caseCloseInputSchema)
      .mutation(({ ctx, input }) => closeCase(ctx, input)),
    reopen: staffProcedure('case.reopen')
      .input(caseReopenInputSchema)
      .mutation(({ ctx, input }) => reopenCase(ctx, input)),
  }),
  eligibility: router({
    record: staffProcedure('eligibility.record')
      .input(eligibilityInputSchema)
      .mutation(({ ctx, input }) => recordEligibility(ctx, input)),
  }),
  decision: router({
    save: staffProcedure('decision.draft')
      .input(decisionDraftInputSchema)
      .mutation(({ ctx, input }) => saveDecisionDraft(ctx, input)),
    sign: staffProcedure('decision.sign')
      .input(decisionSignInputSchema)
      .mutation(({ ctx, input }) => signDecision(ctx, input)),
  }),
  journal: router({
    write: staffProcedure('journal.write')
      .input(journalWriteInputSchema)
      .mutation(({ ctx, input }) => writeJournalEntry(ctx, input)),
    edit: staffProcedure('journal.write')
      .input(journalEditInputSchema)
      .mutation(({ ctx, input }) => editJournalEntry(ctx, input)),
    sign: staffProcedure('journal.sign')
      .input(journalSignInputSchema)
      .mutation(({ ctx, input }) => signJournalEntry(ctx, input)),
    amend: staffProcedure('journal.write')
      .input(journalAmendInputSchema)
      .mutation(({ ctx, input }) => amendJournalEntry(ctx, input)),
  }),
  commitment: router({
    record: staffProcedure('commitment.record')
      .input(commitmentInputSchema)
      .mutation(({ ctx, input }) => recordCommitment(ctx, input)),
  }),
  followUp: router({
    record: staffProcedure('followUp.record')
      .input(followUpInputSchema)
      .mutation(({ ctx, input }) => recordFollowUp(ctx, input)),
  }),
  task: router({
    complete: staffProcedure('task.complete')
      .input(taskCompleteInputSchema)
      .mutation(({ ctx, input }) => completeCaseTask(ctx, input)),
  }),
};
