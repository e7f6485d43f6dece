// Operations endpoints and per-request telemetry of a portal (issue 9): /healthz (liveness), /readyz (database
// reachable, migrations current, not shutting down), /metrics (Prometheus text, prom-client) for the operator
// only, one JSON log line per request, and the 503 answer while the database is away.
//
// Labels and log fields carry route ids (`/hanvisningar/[id]`) and procedure names, never a URL, a query string
// or an id, so no personal data and no unbounded label values reach the logs or the metrics.
import { timingSafeEqual } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import type { AnyRouter } from '@trpc/server';
import type { Readiness } from '@utvag/db';
import client from 'prom-client';
import { isDraining } from './lifecycle.ts';
import type { PortalConfig } from './portal.ts';

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });

// ---------------------------------------------------------------------------------------------------------------
// Metrics: one registry per process (each portal is its own process).

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'utvag_' });
const requests = new client.Counter({
  name: 'utvag_http_requests_total',
  help: 'HTTP requests by route (SvelteKit route id or tRPC procedure), method and status',
  labelNames: ['portal', 'route', 'method', 'status'] as const,
  registers: [registry],
});
const duration = new client.Histogram({
  name: 'utvag_http_request_duration_seconds',
  help: 'HTTP request duration by route (SvelteKit route id or tRPC procedure) and method',
  labelNames: ['portal', 'route', 'method'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
const databaseUp = new client.Gauge({
  name: 'utvag_database_ready',
  help: '1 when the last /readyz found the database reachable and migrated, else 0',
  labelNames: ['portal'] as const,
  registers: [registry],
});

const trpcPrefix = '/api/trpc/';

/**
 * The label for a request: the tRPC procedure for API calls (only names the router really has, so a made-up path
 * cannot add label values), otherwise SvelteKit's route id; `unmatched` for paths no route serves.
 */
export function routeLabel(event: Pick<RequestEvent, 'url' | 'route'>, router: AnyRouter): string {
  const path = event.url.pathname;
  if (path.startsWith(trpcPrefix)) {
    const names = path.slice(trpcPrefix.length).split(',');
    if (names.length > 1) return 'trpc:batch';
    const procedures = (router as { _def?: { procedures?: Record<string, unknown> } })._def?.procedures ?? {};
    return Object.hasOwn(procedures, names[0]!) ? `trpc:${names[0]}` : 'trpc:unknown';
  }
  return event.route.id ?? 'unmatched';
}

export function recordRequest(config: PortalConfig, event: RequestEvent, requestId: string, status: number, startedAt: number) {
  const seconds = (performance.now() - startedAt) / 1000;
  const route = routeLabel(event, config.router);
  const method = event.request.method;
  requests.inc({ portal: config.portal, route, method, status: String(status) });
  duration.observe({ portal: config.portal, route, method }, seconds);
  config.log.info('request', { requestId, route, method, status, durationMs: Math.round(seconds * 10_000) / 10 });
}

// ---------------------------------------------------------------------------------------------------------------
// Who may read /metrics

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * With METRICS_TOKEN set: only `Authorization: Bearer <token>`. Without: only a direct connection from this
 * machine (a loopback peer and no X-Forwarded-For, so a reverse proxy on the same host does not open it up).
 */
export function mayReadMetrics(event: RequestEvent, token: string | undefined): boolean {
  if (token) {
    const header = event.request.headers.get('authorization') ?? '';
    return header.startsWith('Bearer ') && sameSecret(header.slice('Bearer '.length), token);
  }
  let address: string;
  try {
    address = event.getClientAddress();
  } catch {
    return false;
  }
  return loopback.has(address) && !event.request.headers.has('x-forwarded-for');
}

// ---------------------------------------------------------------------------------------------------------------
// The probe endpoints

export const probePaths = ['/healthz', '/readyz', '/metrics'];

/** Answers /healthz, /readyz and /metrics; null for every other path. */
export async function probeResponse(config: PortalConfig, event: RequestEvent): Promise<Response | null> {
  switch (event.url.pathname) {
    case '/healthz':
      // Liveness: the process serves HTTP. No database call, so a database outage never restarts the portals.
      return json({ status: 'ok' }, 200);
    case '/readyz': {
      const readiness: Readiness & { draining?: true } = await config.readiness();
      const ready = readiness.database === 'ok' && readiness.migrations === 'current' && !isDraining();
      databaseUp.set({ portal: config.portal }, readiness.database === 'ok' && readiness.migrations === 'current' ? 1 : 0);
      if (isDraining()) readiness.draining = true;
      return json({ status: ready ? 'ready' : 'not ready', ...readiness }, ready ? 200 : 503);
    }
    case '/metrics':
      if (!mayReadMetrics(event, config.metricsToken)) return new Response('Not found', { status: 404 });
      return new Response(await registry.metrics(), {
        headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
      });
    default:
      return null;
  }
}
