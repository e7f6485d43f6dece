// Issue 9: the inbox page's whole read in one audited transaction. It must answer what the separate reads answer
// (inbox.list, directory.list, notification.unreadCount), keep one audit entry per read with the people on the
// page, mask protected identities, and refuse as inbox.list refuses.
import { auditEntry, notification, person, referral } from '@utvag/db/schema';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, createWorld, referralInput, type World } from './harness.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
  for (let i = 0; i < 3; i++) await (await world.partner('police')).referral.submit(referralInput({ threatOrProtectionNeed: i === 1 }));
});
afterAll(() => world.t.drop());

const lastAudit = async (userId: string) =>
  (await world.t.db.select().from(auditEntry).where(eq(auditEntry.userId, userId)).orderBy(desc(auditEntry.id)).limit(1))[0];

describe('[INTAKE] inbox.page', () => {
  it('answers what inbox.list, directory.list and notification.unreadCount answer', async () => {
    const intake = await world.staff('intake');
    const [together, list, directory, unread] = [
      await intake.inbox.page({ limit: 2 }),
      await intake.inbox.list({ limit: 2 }),
      await intake.directory.list(),
      await intake.notification.unreadCount(),
    ];
    expect(together.page.items.length).toBe(2);
    expect(together.page.nextCursor).not.toBeNull();
    expect(together.page.items.map((x) => x.id)).toEqual(list.items.map((x) => x.id));
    expect({ ...together.page, now: null, items: together.page.items.map((x) => ({ ...x, clocks: x.clocks.map((c) => c.code) })) }).toEqual({
      ...list,
      now: null,
      items: list.items.map((x) => ({ ...x, clocks: x.clocks.map((c) => c.code) })),
    });
    expect(together.units.length).toBeGreaterThan(0);
    expect(together.units).toEqual(directory.units);
    expect(together.unreadNotifications).toBe(unread.unread);
  });

  it('counts the user’s own unread notifications and pages on with the cursor', async () => {
    const intake = await world.staff('intake');
    const user = world.tenant.users.intake;
    await world.t.db.update(notification).set({ readAt: new Date() }).where(eq(notification.recipientUserId, user.id));
    expect((await intake.inbox.page({ limit: 50 })).unreadNotifications).toBe(0);
    await world.t.db.update(notification).set({ readAt: null }).where(eq(notification.recipientUserId, user.id));
    const own = await world.t.db.$count(notification, eq(notification.recipientUserId, user.id));
    expect(own).toBeGreaterThan(0);
    expect((await intake.inbox.page({ limit: 50 })).unreadNotifications).toBe(own);
    const first = await intake.inbox.page({ limit: 2 });
    const second = await intake.inbox.page({ limit: 2, cursor: first.page.nextCursor! });
    expect(second.page.items.map((x) => x.id)).toEqual((await intake.inbox.list({ limit: 4 })).items.slice(2).map((x) => x.id));
  });

  it('writes one audit entry per read, naming the people on the page', async () => {
    const intake = await world.staff('intake');
    const before = await world.t.db.$count(auditEntry, eq(auditEntry.userId, world.tenant.users.intake.id));
    const got = await intake.inbox.page({ limit: 2 });
    expect(await world.t.db.$count(auditEntry, eq(auditEntry.userId, world.tenant.users.intake.id))).toBe(before + 1);
    const entry = await lastAudit(world.tenant.users.intake.id);
    expect(entry).toMatchObject({ action: 'inbox.list', recordType: 'referral', outcome: 'allowed', municipalityId: world.tenant.municipality.id });
    expect(entry!.subjectIds).toHaveLength(got.page.items.length);
  });

  it('masks a protected identity', async () => {
    const intake = await world.staff('intake');
    const first = (await intake.inbox.page({ limit: 1 })).page.items[0]!;
    const [row] = await world.t.db.select({ personId: referral.personId }).from(referral).where(eq(referral.id, first.id));
    await world.t.db.update(person).set({ protectedIdentity: true }).where(eq(person.id, row!.personId));
    const masked = (await intake.inbox.page({ limit: 1 })).page.items[0]!;
    expect(masked.id).toBe(first.id);
    expect(masked.person).toEqual({ name: null, identityNumber: null, birthDate: null, protectedIdentity: true });
    await world.t.db.update(person).set({ protectedIdentity: false }).where(eq(person.id, row!.personId));
  });

  it('shows only the caller’s municipality', async () => {
    const other = await (await world.staff('otherMunicipalityIntake')).inbox.page({ limit: 50 });
    const mine = await (await world.staff('intake')).inbox.page({ limit: 50 });
    expect(mine.page.items.length).toBeGreaterThan(0);
    expect(other.page.items.map((x) => x.id)).not.toEqual(expect.arrayContaining(mine.page.items.map((x) => x.id).slice(0, 1)));
    expect(other.units.map((u) => u.id)).not.toEqual(expect.arrayContaining([mine.units[0]!.id]));
  });

  it('refuses as inbox.list refuses (and records the attempt), and bad input', async () => {
    expect(await codeOf((await world.staff('administrator')).inbox.page({ limit: 5 }))).toBe('FORBIDDEN');
    expect((await lastAudit(world.tenant.users.administrator.id))).toMatchObject({ action: 'inbox.list', outcome: 'denied' });
    expect(await codeOf((await world.staff(null)).inbox.page({ limit: 5 }))).toBe('UNAUTHORIZED');
    expect(await codeOf((await world.staff('intake')).inbox.page({ limit: 0 }))).toBe('BAD_REQUEST');
    expect(await codeOf((await world.staff('intake')).inbox.page({ limit: 5, cursor: 'not-a-cursor' }))).toBe('BAD_REQUEST');
  });
});
