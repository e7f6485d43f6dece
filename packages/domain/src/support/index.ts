// Support work (issue 7): money, cost models and accrual, budgets, the intervention catalogue, state funding,
// coordinated plans and network meetings.
export * from './money.ts';
export * from './days.ts';
export * from './cost.ts';
export * from './budget.ts';
export * from './catalogue.ts';
export * from './state-funding.ts';
export * from './plan.ts';
export * from './meeting.ts';
export * from './schemas.ts';
