// Two-step verification: who must use it, enrolment with a first code, single-use TOTP codes and recovery codes,
// session rotation, and secrets encrypted at rest.
import { appUser, mfaFactor, organisation } from '@utvag/db/schema';
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginLimits } from '../src/auth/login-limits.ts';
import { logIn } from '../src/auth/login.ts';
import { confirmTotpEnrolment, startTotpEnrolment, verifySecondFactor } from '../src/auth/mfa.ts';
import { createSecretBox } from '../src/auth/secret-box.ts';
import { resolveSession } from '../src/auth/session.ts';
import { AppError } from '../src/errors.ts';
import { createWorld, type World } from './harness.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world.t.drop());

const policy = { idleMinutes: 30, absoluteHours: 12 };
const box = createSecretBox(Buffer.alloc(32, 7));
let address = 0;
const login = (user: { email: string; password: string }, portal: 'staff' | 'partner', demo = false) =>
  logIn(world.t.db, {
    email: user.email,
    password: user.password,
    portal,
    requestId: 'test',
    policy,
    limits: createLoginLimits(world.t.db),
    address: `10.9.0.${++address}`,
    demo,
  });
const codeFor = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

describe('who needs a second factor', () => {
  it('every staff account; a partner only when the organisation requires it', async () => {
    expect((await login(world.tenant.users.caseWorker, 'staff'))?.mfaRequired).toBe(true);
    expect((await login(world.tenant.users.probationOfficer, 'partner'))?.mfaRequired).toBe(false);
    await world.t.db.update(organisation).set({ requiresMfa: true }).where(eq(organisation.id, world.tenant.organisations.probationService.id));
    expect((await login(world.tenant.users.probationOfficer, 'partner'))?.mfaRequired).toBe(true);
  });

  it('lets a demo account skip it only in demo mode', async () => {
    const u = world.tenant.users.fieldWorker;
    await world.t.db.update(appUser).set({ isDemo: true }).where(eq(appUser.id, u.id));
    expect((await login(u, 'staff', true))?.mfaRequired).toBe(false);
    expect((await login(u, 'staff', false))?.mfaRequired).toBe(true);
  });
});

describe('enrolment and verification', () => {
  const u = () => world.tenant.users.intake;
  let secret = '';
  let firstCode = '';
  let recovery: string[] = [];

  it('keeps a password-only session pending until enrolment is confirmed, then rotates the session id', async () => {
    const first = await login(u(), 'staff');
    expect((await resolveSession(world.t.db, first!.token, policy))?.mfaPending).toBe(true);
    const enrolment = await startTotpEnrolment(world.t.db, box, { id: u().id, email: u().email });
    secret = enrolment.secret;
    expect(enrolment.qrSvg).toContain('<svg');
    expect((await startTotpEnrolment(world.t.db, box, { id: u().id, email: u().email })).secret).toBe(secret);
    await expect(
      confirmTotpEnrolment(world.t.db, box, { token: first!.token, userId: u().id, code: '000000', requestId: 't' }),
    ).rejects.toBeInstanceOf(AppError);
    firstCode = codeFor(secret);
    const done = await confirmTotpEnrolment(world.t.db, box, { token: first!.token, userId: u().id, code: firstCode, requestId: 't' });
    recovery = done.recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(await resolveSession(world.t.db, first!.token, policy)).toBeNull();
    expect((await resolveSession(world.t.db, done.token, policy))?.mfaPending).toBe(false);
  });

  it('stores the secret encrypted', async () => {
    const [factor] = await world.t.db.select().from(mfaFactor).where(eq(mfaFactor.userId, u().id));
    expect(factor?.secretCiphertext).not.toContain(secret);
    expect(box.open(factor!.secretCiphertext)).toBe(secret);
  });

  it('refuses a replayed code and an older one, accepts the next', async () => {
    const session = await login(u(), 'staff');
    const verify = (code: string) => verifySecondFactor(world.t.db, box, { token: session!.token, userId: u().id, code, requestId: 't' });
    await expect(verify(firstCode)).rejects.toBeInstanceOf(AppError);
    await expect(verify(codeFor(secret, -1))).rejects.toBeInstanceOf(AppError);
    const token = await verify(codeFor(secret, 1));
    expect((await resolveSession(world.t.db, token, policy))?.mfaPending).toBe(false);
  });

  it('accepts each recovery code once', async () => {
    const a = await login(u(), 'staff');
    const b = await login(u(), 'staff');
    const token = await verifySecondFactor(world.t.db, box, { token: a!.token, userId: u().id, code: recovery[0]!.toUpperCase(), requestId: 't' });
    expect((await resolveSession(world.t.db, token, policy))?.mfaPending).toBe(false);
    await expect(
      verifySecondFactor(world.t.db, box, { token: b!.token, userId: u().id, code: recovery[0]!, requestId: 't' }),
    ).rejects.toBeInstanceOf(AppError);
  });
});
