// @utvag/db: the only package that speaks SQL. Schema, migrations, queries, seed.
export * from './client.ts';
export * from './migrate.ts';
export * from './credentials.ts';
export * from './queries/index.ts';
export { loadDemoData, demoAccounts, type DemoAccount } from './seed/demo.ts';
export { createAdministrator } from './seed/admin.ts';
export * as schema from './schema/index.ts';
export * from './rate-limiter.ts';
export * from './readiness.ts';
export * from './backup.ts';
