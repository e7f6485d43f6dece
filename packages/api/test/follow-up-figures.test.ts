// Stored figures of completed half-years (issue 9): the first read of a completed half-year computes and stores
// its figures, later reads are served from the store and equal the live computation; the nightly job fills the
// store for every municipality and region; a unit manager (or the coordinator) can have them recomputed now, and a
// regional account its region's sums; suppression is applied on reading, so a new threshold applies at once.
import { insertCase } from '@utvag/db';
import { createPerson, createReferral, createRegion, setSuppressionThreshold } from '@utvag/db/testing';
import { auditEntry, followUpFigures } from '@utvag/db/schema';
import { roles } from '@utvag/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresQueue, refreshStoredFigures, startFollowUpFigureJobs } from '../src/follow-up/figures-job.ts';
import { isAllowed } from '../src/permissions.ts';
import { codeOf, createWorld, type World } from './harness.ts';

let world: World;
const h1 = { preset: '2026-H1' };

beforeAll(async () => {
  world = await createWorld();
  const m = world.tenant.municipality.id;
  const police = { municipalityId: m, submittedByUserId: world.tenant.users.police.id, sourceOrganisationId: world.tenant.organisations.police.id };
  // Referrals and cases in 2026-H1 and in earlier half-years (the trends), some closed, a few with times.
  const instants = ['2024-03-01T10:00:00Z', '2025-02-01T10:00:00Z', '2025-09-01T10:00:00Z', '2026-01-15T10:00:00Z', '2026-02-02T08:00:00Z', '2026-05-04T10:00:00Z', '2026-06-29T21:30:00Z'];
  for (const [i, at] of instants.entries()) {
    const person = await createPerson(world.t.db, { municipalityId: m, identityNumber: null, gender: i % 2 ? 'woman' : 'man' });
    const receivedAt = new Date(at);
    await createReferral(world.t.db, {
      ...police,
      personId: person.id,
      status: 'caseOpened',
      receivedAt,
      firstContactAt: new Date(receivedAt.getTime() + (i + 1) * 3_600_000),
      triagedAt: new Date(receivedAt.getTime() + (i + 2) * 7_200_000),
    });
    await insertCase(world.t.db, {
      municipalityId: m,
      personId: person.id,
      programme: i % 2 ? 'adultExitProgramme' : 'youthExitProgramme',
      status: i % 3 === 0 ? 'closed' : 'open',
      ageAtStart: 16 + i * 2,
      openedAt: new Date(receivedAt.getTime() + 86_400_000),
      closedAt: i % 3 === 0 ? new Date(receivedAt.getTime() + 40 * 86_400_000) : null,
      closingOutcome: i % 3 === 0 ? 'completed' : null,
    });
  }
  await createRegion(world.t.db, { sharingMunicipalityIds: [m], regionalUserIds: [world.tenant.users.regional.id] });
});
afterAll(() => world.t.drop());

const storedRows = async () => (await world.t.db.select().from(followUpFigures)).length;
const comparable = (r: { tables: unknown; trends: unknown; suppression: unknown }) => ({ tables: r.tables, trends: r.trends, suppression: r.suppression });

describe('stored figures', () => {
  it('computes a completed half-year once, then serves the same figures from the store', async () => {
    const manager = await world.staff('unitManager');
    const live = await manager.followUpReport.get(h1);
    expect(live.figures.stored).toBe(false);
    const stored = await manager.followUpReport.get(h1);
    expect(stored.figures).toEqual({ stored: true, computedAt: live.figures.computedAt });
    expect(comparable(stored)).toEqual(comparable(live));
    // Not empty: the seeded half-year shows in both.
    const flow = stored.tables.find((t) => t.id === 'caseFlow')!;
    expect(flow.rows.find((r) => r.key === 'total')!.cells.initiated).toBe(4);
    // Every read is audited, the stored ones too.
    const reads = await world.t.db.select().from(auditEntry).where(eq(auditEntry.action, 'followUpReport.read'));
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('always computes the open half-year, a year and a custom period live, and stores none of them', async () => {
    const manager = await world.staff('unitManager');
    const before = await storedRows();
    for (const query of [{ preset: '2026-H2' }, { preset: '2026' }, { from: '2026-01-01', to: '2026-03-31' }]) {
      const first = await manager.followUpReport.get(query);
      const second = await manager.followUpReport.get(query);
      expect([first.figures.stored, second.figures.stored]).toEqual([false, false]);
    }
    expect(await storedRows()).toBe(before);
  });

  it('applies a new suppression threshold to stored figures at once', async () => {
    const m = world.tenant.municipality.id;
    const manager = await world.staff('unitManager');
    const before = await manager.followUpReport.get(h1);
    expect(before.suppression.threshold).toBe(5);
    await setSuppressionThreshold(world.t.db, m, 9);
    const after = await manager.followUpReport.get(h1);
    expect(after.figures.stored).toBe(true);
    expect(after.suppression.threshold).toBe(9);
    await setSuppressionThreshold(world.t.db, m, 5);
  });
});

describe('the nightly job', () => {
  it('stores every completed half-year of the trends per municipality and region, then refreshes the last two', async () => {
    await world.t.db.delete(followUpFigures);
    const now = new Date();
    const first = await refreshStoredFigures(world.t.db, now);
    // Two municipalities and one region, seven completed half-years each among the trends' eight.
    expect(first.scopes).toBe(3);
    expect(first.computed).toBe(21);
    expect(await storedRows()).toBe(21);
    const again = await refreshStoredFigures(world.t.db, now);
    expect(again.computed).toBe(6);
    // The region's row is the region's own (its sums), read through the regional view from the store.
    const region = await (await world.staff('regional')).followUpReport.regional(h1);
    expect(region.figures.stored).toBe(true);
    const regionalRows = await world.t.db.select().from(followUpFigures).where(sql`${followUpFigures.regionId} is not null`);
    expect(regionalRows).toHaveLength(7);
  });

  it('runs as a pg-boss job on its queue', async () => {
    await world.t.db.delete(followUpFigures);
    const boss = await startFollowUpFigureJobs({ connectionString: world.t.url, db: world.t.db, schedule: false });
    try {
      const jobId = await boss.send(figuresQueue, {});
      let state: string | undefined;
      for (let i = 0; i < 150 && state !== 'completed'; i++) {
        state = (await boss.getJobById(figuresQueue, jobId!))?.state;
        if (state === 'failed') throw new Error('the figures job failed');
        if (state !== 'completed') await new Promise((r) => setTimeout(r, 200));
      }
      expect(state).toBe('completed');
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect(await storedRows()).toBe(21);
  });

  it('gives the same report from the job’s figures as computed live', async () => {
    const manager = await world.staff('unitManager');
    await world.t.db.delete(followUpFigures);
    const live = await manager.followUpReport.get(h1);
    expect(live.figures.stored).toBe(false);
    await refreshStoredFigures(world.t.db, new Date());
    const fromJob = await manager.followUpReport.get(h1);
    expect(fromJob.figures.stored).toBe(true);
    expect(comparable(fromJob)).toEqual(comparable(live));
  });
});

describe('recompute', () => {
  it('recomputes a completed half-year for the roles that may read the report, audited', async () => {
    for (const role of ['unitManager', 'coordinator'] as const) {
      const caller = await world.staff(role);
      const before = await caller.followUpReport.get(h1);
      const { computedAt } = await caller.followUpReport.recompute(h1);
      expect(Date.parse(computedAt)).toBeGreaterThanOrEqual(Date.parse(before.figures.computedAt));
      const after = await caller.followUpReport.get(h1);
      expect(after.figures).toEqual({ stored: true, computedAt });
    }
    const entries = await world.t.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.action, 'followUpReport.recompute'), eq(auditEntry.municipalityId, world.tenant.municipality.id)));
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.every((e) => e.recordType === 'followUpReport' && e.recordId === null)).toBe(true);
  });

  it('refuses every role that may not read the report, and anyone signed out', async () => {
    for (const role of roles.filter((r) => !isAllowed(r, 'followUpReport.read'))) {
      expect(await codeOf(async () => (await world.staff(role)).followUpReport.recompute(h1)), role).toBe('FORBIDDEN');
    }
    expect(await codeOf(async () => (await world.staff(null)).followUpReport.recompute(h1))).toBe('UNAUTHORIZED');
  });

  it('refuses bad input: a year, a range, nonsense, and the open half-year (nothing stored to recompute)', async () => {
    const manager = await world.staff('unitManager');
    for (const input of [{ preset: '2026' }, { preset: 'H1' }, { preset: '1800-H1' }, {}, { from: '2026-01-01', to: '2026-06-30' }]) {
      expect(await codeOf(() => manager.followUpReport.recompute(input as never)), JSON.stringify(input)).toBe('BAD_REQUEST');
    }
    expect(await codeOf(() => manager.followUpReport.recompute({ preset: '2026-H2' }))).toBe('BAD_REQUEST');
  });
});

describe('regional recompute', () => {
  const regionalRows = () => world.t.db.select().from(followUpFigures).where(sql`${followUpFigures.regionId} is not null`);

  it('recomputes the region’s stored sums of a completed half-year, audited, and the view then serves them', async () => {
    const regional = await world.staff('regional');
    const before = await regional.followUpReport.regional(h1);
    const municipalityRows = async () =>
      (await world.t.db.select().from(followUpFigures).where(sql`${followUpFigures.municipalityId} is not null`)).map((r) => [r.id, r.computedAt.toISOString()]);
    const municipalitiesBefore = await municipalityRows();
    const { computedAt } = await regional.followUpReport.regionalRecompute(h1);
    expect(Date.parse(computedAt)).toBeGreaterThanOrEqual(Date.parse(before.figures.computedAt));
    const after = await regional.followUpReport.regional(h1);
    expect(after.figures).toEqual({ stored: true, computedAt });
    expect(comparable(after)).toEqual(comparable(before));
    // Only the region's own row of that half-year was written; no municipality's stored figures were touched.
    const rows = (await regionalRows()).filter((r) => r.periodFrom === '2026-01-01');
    expect(rows.map((r) => r.computedAt.toISOString())).toEqual([computedAt]);
    expect(await municipalityRows()).toEqual(municipalitiesBefore);
    const entries = await world.t.db.select().from(auditEntry).where(eq(auditEntry.action, 'regionalReport.recompute'));
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries.every((e) => e.recordType === 'regionalFollowUpReport' && e.userId === world.tenant.users.regional.id && e.subjectIds === null)).toBe(true);
  });

  it('refuses every other role, and anyone signed out', async () => {
    for (const role of roles.filter((r) => r !== 'regional')) {
      expect(await codeOf(async () => (await world.staff(role)).followUpReport.regionalRecompute(h1)), role).toBe('FORBIDDEN');
    }
    expect(await codeOf(async () => (await world.staff(null)).followUpReport.regionalRecompute(h1))).toBe('UNAUTHORIZED');
    const denied = await world.t.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.action, 'regionalReport.recompute'), eq(auditEntry.outcome, 'denied')));
    expect(denied.length).toBeGreaterThan(0);
  });

  it('refuses bad input: a year, a range, nonsense, and a half-year that has not ended', async () => {
    const regional = await world.staff('regional');
    const before = (await regionalRows()).map((r) => r.computedAt.toISOString()).sort();
    for (const input of [{ preset: '2026' }, { preset: 'H1' }, { preset: '1800-H1' }, {}, { preset: 42 }, { from: '2026-01-01', to: '2026-06-30' }]) {
      expect(await codeOf(() => regional.followUpReport.regionalRecompute(input as never)), JSON.stringify(input)).toBe('BAD_REQUEST');
    }
    // The open half-year (the test runs in it) has nothing stored to recompute.
    expect(await codeOf(() => regional.followUpReport.regionalRecompute({ preset: '2026-H2' }))).toBe('BAD_REQUEST');
    expect((await regionalRows()).map((r) => r.computedAt.toISOString()).sort()).toEqual(before);
  });
});
