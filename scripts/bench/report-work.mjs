// The half-year report (issue 8) in the benchmark: a unit manager of the largest municipality asks for the last
// completed half-year through the staff portal's tRPC endpoint, as the dashboard does. Since issue 9 a completed
// half-year is served from stored figures, so the benchmark first runs the nightly figures job itself (the same
// function `npm run jobs` schedules) and prints how long it took. Then three figures: the HTTP rows in the
// benchmark's table (the stored path, what a manager normally waits for), and one request after the other
// (`timeReport`: median and max) both for the stored path and for the live computation (the municipality's stored
// figures deleted before each request, so the period and all eight half-years of trends are counted live: what
// the first request of a half-year costs, or any request after a failed night).
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { importTs } from '../lib/common.mjs';

/** The last half-year that has ended (Swedish calendar; close enough in UTC for a benchmark's choice). */
export function lastCompletedHalfYear(now = new Date()) {
  const year = now.getUTCFullYear();
  return now.getUTCMonth() < 6 ? `${year - 1}-H2` : `${year}-H1`;
}

/**
 * Adds a unit manager to the bench database (the generator makes none) with the intake user's password hash, logs
 * it in, marks the session's second factor as done (the benchmark stands in for the authenticator app) and returns
 * the report's HTTP target and its timing.
 */
export async function reportScenario({ sql, url, staff, logIn, intakeEmail, managerEmail }) {
  await sql`
    insert into app_user (email, name, password_hash, kind, role, municipality_id, unit_id)
    select ${managerEmail}, 'Bänk Enhetschef', password_hash, 'staff', 'unitManager', municipality_id, unit_id
    from app_user where email = ${intakeEmail}
    on conflict (email) do nothing`;
  const token = await logIn(staff, managerEmail);
  const sessionId = createHash('sha256').update(token).digest('hex');
  await sql`update session set mfa_verified_at = now() where id = ${sessionId} and mfa_verified_at is null`.catch(() => {});
  const preset = lastCompletedHalfYear();
  const path = `/api/trpc/followUpReport.get?input=${encodeURIComponent(JSON.stringify({ preset }))}`;
  const headers = { cookie: `utvag_session=${token}` };
  const target = { name: `half-year report ${preset}, stored figures (tRPC GET followUpReport.get)`, url: staff.url, pid: staff.pid, path, headers };

  async function once() {
    const started = performance.now();
    const response = await fetch(`${staff.url}${path}`, { headers });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`followUpReport.get: ${response.status} ${body.slice(0, 300)}`);
    return performance.now() - started;
  }

  const [{ municipality_id: municipalityId }] = await sql`select municipality_id from app_user where email = ${managerEmail}`;

  /** The nightly job, in process against the bench database: every municipality's and region's completed half-years. */
  async function runFiguresJob() {
    const { createDatabase } = await importTs('packages/db/src/index.ts');
    const { refreshStoredFigures } = await importTs('packages/api/src/follow-up/figures-job.ts');
    const handle = createDatabase(url, { max: 2 });
    try {
      await sql`delete from follow_up_figures`;
      return await refreshStoredFigures(handle.db, new Date());
    } finally {
      await handle.close();
    }
  }

  async function series(runs, warmups, before = async () => {}) {
    for (let i = 0; i < warmups; i++) {
      await before();
      await once();
    }
    const times = [];
    for (let i = 0; i < runs; i++) {
      await before();
      times.push(await once());
    }
    times.sort((a, b) => a - b);
    return { runs, median_ms: Number(times[Math.floor(runs / 2)].toFixed(1)), max_ms: Number(times.at(-1).toFixed(1)) };
  }

  /** Stored (after the job) and live (the municipality's stored figures deleted before each request). */
  async function timeReport(runs = 20, warmups = 3, liveRuns = runs) {
    const stored = await series(runs, warmups);
    const live = await series(liveRuns, 1, () => sql`delete from follow_up_figures where municipality_id = ${municipalityId}`);
    // Leave the store as the job left it (the last live request stored the period again, the rest is gone).
    await runFiguresJob();
    return { preset, ...stored, live };
  }

  return { target, timeReport, runFiguresJob };
}
