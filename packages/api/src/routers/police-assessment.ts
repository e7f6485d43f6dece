// Police assessment procedures (issue 6 item 3), mounted into the staff router and the partner router with one
// spread each. Each names one action (permissions.ts); case data goes through cases/access.ts.
import {
  assessmentAnswerInputSchema,
  assessmentRequestIdSchema,
  assessmentRequestInputSchema,
  assessmentWithdrawInputSchema,
  byCaseSchema,
} from '@utvag/domain';
import {
  answerRequest,
  getOrganisationRequest,
  listCaseAssessments,
  listOrganisationRequests,
  requestAssessment,
  withdrawAssessmentRequest,
} from '../police-assessment/assessments.ts';
import { partnerProcedure, router, staffProcedure } from '../trpc.ts';

export const policeAssessmentRouters = {
  policeAssessment: router({
    list: staffProcedure('policeAssessment.read')
      .input(byCaseSchema)
      .query(({ ctx, input }) => listCaseAssessments(ctx, input)),
    request: staffProcedure('policeAssessment.request')
      .input(assessmentRequestInputSchema)
      .mutation(({ ctx, input }) => requestAssessment(ctx, input)),
    withdraw: staffProcedure('policeAssessment.withdraw')
      .input(assessmentWithdrawInputSchema)
      .mutation(({ ctx, input }) => withdrawAssessmentRequest(ctx, input)),
  }),
};

export const partnerPoliceAssessmentRouters = {
  assessmentRequest: router({
    list: partnerProcedure('assessmentRequest.read').query(({ ctx }) => listOrganisationRequests(ctx)),
    get: partnerProcedure('assessmentRequest.read')
      .input(assessmentRequestIdSchema)
      .query(({ ctx, input }) => getOrganisationRequest(ctx, input)),
    answer: partnerProcedure('assessmentRequest.answer')
      .input(assessmentAnswerInputSchema)
      .mutation(({ ctx, input }) => answerRequest(ctx, input)),
  }),
};
