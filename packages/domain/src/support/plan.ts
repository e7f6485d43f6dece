// The coordinated plan (SIP-like, issue 7 item 5): goals, actions with the responsible actor, dates and
// status, and the person's own words. A plan is never edited in place: every change saves a new version, so
// what was agreed at each point stays readable (the documentation rule of DOMAIN.md §10 applied to plans).
import { dayNumber } from './days.ts';

export const planActors = [
  'socialServices',
  'police',
  'probationService',
  'school',
  'healthCare',
  'employmentService',
  'civilSociety',
  /** The person's own part of the plan. */
  'person',
] as const;
export type PlanActor = (typeof planActors)[number];

export const planGoalStatuses = ['active', 'achieved', 'abandoned'] as const;
export type PlanGoalStatus = (typeof planGoalStatuses)[number];

export const planActionStatuses = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export type PlanActionStatus = (typeof planActionStatuses)[number];

export interface PlanGoal {
  id: string;
  text: string;
  status: PlanGoalStatus;
}

export interface PlanAction {
  id: string;
  goalId: string | null;
  text: string;
  actor: PlanActor;
  startDate: string | null;
  dueDate: string | null;
  status: PlanActionStatus;
  /** Set when a network meeting decided the action. */
  meetingId: string | null;
}

export interface PlanContent {
  goals: PlanGoal[];
  actions: PlanAction[];
  /** The person's own words about their situation and goals, as they said them. */
  personsOwnWords: string | null;
}

export const emptyPlan: PlanContent = { goals: [], actions: [], personsOwnWords: null };

/** An action is overdue when its due date has passed and it is neither done nor cancelled. */
export function isActionOverdue(action: PlanAction, today: string): boolean {
  return action.dueDate !== null && action.status !== 'done' && action.status !== 'cancelled' && dayNumber(action.dueDate) < dayNumber(today);
}

/** Plan changes, each producing the next version's content from the current one. */
export type PlanChange =
  | { kind: 'addGoal'; goal: PlanGoal }
  | { kind: 'setGoalStatus'; goalId: string; status: PlanGoalStatus }
  | { kind: 'addAction'; action: PlanAction }
  | { kind: 'setActionStatus'; actionId: string; status: PlanActionStatus }
  | { kind: 'setPersonsOwnWords'; text: string | null };

/** Applies a change; null when it names a goal or action the plan does not have. */
export function applyPlanChange(plan: PlanContent, change: PlanChange): PlanContent | null {
  switch (change.kind) {
    case 'addGoal':
      return { ...plan, goals: [...plan.goals, change.goal] };
    case 'setGoalStatus':
      if (!plan.goals.some((g) => g.id === change.goalId)) return null;
      return { ...plan, goals: plan.goals.map((g) => (g.id === change.goalId ? { ...g, status: change.status } : g)) };
    case 'addAction':
      if (change.action.goalId !== null && !plan.goals.some((g) => g.id === change.action.goalId)) return null;
      return { ...plan, actions: [...plan.actions, change.action] };
    case 'setActionStatus':
      if (!plan.actions.some((a) => a.id === change.actionId)) return null;
      return { ...plan, actions: plan.actions.map((a) => (a.id === change.actionId ? { ...a, status: change.status } : a)) };
    case 'setPersonsOwnWords':
      return { ...plan, personsOwnWords: change.text };
  }
}
