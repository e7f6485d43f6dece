// Issue 4 item 5: a problem reported from /tillganglighet lands as an item for the administrators. Anyone may
// report (signed in or not), bad input names its field and writes nothing, anonymous reports are limited per
// address, and only administrators list and handle reports, each access on record.
import { TRPCError } from '@trpc/server';
import { accessibilityReport, auditEntry, rateLimit } from '@utvag/db/schema';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityReportLimitPolicy } from '../src/accessibility/reports.ts';
import { createContext } from '../src/context.ts';
import { describeError } from '../src/describe-error.ts';
import { partnerRouter } from '../src/routers/partner.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { contextFor, createWorld, sessionUser, silentLog, type World } from './harness.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

const partnerCaller = createCallerFactory(partnerRouter);
const staffCaller = createCallerFactory(staffRouter);
/** An anonymous visitor at an address, as the portals' form action calls the API. */
const visitor = (clientAddress: string, portal: 'partner' | 'staff' = 'partner') => {
  const ctx = createContext({ db: world.t.db, user: null, log: silentLog, clientAddress });
  return portal === 'partner' ? partnerCaller(ctx) : staffCaller(ctx);
};

const reportCount = async () => (await world.t.db.select({ n: count() }).from(accessibilityReport))[0]!.n;

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('reporting a problem', () => {
  it('takes a report from an anonymous visitor, with the portal it came from', async () => {
    const receipt = await visitor('192.0.2.1').accessibilityReport.submit({
      message: '  Jag kan inte logga in med skärmläsare.  ',
      page: '/login',
      contactEmail: 'Ann.Anmalare@Example.invalid',
    });
    const [row] = await world.t.db.select().from(accessibilityReport).where(eq(accessibilityReport.id, receipt.id));
    expect(row).toMatchObject({
      portal: 'partner',
      message: 'Jag kan inte logga in med skärmläsare.',
      page: '/login',
      contactEmail: 'ann.anmalare@example.invalid',
      userId: null,
      handledAt: null,
    });
  });

  it('treats blank optional fields as absent, as an HTML form sends them', async () => {
    const receipt = await visitor('192.0.2.2', 'staff').accessibilityReport.submit({ message: 'Fokus syns inte.', page: '', contactEmail: '  ' } as never);
    const [row] = await world.t.db.select().from(accessibilityReport).where(eq(accessibilityReport.id, receipt.id));
    expect(row).toMatchObject({ portal: 'staff', page: null, contactEmail: null });
  });

  it('records the signed-in reporter', async () => {
    const police = world.tenant.users.police;
    const receipt = await (await world.partner('police')).accessibilityReport.submit({ message: 'Tabellen saknar rubriker.' });
    const [row] = await world.t.db.select().from(accessibilityReport).where(eq(accessibilityReport.id, receipt.id));
    expect(row!.userId).toBe(police.id);
  });

  it.each([
    [{}, 'message', /Fyll i/],
    [{ message: '   ' }, 'message', /Fyll i/],
    [{ message: 'x'.repeat(2001) }, 'message', /högst 2000 tecken/],
    [{ message: 'Fel', page: 'x'.repeat(501) }, 'page', /högst 500 tecken/],
    [{ message: 'Fel', contactEmail: 'inte-en-adress' }, 'contactEmail', /e-post/i],
    [{ message: 'Fel\u0000dolt' }, 'message', /.+/],
  ])('refuses %j naming the field %s, and writes nothing', async (input, field, message) => {
    const before = await reportCount();
    const error = await failure(visitor('192.0.2.3').accessibilityReport.submit(input as never));
    expect(error.code).toBe('BAD_REQUEST');
    const described = describeError(error, 'sv');
    expect(Object.keys(described.fieldErrors ?? {})).toEqual([field]);
    expect(described.fieldErrors![field]).toMatch(message);
    expect(await reportCount()).toBe(before);
  });

  it('limits anonymous reports per address, and other addresses may still report', async () => {
    const address = '198.51.100.7';
    for (let i = 0; i < accessibilityReportLimitPolicy.points; i++) {
      await visitor(address).accessibilityReport.submit({ message: `Problem ${i}` });
    }
    const before = await reportCount();
    // The staff portal shares the counter: the limit is per address, not per portal.
    const error = await failure(visitor(address, 'staff').accessibilityReport.submit({ message: 'En till' }));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(describeError(error, 'sv').message).toMatch(/För många försök/);
    expect(await reportCount()).toBe(before);
    await visitor('198.51.100.8').accessibilityReport.submit({ message: 'Från en annan adress' });
    expect(await reportCount()).toBe(before + 1);
    // The counter's key is a hash: no address is stored.
    const keys = (await world.t.db.select({ key: rateLimit.key }).from(rateLimit)).map((r) => r.key).join(' ');
    expect(keys).not.toContain('198.51.100');
  });

  it('does not count refused (invalid) reports against the address', async () => {
    const address = '203.0.113.9';
    for (let i = 0; i < accessibilityReportLimitPolicy.points + 2; i++) {
      await failure(visitor(address).accessibilityReport.submit({ message: '' }));
    }
    await expect(visitor(address).accessibilityReport.submit({ message: 'Nu på riktigt' })).resolves.toHaveProperty('id');
  });
});

describe('the administrators’ list', () => {
  it('lets an administrator list open reports of the whole deployment and mark one handled, audited', async () => {
    const receipt = await visitor('192.0.2.50').accessibilityReport.submit({ message: 'Länken saknar text.', contactEmail: 'svar@example.invalid' });
    const admin = await world.staff('administrator');
    const list = await admin.accessibilityReport.list();
    expect(list.items.find((i) => i.id === receipt.id)).toMatchObject({
      portal: 'partner',
      message: 'Länken saknar text.',
      contactEmail: 'svar@example.invalid',
    });
    // Oldest first.
    const times = list.items.map((i) => i.createdAt);
    expect([...times].sort()).toEqual(times);

    // Another municipality's administrator sees the same reports: they are not tenant data.
    const otherAdmin = staffCaller(contextFor(world.t.db, await sessionUser(world.t.db, world.otherTenant.users.administrator.id)));
    expect((await otherAdmin.accessibilityReport.list()).items.map((i) => i.id)).toContain(receipt.id);

    await admin.accessibilityReport.markHandled({ id: receipt.id });
    const [row] = await world.t.db.select().from(accessibilityReport).where(eq(accessibilityReport.id, receipt.id));
    expect(row!.handledAt).not.toBeNull();
    expect(row!.handledBy).toBe(world.tenant.users.administrator.id);
    expect((await admin.accessibilityReport.list()).items.map((i) => i.id)).not.toContain(receipt.id);

    // Handled once: a second time finds no open report.
    expect((await failure(admin.accessibilityReport.markHandled({ id: receipt.id }))).code).toBe('NOT_FOUND');

    const entries = await world.t.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.userId, world.tenant.users.administrator.id), eq(auditEntry.recordType, 'accessibility_report')));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['accessibilityReport.list', 'accessibilityReport.handle']));
    expect(entries.find((e) => e.action === 'accessibilityReport.handle')?.recordId).toBe(receipt.id);
    // Ids only: the e-mail is never in the audit log.
    expect(JSON.stringify(entries)).not.toContain('svar@example.invalid');
  });

  it.each(['intake', 'caseWorker', 'coordinator', 'fieldWorker', 'unitManager'] as const)(
    'refuses %s, and records the refusal',
    async (role) => {
      const caller = await world.staff(role);
      expect((await failure(caller.accessibilityReport.list())).code).toBe('FORBIDDEN');
      const receipt = await visitor('192.0.2.60').accessibilityReport.submit({ message: `Fel för ${role}` });
      expect((await failure(caller.accessibilityReport.markHandled({ id: receipt.id }))).code).toBe('FORBIDDEN');
      const [row] = await world.t.db.select().from(accessibilityReport).where(eq(accessibilityReport.id, receipt.id));
      expect(row!.handledAt).toBeNull();
      const denied = await world.t.db
        .select()
        .from(auditEntry)
        .where(and(eq(auditEntry.userId, world.tenant.users[role].id), eq(auditEntry.outcome, 'denied')));
      expect(denied.map((e) => e.action)).toEqual(expect.arrayContaining(['accessibilityReport.list', 'accessibilityReport.handle']));
    },
  );

  it('refuses anonymous callers and partner accounts', async () => {
    const anonymous = staffCaller(createContext({ db: world.t.db, user: null, log: silentLog, clientAddress: '192.0.2.70' }));
    expect((await failure(anonymous.accessibilityReport.list())).code).toBe('UNAUTHORIZED');
    expect((await failure((await world.staff('police')).accessibilityReport.list())).code).toBe('FORBIDDEN');
  });

  it('names the field of a bad id and changes nothing', async () => {
    const admin = await world.staff('administrator');
    const error = await failure(admin.accessibilityReport.markHandled({ id: 'inte-ett-id' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(Object.keys(describeError(error, 'sv').fieldErrors ?? {})).toEqual(['id']);
  });
});
