// Support work's procedures (issue 7), mounted into the staff router with one spread and into the partner
// router with another. Each names one action (permissions.ts); case data goes through cases/access.ts.
import {
  agendaItemInputSchema,
  attendanceInputSchema,
  budgetInputSchema,
  budgetQuerySchema,
  byCaseSchema,
  costStatementQuerySchema,
  interventionInputSchema,
  interventionTypeInputSchema,
  interventionUpdateSchema,
  meetingDecisionInputSchema,
  meetingInviteInputSchema,
  meetingStatusInputSchema,
  networkMeetingInputSchema,
  planActionInputSchema,
  planActionStatusInputSchema,
  planGoalInputSchema,
  planGoalStatusInputSchema,
  planOwnWordsInputSchema,
  providerInputSchema,
  stateFundingInputSchema,

} from '@utvag/domain';
import { z } from 'zod';
import { budgetOverview, setBudget } from '../support/budget.ts';
import { addInterventionType, addProvider, getCatalogue } from '../support/catalogue.ts';
import { listMyInvitations } from '../support/invitations.ts';
import { addIntervention, changeIntervention, listCaseInterventions } from '../support/interventions.ts';
import { addAgendaItem, inviteToMeeting, listCaseMeetings, planMeeting, recordAttendance, recordMeetingDecision, setMeetingStatus } from '../support/meetings.ts';
import { changePlan, getPlan } from '../support/plans.ts';
import { meetingReminders } from '../support/reminders.ts';
import { costStatement, getStateFunding, recordStateFunding } from '../support/state-funding.ts';
import { partnerProcedure, requireStepUp, router, staffProcedure } from '../trpc.ts';

const planQuery = byCaseSchema.extend({
  version: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).positive({ error: 'validation.invalid' }).max(2_147_483_647, { error: 'validation.invalid' }).optional()),
});

export const supportRouters = {
  interventionCatalogue: router({
    get: staffProcedure('interventionCatalogue.read').query(({ ctx }) => getCatalogue(ctx)),
    addType: staffProcedure('interventionCatalogue.manage')
      .input(interventionTypeInputSchema)
      .mutation(({ ctx, input }) => addInterventionType(ctx, input)),
    addProvider: staffProcedure('interventionCatalogue.manage')
      .input(providerInputSchema)
      .mutation(({ ctx, input }) => addProvider(ctx, input)),
  }),
  intervention: router({
    list: staffProcedure('intervention.read')
      .input(byCaseSchema)
      .query(({ ctx, input }) => listCaseInterventions(ctx, input)),
    add: staffProcedure('intervention.write')
      .input(interventionInputSchema)
      .mutation(({ ctx, input }) => addIntervention(ctx, input)),
    update: staffProcedure('intervention.write')
      .input(interventionUpdateSchema)
      .mutation(({ ctx, input }) => changeIntervention(ctx, input)),
  }),
  budget: router({
    overview: staffProcedure('budget.read')
      .input(budgetQuerySchema)
      .query(({ ctx, input }) => budgetOverview(ctx, input)),
    set: staffProcedure('budget.manage')
      .input(budgetInputSchema)
      .mutation(({ ctx, input }) => setBudget(ctx, input)),
  }),
  stateFunding: router({
    get: staffProcedure('stateFunding.read')
      .input(byCaseSchema)
      .query(({ ctx, input }) => getStateFunding(ctx, input)),
    record: staffProcedure('stateFunding.record')
      .input(stateFundingInputSchema)
      .mutation(({ ctx, input }) => recordStateFunding(ctx, input)),
    /** The statement on screen. */
    costStatement: staffProcedure('costStatement.read')
      .input(costStatementQuerySchema)
      .query(({ ctx, input }) => costStatement(ctx, input, 'costStatement.read')),
    /** The statement for a file (PDF/XLSX): person-level, so it needs a fresh step-up; audited as an export. */
    exportCostStatement: staffProcedure('costStatement.export')
      .input(costStatementQuerySchema)
      .use(requireStepUp('costStatement.export'))
      .query(({ ctx, input }) => costStatement(ctx, input, 'costStatement.export')),
  }),
  plan: router({
    get: staffProcedure('plan.read')
      .input(planQuery)
      .query(({ ctx, input }) => getPlan(ctx, input)),
    addGoal: staffProcedure('plan.write')
      .input(planGoalInputSchema)
      .mutation(({ ctx, input }) =>
        changePlan(ctx, input, { kind: 'addGoal', goal: { id: crypto.randomUUID(), text: input.text, status: 'active' } }),
      ),
    setGoalStatus: staffProcedure('plan.write')
      .input(planGoalStatusInputSchema)
      .mutation(({ ctx, input }) => changePlan(ctx, input, { kind: 'setGoalStatus', goalId: input.goalId, status: input.status })),
    addAction: staffProcedure('plan.write')
      .input(planActionInputSchema)
      .mutation(({ ctx, input }) =>
        changePlan(ctx, input, {
          kind: 'addAction',
          action: {
            id: crypto.randomUUID(),
            goalId: input.goalId ?? null,
            text: input.text,
            actor: input.actor,
            startDate: input.startDate ?? null,
            dueDate: input.dueDate ?? null,
            status: 'planned',
            meetingId: null,
          },
        }),
      ),
    setActionStatus: staffProcedure('plan.write')
      .input(planActionStatusInputSchema)
      .mutation(({ ctx, input }) => changePlan(ctx, input, { kind: 'setActionStatus', actionId: input.actionId, status: input.status })),
    setOwnWords: staffProcedure('plan.write')
      .input(planOwnWordsInputSchema)
      .mutation(({ ctx, input }) => changePlan(ctx, input, { kind: 'setPersonsOwnWords', text: input.text ?? null })),
  }),
  networkMeeting: router({
    list: staffProcedure('networkMeeting.read')
      .input(byCaseSchema)
      .query(({ ctx, input }) => listCaseMeetings(ctx, input)),
    plan: staffProcedure('networkMeeting.write')
      .input(networkMeetingInputSchema)
      .mutation(({ ctx, input }) => planMeeting(ctx, input)),
    invite: staffProcedure('networkMeeting.write')
      .input(meetingInviteInputSchema)
      .mutation(({ ctx, input }) => inviteToMeeting(ctx, input)),
    addAgendaItem: staffProcedure('networkMeeting.write')
      .input(agendaItemInputSchema)
      .mutation(({ ctx, input }) => addAgendaItem(ctx, input)),
    setAttendance: staffProcedure('networkMeeting.write')
      .input(attendanceInputSchema)
      .mutation(({ ctx, input }) => recordAttendance(ctx, input)),
    setStatus: staffProcedure('networkMeeting.write')
      .input(meetingStatusInputSchema)
      .mutation(({ ctx, input }) => setMeetingStatus(ctx, input)),
    recordDecision: staffProcedure('networkMeeting.write')
      .input(meetingDecisionInputSchema)
      .mutation(({ ctx, input }) => recordMeetingDecision(ctx, input)),
    reminders: staffProcedure('networkMeeting.reminders').query(({ ctx }) => meetingReminders(ctx)),
  }),
};

export const partnerSupportRouters = {
  meetingInvitation: router({
    list: partnerProcedure('meetingInvitation.list').query(({ ctx }) => listMyInvitations(ctx)),
  }),
};

