// A user's own sessions (issue 3): listed with start, last use and browser family (no address, no session id),
// ended one by one or all but the current one; a changed role, unit or password, or a disabled account, ends the
// user's sessions at once, whoever makes the change.
import { appUser, auditEntry, session } from '@utvag/db/schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginLimits } from '../src/auth/login-limits.ts';
import { logIn } from '../src/auth/login.ts';
import { resolveSession } from '../src/auth/session.ts';
import { sessionIdOf } from '../src/auth/tokens.ts';
import { createContext, type SessionUser } from '../src/context.ts';
import { partnerRouter } from '../src/routers/partner.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { codeOf, createWorld, silentLog, type World } from './harness.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

const policy = { idleMinutes: 30, absoluteHours: 12 };
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
const safari = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
let address = 0;
async function login(role: 'caseWorker' | 'police' | 'intake' | 'coordinator' | 'fieldWorker', userAgent = firefox) {
  const u = world.tenant.users[role];
  const result = await logIn(world.t.db, {
    email: u.email,
    password: u.password,
    portal: role === 'police' ? 'partner' : 'staff',
    requestId: 't',
    policy,
    limits: createLoginLimits(world.t.db),
    address: `10.8.0.${++address}`,
    demo: false,
    userAgent,
  });
  return result!.token;
}
const staffCaller = createCallerFactory(staffRouter);
const partnerCaller = createCallerFactory(partnerRouter);
const ctxOf = (user: SessionUser, token: string) => createContext({ db: world.t.db, user, sessionId: sessionIdOf(token), log: silentLog });

describe('the sessions page', () => {
  it('lists the own sessions with browser family, marks the current one and holds no id or address', async () => {
    const user = await world.user('caseWorker');
    const here = await login('caseWorker', firefox);
    await login('caseWorker', safari);
    const list = await staffCaller(ctxOf(user, here)).account.sessions();
    expect(list).toHaveLength(2);
    expect(list.map((s) => s.browser).sort()).toEqual(['Firefox, Linux', 'Safari, iOS']);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(list.find((s) => s.current)?.browser).toBe('Firefox, Linux');
    const text = JSON.stringify(list);
    expect(text).not.toContain(sessionIdOf(here));
    expect(text).not.toMatch(/10\.8\.0\./);
    expect(Object.keys(list[0]!).sort()).toEqual(['browser', 'createdAt', 'current', 'handle', 'lastSeenAt']);
  });

  it('ends one session by its handle at once, and refuses another user’s handle', async () => {
    const user = await world.user('coordinator');
    const here = await login('coordinator');
    const there = await login('coordinator');
    const api = staffCaller(ctxOf(user, here));
    const other = (await api.account.sessions()).find((s) => !s.current)!;
    // Another user cannot end it.
    const police = await world.user('police');
    const policeToken = await login('police');
    expect(await codeOf(partnerCaller(ctxOf(police, policeToken)).account.endSession({ handle: other.handle }))).toBe('NOT_FOUND');
    expect(await resolveSession(world.t.db, there, policy)).not.toBeNull();
    await api.account.endSession({ handle: other.handle });
    expect(await resolveSession(world.t.db, there, policy)).toBeNull();
    expect(await resolveSession(world.t.db, here, policy)).not.toBeNull();
    const ends = await world.t.db.select().from(auditEntry).where(and(eq(auditEntry.userId, user.id), eq(auditEntry.action, 'session.end')));
    expect(ends).toHaveLength(1);
  });

  it('ends every other session and keeps the current one', async () => {
    const user = await world.user('intake');
    const here = await login('intake');
    const others = [await login('intake'), await login('intake')];
    expect(await staffCaller(ctxOf(user, here)).account.endOtherSessions()).toEqual({ ended: 2 });
    for (const t of others) expect(await resolveSession(world.t.db, t, policy)).toBeNull();
    expect(await resolveSession(world.t.db, here, policy)).not.toBeNull();
  });
});

describe('changes to an account end its sessions at once', () => {
  const changes: [string, Partial<typeof appUser.$inferInsert>][] = [
    ['a changed role', { role: 'coordinator' }],
    ['a changed password', { passwordHash: 'not-a-real-hash' }],
    ['a disabled account', { disabledAt: new Date() }],
  ];
  it.each(changes)('%s', async (_name, set) => {
    const userId = world.tenant.users.fieldWorker.id;
    const [original] = await world.t.db.select().from(appUser).where(eq(appUser.id, userId));
    const token = await login('fieldWorker');
    expect(await resolveSession(world.t.db, token, policy)).not.toBeNull();
    await world.t.db.update(appUser).set(set).where(eq(appUser.id, userId));
    expect(await resolveSession(world.t.db, token, policy)).toBeNull();
    expect(await world.t.db.select().from(session).where(eq(session.userId, userId))).toEqual([]);
    await world.t.db
      .update(appUser)
      .set({ role: original!.role, disabledAt: null, passwordHash: original!.passwordHash })
      .where(eq(appUser.id, userId));
  });

  it('a change that grants nothing (the language) keeps them', async () => {
    const token = await login('caseWorker');
    await world.t.db.update(appUser).set({ locale: 'en' }).where(eq(appUser.id, world.tenant.users.caseWorker.id));
    expect(await resolveSession(world.t.db, token, policy)).not.toBeNull();
  });
});
