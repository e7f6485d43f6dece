// The store of completed half-years' figures (issue 9): stored and replaced per scope and period, read back as
// written, and row-level security: a municipality's transaction sees and writes only its own rows, a region's
// only the region's, another municipality nothing.
import { storedFiguresAreFresh } from '@utvag/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegion, createTenant, createTestDatabase, type Tenant, type TestDatabase } from '../testing/index.ts';
import { inRegionalTransaction } from './follow-up.ts';
import { listRegionIds, readStoredFigures, storeFigures, type StoredFigures } from './follow-up-figures.ts';
import { inTenantTransaction } from './tenant.ts';

let t: TestDatabase;
let a: Tenant;
let b: Tenant;
let regionId: string;
const h1 = { from: '2026-01-01', to: '2026-06-30' };
const h2of2025 = { from: '2025-07-01', to: '2025-12-31' };
const figures = (n: number): StoredFigures => ({
  tables: { caseFlow: [{ row: 'sig', column: 'initiated', value: n }], responseTimes: [{ row: 'firstContact', column: 'medianHours', value: 2.5 }] },
  trend: [{ row: '2026-H1', column: 'received', value: n }],
});

beforeAll(async () => {
  t = await createTestDatabase();
  a = await createTenant(t.db);
  b = await createTenant(t.db);
  regionId = (await createRegion(t.db, { sharingMunicipalityIds: [a.municipality.id], regionalUserIds: [a.users.regional.id] })).id;
});
afterAll(() => t.drop());

const asTenant = <T>(tenant: Tenant, work: Parameters<typeof inTenantTransaction<T>>[2]) =>
  inTenantTransaction(t.db, { municipalityId: tenant.municipality.id, organisationId: null, userId: tenant.users.unitManager.id, role: 'unitManager' }, work);
const asRegion = <T>(work: Parameters<typeof inRegionalTransaction<T>>[2]) =>
  inRegionalTransaction(t.db, { regionId, userId: a.users.regional.id, role: 'regional' }, work);

describe('the figures store', () => {
  it('stores, reads back and replaces a scope’s figures of a period', async () => {
    const scope = { municipalityId: a.municipality.id };
    const first = new Date('2026-07-02T01:00:00Z');
    await asTenant(a, (tx) => storeFigures(tx, scope, h1, figures(3), first));
    expect(await asTenant(a, (tx) => readStoredFigures(tx, scope, [h1]))).toEqual([{ ...h1, figures: figures(3), computedAt: first }]);
    const second = new Date('2026-07-03T01:00:00Z');
    await asTenant(a, (tx) => storeFigures(tx, scope, h1, figures(4), second));
    const read = await asTenant(a, (tx) => readStoredFigures(tx, scope, [h1, h2of2025]));
    expect(read).toEqual([{ ...h1, figures: figures(4), computedAt: second }]);
    // Fresh the day after, not two days after (2026-H1 is refreshed nightly while among the last two).
    expect(storedFiguresAreFresh(h1, read[0]!.computedAt, new Date('2026-07-04T00:00:00Z'))).toBe(true);
    expect(storedFiguresAreFresh(h1, read[0]!.computedAt, new Date('2026-07-05T06:00:00Z'))).toBe(false);
  });

  it('keeps one municipality’s figures from another, and from writing in its name', async () => {
    const scope = { municipalityId: a.municipality.id };
    expect(await asTenant(b, (tx) => readStoredFigures(tx, scope, [h1]))).toEqual([]);
    await expect(asTenant(b, (tx) => storeFigures(tx, scope, h2of2025, figures(1), new Date()))).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/row-level security/) },
    });
  });

  it('gives a region only its own sums, and a municipality never the region’s', async () => {
    const regionScope = { regionId };
    const at = new Date('2026-07-02T01:00:00Z');
    await asRegion((tx) => storeFigures(tx, regionScope, h1, figures(7), at));
    expect(await asRegion((tx) => readStoredFigures(tx, regionScope, [h1]))).toEqual([{ ...h1, figures: figures(7), computedAt: at }]);
    // The regional role reads no municipality's stored rows, even of a sharing one, and a municipality no region's.
    expect(await asRegion((tx) => readStoredFigures(tx, { municipalityId: a.municipality.id }, [h1]))).toEqual([]);
    expect(await asTenant(a, (tx) => readStoredFigures(tx, regionScope, [h1]))).toEqual([]);
    expect(await listRegionIds(t.db)).toContain(regionId);
  });
});
