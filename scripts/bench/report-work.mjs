// The half-year report (issue 8) in the benchmark: a unit manager of the largest municipality asks for the last
// completed half-year through the staff portal's tRPC endpoint, as the dashboard does. Two figures: the HTTP rows
// in the benchmark's table (throughput at the measured connection counts), and the report's own time, one
// request after the other (`timeReport`: median and max of 20 after 3 warm-ups), which is what a manager waits.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';

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
export async function reportScenario({ sql, staff, logIn, intakeEmail, managerEmail }) {
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
  const target = { name: `half-year report ${preset} (tRPC GET followUpReport.get)`, url: staff.url, pid: staff.pid, path, headers };

  async function once() {
    const started = performance.now();
    const response = await fetch(`${staff.url}${path}`, { headers });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`followUpReport.get: ${response.status} ${body.slice(0, 300)}`);
    return performance.now() - started;
  }

  async function timeReport(runs = 20, warmups = 3) {
    for (let i = 0; i < warmups; i++) await once();
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await once());
    times.sort((a, b) => a - b);
    return { preset, runs, median_ms: Number(times[Math.floor(runs / 2)].toFixed(1)), max_ms: Number(times.at(-1).toFixed(1)) };
  }

  return { target, timeReport };
}
