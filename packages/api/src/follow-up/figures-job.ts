// The nightly figures job (issue 9): computes and stores the report's figures of completed half-years for every
// municipality and every region, so a manager's report is read from the store instead of computed over every
// case (packages/domain report-freshness.ts says when stored figures are fresh). Each night it recomputes the
// last two completed half-years (late corrections show within a day) and fills in any other completed half-year
// of the trends' eight that is missing or was stored before it had settled. Aggregates only; each scope in its
// own transaction under row-level security (a municipality as itself, a region as the regional role).
import {
  inRegionalTransaction,
  inTenantTransaction,
  listMunicipalityIds,
  listRegionIds,
  readStoredFigures,
  regionMunicipalities,
  type Database,
  type Tx,
} from '@utvag/db';
import { completedTrendHalfYears, halfYearsRefreshedNightly, storedFiguresAreFresh, type ReportPeriod } from '@utvag/domain';
import { startNightlyJob } from '../nightly-job.ts';
import { refreshFigures, type FiguresSource } from './report.ts';

export const figuresQueue = 'follow-up-figures';
/** 03:00 Swedish time: after the day's work, before the morning; the page then says "Beräknad … 03:00". */
export const figuresSchedule = '0 3 * * *';
const systemUser = '00000000-0000-0000-0000-000000000000';

export interface FiguresRun {
  /** Scope × half-year figures computed and stored in this run. */
  computed: number;
  scopes: number;
  ms: number;
}

/** The half-years a scope needs computed now: the nightly ones always, the others when missing or stale. */
async function dueHalfYears(tx: Tx, source: FiguresSource, now: Date): Promise<ReportPeriod[]> {
  const nightly = halfYearsRefreshedNightly(now);
  const others = completedTrendHalfYears(now).filter((h) => !nightly.some((n) => n.from === h.from && n.to === h.to));
  const stored = await readStoredFigures(tx, source.store, others);
  const stale = others.filter((h) => !stored.some((r) => r.from === h.from && r.to === h.to && storedFiguresAreFresh(h, r.computedAt, now)));
  return [...nightly, ...stale];
}

async function refreshScope(tx: Tx, source: FiguresSource, now: Date): Promise<number> {
  const due = await dueHalfYears(tx, source, now);
  for (const period of due) await refreshFigures(tx, source, { from: period.from, to: period.to }, now);
  return due.length;
}

/** The job: every municipality, then every region (its sums over the municipalities sharing with it). */
export async function refreshStoredFigures(db: Database, now = new Date()): Promise<FiguresRun> {
  const started = performance.now();
  let computed = 0;
  let scopes = 0;
  for (const municipalityId of await listMunicipalityIds(db)) {
    const tenant = { municipalityId, organisationId: null, userId: systemUser, role: 'system' };
    const source = { municipalityIds: [municipalityId], store: { municipalityId } };
    computed += await inTenantTransaction(db, tenant, (tx) => refreshScope(tx, source, now));
    scopes++;
  }
  for (const regionId of await listRegionIds(db)) {
    computed += await inRegionalTransaction(db, { regionId, userId: systemUser, role: 'system' }, async (tx) => {
      const members = await regionMunicipalities(tx, regionId);
      return refreshScope(tx, { municipalityIds: members.map((m) => m.id), store: { regionId }, regionId }, now);
    });
    scopes++;
  }
  return { computed, scopes, ms: Math.round(performance.now() - started) };
}

export function startFollowUpFigureJobs(opts: { connectionString: string; db: Database; schedule?: boolean }) {
  const work = () => refreshStoredFigures(opts.db, new Date());
  return startNightlyJob({ ...opts, queue: figuresQueue, cron: figuresSchedule, work });
}
