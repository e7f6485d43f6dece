// The case list and the case view (issue 9) in the benchmark, as the case worker of the largest municipality: the
// generator makes that account responsible for every case of its municipality (scripts/bench/generate.sql.mjs), so
// the whole municipality is on its list. Two HTTP targets through the staff portal's tRPC endpoint:
// - "case list (filter + search)": case.search (a POST: the term is personal data and stays out of URLs) with the
//   filter status open and a name prefix, the prefix varied per request over the generated first and last names;
// - "case list (rare prefix)": the same search with three-letter prefixes that match nobody, the worst case of a
//   list walk (every open case of the municipality); since issue 9 the name indexes answer it without one;
// - "case view": case.get for a random case of the municipality, each read audited.
import { createHash } from 'node:crypto';
import { firstNames, lastNames } from './generate.sql.mjs';

/** Three-letter prefixes, lower case and without accents (the search folds them), of every generated name. */
export const searchPrefixes = [...firstNames, ...lastNames].map((n) => n.slice(0, 3).toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''));

/** Three-letter prefixes of no generated name (checked below): a search that matches nobody. */
export const rarePrefixes = ['zqx', 'qyw', 'xjv', 'bzq', 'ökq'].filter((p) => !searchPrefixes.some((s) => s.startsWith(p)));

export async function caseScenario({ sql, staff, logIn, caseWorkerEmail, municipalityId }) {
  const token = await logIn(staff, caseWorkerEmail);
  // The benchmark stands in for the authenticator app, as for the intake account.
  const sessionId = createHash('sha256').update(token).digest('hex');
  await sql`update session set mfa_verified_at = now() where id = ${sessionId} and mfa_verified_at is null`.catch(() => {});
  const headers = { cookie: `utvag_session=${token}` };
  const caseIds = (await sql`select id from "case" where municipality_id = ${municipalityId} order by random() limit 2000`).map((r) => r.id);
  if (caseIds.length === 0) throw new Error('the bench database has no case in the largest municipality');

  let searched = 0;
  const searchBody = () => JSON.stringify({ status: 'open', q: searchPrefixes[searched++ % searchPrefixes.length], limit: 50 });
  let rareSearched = 0;
  const rareBody = () => JSON.stringify({ status: 'open', q: rarePrefixes[rareSearched++ % rarePrefixes.length], limit: 50 });
  let viewed = 0;
  const viewPath = () => `/api/trpc/case.get?input=${encodeURIComponent(JSON.stringify({ caseId: caseIds[viewed++ % caseIds.length] }))}`;

  return [
    {
      name: 'case list (filter + search) (tRPC POST case.search; audited)',
      url: staff.url,
      pid: staff.pid,
      method: 'POST',
      path: '/api/trpc/case.search',
      headers: { ...headers, 'content-type': 'application/json' },
      body: searchBody,
      setupRequest: (req) => ({ ...req, body: searchBody() }),
    },
    {
      name: 'case list (rare prefix) (tRPC POST case.search; audited)',
      url: staff.url,
      pid: staff.pid,
      method: 'POST',
      path: '/api/trpc/case.search',
      headers: { ...headers, 'content-type': 'application/json' },
      body: rareBody,
      setupRequest: (req) => ({ ...req, body: rareBody() }),
    },
    {
      name: 'case view (tRPC GET case.get; audited)',
      url: staff.url,
      pid: staff.pid,
      path: viewPath(),
      headers,
      setupRequest: (req) => ({ ...req, path: viewPath() }),
    },
  ];
}
