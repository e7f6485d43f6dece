import { defineConfig } from 'drizzle-kit';

// Migrations are generated (`pnpm --filter @utvag/db generate`) and committed; never `push`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
});
