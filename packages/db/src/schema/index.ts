export * from './enums.ts';
export * from './organisation.ts';
export * from './user.ts';
export * from './referral.ts';
export * from './case.ts';
export * from './audit.ts';
export * from './rate-limit.ts';
export * from './mfa.ts';
