// Step-up before exporting person-level data (issue 3): the cost statement as a file is one case's data, so its
// export is refused without a fresh step-up (refusal audited) and allowed after one; the on-screen statement is
// not an export. A step-up also takes a recovery code, once.
import { insertSession } from '@utvag/db';
import { auditEntry, recoveryCode } from '@utvag/db/schema';
import { and, eq, isNotNull } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmTotpEnrolment, startTotpEnrolment } from '../src/auth/mfa.ts';
import { secretBoxFromEnv } from '../src/auth/secret-box.ts';
import { resolveSession } from '../src/auth/session.ts';
import { stepUp } from '../src/auth/step-up.ts';
import { newSessionToken, sessionIdOf } from '../src/auth/tokens.ts';
import { createContext, type SessionUser } from '../src/context.ts';
import { AppError } from '../src/errors.ts';
import { needsStepUp } from '../src/permissions.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { codeOf, createWorld, silentLog, type World } from './harness.ts';
import { caseWithGrant, interventionInput, typeId } from './support-setup.ts';

let world: World;
let caseId: string;
const box = secretBoxFromEnv({});
const policy = { idleMinutes: 30, absoluteHours: 12 };
const caller = createCallerFactory(staffRouter);
const period = { from: '2026-01-01', to: '2026-01-10' };

beforeAll(async () => {
  world = await createWorld();
  const grant = await caseWithGrant(world);
  caseId = grant.caseId;
  const staff = await world.staff('caseWorker');
  await staff.intervention.add(interventionInput({ caseId, decisionId: grant.decisionId, interventionTypeId: await typeId(world) }));
});
afterAll(() => world.t.drop());

async function signedIn(user: SessionUser) {
  const first = newSessionToken();
  await insertSession(world.t.db, { id: sessionIdOf(first), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), mfaVerifiedAt: null });
  const { secret } = await startTotpEnrolment(world.t.db, box, user);
  const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
  return confirmTotpEnrolment(world.t.db, box, { token: first, userId: user.id, code, requestId: 't' });
}
const callerWith = (user: SessionUser, token: string) =>
  caller(createContext({ db: world.t.db, user, sessionId: sessionIdOf(token), log: silentLog }));
const exportsOf = (userId: string) =>
  world.t.db
    .select({ outcome: auditEntry.outcome })
    .from(auditEntry)
    .where(and(eq(auditEntry.userId, userId), eq(auditEntry.action, 'costStatement.export')));

describe('exporting the cost statement (person-level)', () => {
  let user: SessionUser;
  let token: string;
  let codes: string[];
  beforeAll(async () => {
    user = await world.user('caseWorker');
    ({ token, recoveryCodes: codes } = await signedIn(user));
  });

  it('is a step-up action; the follow-up report exports (suppressed aggregates) are not', () => {
    expect(needsStepUp('costStatement.export')).toBe(true);
    expect(needsStepUp('costStatement.read')).toBe(false);
    expect(needsStepUp('followUpReport.export')).toBe(false);
    expect(needsStepUp('regionalReport.export')).toBe(false);
  });

  it('shows the statement on screen without a step-up, but refuses the file and audits the refusal', async () => {
    const c = callerWith(user, token);
    expect((await c.stateFunding.costStatement({ caseId, ...period })).lines).toHaveLength(1);
    expect(await codeOf(c.stateFunding.exportCostStatement({ caseId, ...period }))).toBe('PRECONDITION_FAILED');
    expect((await exportsOf(user.id)).map((e) => e.outcome)).toEqual(['denied']);
  });

  it('accepts a recovery code for the step-up, exports, and audits the export', async () => {
    const next = await stepUp(world.t.db, box, { token, user, code: codes[0]!, demo: false, requestId: 't' });
    expect(await resolveSession(world.t.db, token, policy)).toBeNull(); // rotated
    const s = await callerWith(user, next).stateFunding.exportCostStatement({ caseId, ...period });
    expect(s.lines).toHaveLength(1);
    expect(JSON.stringify(s)).not.toMatch(/Cilla|Ärendesson|2004/);
    expect((await exportsOf(user.id)).map((e) => e.outcome)).toEqual(['denied', 'allowed']);
    const used = await world.t.db.select().from(recoveryCode).where(and(eq(recoveryCode.userId, user.id), isNotNull(recoveryCode.usedAt)));
    expect(used).toHaveLength(1);
    token = next;
  });

  it('refuses the same recovery code a second time, and anything that is neither kind of code', async () => {
    for (const code of [codes[0]!, codes[0]!.toUpperCase().replaceAll('-', ' '), 'not-a-code', '']) {
      await expect(stepUp(world.t.db, box, { token, user, code, demo: false, requestId: 't' })).rejects.toBeInstanceOf(AppError);
    }
    const denied = await world.t.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.userId, user.id), eq(auditEntry.action, 'session.stepUp'), eq(auditEntry.outcome, 'denied')));
    expect(denied).toHaveLength(4);
  });

  it('does not let another session of the same user export on the first one’s step-up', async () => {
    const other = newSessionToken();
    await insertSession(world.t.db, { id: sessionIdOf(other), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000), mfaVerifiedAt: new Date() });
    expect(await codeOf(callerWith(user, other).stateFunding.exportCostStatement({ caseId, ...period }))).toBe('PRECONDITION_FAILED');
  });
});
