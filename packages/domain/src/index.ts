// Public API of @utvag/domain: pure rules and data, no I/O.
export * from './dates.ts';
export * from './identity.ts';
export * from './programmes.ts';
export * from './age-bands.ts';
export * from './definitions.ts';
export * from './criteria.ts';
export * from './eligibility.ts';
export * from './roles.ts';
export * from './referral.ts';
export * from './schemas.ts';
export * from './working-days.ts';
export * from './clocks.ts';
export * from './intake.ts';
export * from './intake-schemas.ts';
export * from './accessibility-report.ts';
