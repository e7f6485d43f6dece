export * from './users.ts';
export * from './sessions.ts';
export * from './audit.ts';
export * from './organisations.ts';
export * from './referrals.ts';
export * from './cases.ts';
export * from './tenant.ts';
export * from './audit-chain.ts';
