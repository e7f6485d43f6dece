// Units of the portals' telemetry: the logger's redaction, the error hook, the route labels and the /metrics gate.
import { Writable } from 'node:stream';
import type { RequestEvent } from '@sveltejs/kit';
import { createLogger } from '@utvag/api';
import { describe, expect, it } from 'vitest';
import { createPortalErrorHandler } from './handle.ts';
import { mayReadMetrics, routeLabel } from './observability.ts';
import type { PortalConfig } from './portal.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, log: createLogger({ portal: 'staff' }, 'info', stream) };
}

const router = { _def: { procedures: { 'inbox.list': {}, 'referral.get': {} } } } as unknown as PortalConfig['router'];

function event(path: string, routeId: string | null, headers: Record<string, string> = {}, address = '127.0.0.1') {
  return {
    url: new URL(`http://localhost:3000${path}`),
    route: { id: routeId },
    request: new Request(`http://localhost:3000${path}`, { headers }),
    locals: { requestId: 'req-1' },
    getClientAddress: () => address,
  } as unknown as RequestEvent;
}

describe('logger', () => {
  it('censors fields that carry personal data or secrets, also one level down', () => {
    const { lines, log } = capture();
    log.child({ requestId: 'r1' }).warn('test', {
      person: { firstName: 'Anna', identityNumber: '19990101-9999' },
      contact: { email: 'anna@example.invalid' },
      email: 'anna@example.invalid',
      details: { firstName: 'Anna', phone: '070-000 00 00' },
      count: 3,
    });
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 'warn', event: 'test', portal: 'staff', requestId: 'r1', count: 3 });
    expect(lines[0]).not.toMatch(/Anna|19990101|anna@|070-000/);
  });
});

describe('error hook', () => {
  it('logs a failed page load by name, SQLSTATE and route, not the error text that quotes row values', () => {
    const { lines, log } = capture();
    const handle = createPortalErrorHandler(() => ({ log, router }) as PortalConfig);
    const error = Object.assign(new Error('duplicate key value violates unique constraint "person_identity"'), {
      name: 'PostgresError',
      code: '23505',
      detail: 'Key (municipality_id, identity_number)=(…, 19990101-9999) already exists.',
    });
    void handle({ error, event: event('/hanvisningar/0f8e', '/hanvisningar/[id]'), status: 500, message: 'Internal Error' });
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 'error', event: 'request.failed', route: '/hanvisningar/[id]', code: '23505', error: 'PostgresError' });
    expect(lines[0]).not.toMatch(/19990101|duplicate key|0f8e/);
  });
});

describe('route labels', () => {
  it('names SvelteKit routes by id and tRPC calls by a procedure the router has', () => {
    expect(routeLabel(event('/hanvisningar/0f8e', '/hanvisningar/[id]'), router)).toBe('/hanvisningar/[id]');
    expect(routeLabel(event('/api/trpc/inbox.list', '/api/trpc/[...trpc]'), router)).toBe('trpc:inbox.list');
    expect(routeLabel(event('/api/trpc/inbox.list,referral.get', '/api/trpc/[...trpc]'), router)).toBe('trpc:batch');
    expect(routeLabel(event('/api/trpc/anna.svensson', '/api/trpc/[...trpc]'), router)).toBe('trpc:unknown');
    expect(routeLabel(event('/nothing/here', null), router)).toBe('unmatched');
  });
});

describe('/metrics gate', () => {
  it('wants the bearer token when one is configured', () => {
    expect(mayReadMetrics(event('/metrics', null, { authorization: 'Bearer s3cret' }), 's3cret')).toBe(true);
    expect(mayReadMetrics(event('/metrics', null, { authorization: 'Bearer s3cre' }), 's3cret')).toBe(false);
    expect(mayReadMetrics(event('/metrics', null), 's3cret')).toBe(false);
  });
  it('without a token: a direct loopback peer only', () => {
    expect(mayReadMetrics(event('/metrics', null), undefined)).toBe(true);
    expect(mayReadMetrics(event('/metrics', null, {}, '::1'), undefined)).toBe(true);
    expect(mayReadMetrics(event('/metrics', null, {}, '10.0.0.5'), undefined)).toBe(false);
    expect(mayReadMetrics(event('/metrics', null, { 'x-forwarded-for': '198.51.100.4' }), undefined)).toBe(false);
  });
});
