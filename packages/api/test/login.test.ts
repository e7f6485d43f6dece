// Login, sessions and logout against real PostgreSQL.
import { appUser, rateLimit, session } from '@utvag/db/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { logIn, logOut } from '../src/auth/login.ts';
import { createLoginLimits, loginLimitPolicy } from '../src/auth/login-limits.ts';
import { expiredSessionUser, resolveSession } from '../src/auth/session.ts';
import { AppError } from '../src/errors.ts';
import { createWorld, type World } from './harness.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

const policy = { idleMinutes: 30, absoluteHours: 12 };
let address = 0;
/** Each test signs in from its own address so the per-address limit does not couple the tests. */
const attempt = (email: unknown, password: unknown, portal: 'staff' | 'partner', from = `10.0.0.${address}`) =>
  logIn(world.t.db, { email, password, portal, requestId: 'test', policy, limits: createLoginLimits(world.t.db), address: from, demo: false });
beforeEach(() => {
  address += 1;
});

describe('logIn', () => {
  it('signs a staff user into the staff portal and resolves the session', async () => {
    const u = world.tenant.users.intake;
    const result = await attempt(u.email.toUpperCase(), u.password, 'staff');
    expect(result?.token).toEqual(expect.any(String));
    const resolved = await resolveSession(world.t.db, result!.token, policy);
    expect(resolved?.user.id).toBe(u.id);
    expect(resolved?.user.role).toBe('intake');
  });

  it('refuses the wrong portal, a wrong password and an unknown account alike', async () => {
    const staff = world.tenant.users.caseWorker;
    const police = world.tenant.users.police;
    expect(await attempt(staff.email, staff.password, 'partner')).toBeNull();
    expect(await attempt(police.email, police.password, 'staff')).toBeNull();
    expect(await attempt(staff.email, 'wrong', 'staff')).toBeNull();
    expect(await attempt('nobody@test.utvag.invalid', 'wrong', 'staff')).toBeNull();
  });

  it('refuses malformed input with a bad-request error', async () => {
    await expect(attempt('not-an-email', 'x', 'staff')).rejects.toBeInstanceOf(AppError);
    await expect(attempt(undefined, undefined, 'staff')).rejects.toBeInstanceOf(AppError);
  });

  it('ends the session at logout, when idle too long, and when the account is disabled', async () => {
    const u = world.tenant.users.unitManager;
    const a = await attempt(u.email, u.password, 'staff');
    await logOut(world.t.db, a!.token);
    expect(await resolveSession(world.t.db, a!.token, policy)).toBeNull();

    const b = await attempt(u.email, u.password, 'staff');
    await world.t.db.update(session).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect(await resolveSession(world.t.db, b!.token, policy)).toBeNull();

    const c = await attempt(u.email, u.password, 'staff');
    await world.t.db.update(appUser).set({ disabledAt: new Date() }).where(eq(appUser.id, u.id));
    expect(await resolveSession(world.t.db, c!.token, policy)).toBeNull();
    expect(await attempt(u.email, u.password, 'staff')).toBeNull();
  });

  it('stores only a hash of the session token', async () => {
    const u = world.tenant.users.coordinator;
    const result = await attempt(u.email, u.password, 'staff');
    const stored = await world.t.db.select().from(session).where(eq(session.userId, u.id));
    expect(stored.map((s) => s.id)).not.toContain(result!.token);
    expect(stored[0]?.id).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('login rate limits', () => {
  const tooMany = expect.objectContaining({ code: 'TOO_MANY_REQUESTS' });

  it('blocks an account after repeated failures, even with the right password, and the same for an unknown one', async () => {
    const u = world.tenant.users.fieldWorker;
    for (let i = 0; i < loginLimitPolicy.account.points; i++) {
      expect(await attempt(u.email, 'wrong', 'staff', `10.1.0.${i}`)).toBeNull();
    }
    await expect(attempt(u.email, u.password, 'staff', '10.1.1.1')).rejects.toEqual(tooMany);
    for (let i = 0; i < loginLimitPolicy.account.points; i++) {
      await attempt('ghost@test.utvag.invalid', 'wrong', 'staff', `10.2.0.${i}`);
    }
    await expect(attempt('ghost@test.utvag.invalid', 'wrong', 'staff', '10.2.1.1')).rejects.toEqual(tooMany);
  });

  it('blocks an address that tries many accounts', async () => {
    for (let i = 0; i < loginLimitPolicy.address.points; i++) {
      await attempt(`guess${i}@test.utvag.invalid`, 'wrong', 'staff', '10.3.0.1');
    }
    const u = world.tenant.users.intake;
    await expect(attempt(u.email, u.password, 'staff', '10.3.0.1')).rejects.toEqual(tooMany);
    expect(await attempt(u.email, u.password, 'staff', '10.3.0.2')).not.toBeNull();
    // 51 logins, each with a full argon2 verification: under a busy CI machine this takes longer than the default.
  }, 90_000);

  it('forgets an account’s failures after a successful login', async () => {
    const u = world.tenant.users.coordinator;
    for (let i = 0; i < loginLimitPolicy.account.points - 1; i++) await attempt(u.email, 'wrong', 'staff');
    expect(await attempt(u.email, u.password, 'staff')).not.toBeNull();
    for (let i = 0; i < loginLimitPolicy.account.points - 1; i++) await attempt(u.email, 'wrong', 'staff');
    expect(await attempt(u.email, u.password, 'staff')).not.toBeNull();
  });

  it('keeps no e-mail or address in the counters', async () => {
    const rows = await world.t.db.select().from(rateLimit);
    expect(rows.length).toBeGreaterThan(0);
    // An address looks like 10.x.y.z; a timestamp's seconds ("…:10.5Z") must not count as one.
    expect(JSON.stringify(rows)).not.toMatch(/@|10\.\d+\.\d+\.\d+/);
  });
});

describe('expiredSessionUser (keeping a post as a draft after the session ended)', () => {
  it('names the user of a recently expired, fully signed-in session only', async () => {
    const u = world.tenant.users.police;
    const a = await attempt(u.email, u.password, 'partner');
    expect(await expiredSessionUser(world.t.db, a!.token, policy)).toBeNull();
    await world.t.db.update(session).set({ lastSeenAt: new Date(Date.now() - 40 * 60_000) }).where(eq(session.userId, u.id));
    expect(await resolveSession(world.t.db, a!.token, policy)).toBeNull();
    expect((await expiredSessionUser(world.t.db, a!.token, policy))?.id).toBe(u.id);
    await world.t.db.update(session).set({ lastSeenAt: new Date(Date.now() - 13 * 3_600_000) }).where(eq(session.userId, u.id));
    expect(await expiredSessionUser(world.t.db, a!.token, policy)).toBeNull();
    expect(await expiredSessionUser(world.t.db, 'unknown-token', policy)).toBeNull();
  });

  it('refuses a password-only session', async () => {
    const u = world.tenant.users.caseWorker;
    const a = await attempt(u.email, u.password, 'staff');
    await world.t.db.update(session).set({ lastSeenAt: new Date(Date.now() - 40 * 60_000) }).where(eq(session.userId, u.id));
    expect(await expiredSessionUser(world.t.db, a!.token, policy)).toBeNull();
  });
});
