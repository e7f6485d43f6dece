// TOTP (RFC 6238, via otpauth) as the second factor, with single-use recovery codes. A code is accepted
// once: its 30-second step is recorded and a replay of it, or of any earlier code, is refused.
import { createHash, randomBytes } from 'node:crypto';
import {
  countWebauthnCredentials,
  findTotpFactor,
  insertAuditEntry,
  replaceRecoveryCodes,
  rotateSessionAfterMfa,
  saveUnconfirmedTotp,
  useRecoveryCode,
  useTotpStep,
  type Database,
} from '@utvag/db';
import { passkeyLabelSchema } from '@utvag/domain';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { AppError } from '../errors.ts';
import type { LoginLimits } from './login-limits.ts';
import { acceptPasskey, passkeyRefused, registerPasskey, type WebauthnSettings } from './passkeys.ts';
import type { SecretBox } from './secret-box.ts';
import { newSessionToken, sessionIdOf } from './tokens.ts';

const period = 30;
const totpFor = (secret: string, label: string) =>
  new TOTP({ issuer: 'Utväg', label, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secret) });

export const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');

const badCode = () => new AppError('BAD_REQUEST', 'auth.mfa.invalidCode', { code: { key: 'auth.mfa.invalidCode' } });

export interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** A new secret for the user's authenticator app, kept unconfirmed until a first code proves it works. */
export async function startTotpEnrolment(db: Database, box: SecretBox, user: { id: string; email: string }): Promise<Enrolment> {
  const existing = await findTotpFactor(db, user.id);
  if (existing?.confirmedAt) throw new AppError('CONFLICT', 'auth.mfa.alreadyEnrolled');
  // A page reload shows the same secret again: the user may already have scanned it.
  const secret = existing ? box.open(existing.secretCiphertext) : new Secret({ size: 20 }).base32;
  if (!existing) await saveUnconfirmedTotp(db, user.id, box.seal(secret));
  const uri = totpFor(secret, user.email).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

/** Checks a TOTP code against the user's factor and consumes its step. */
export async function acceptTotp(db: Database, box: SecretBox, userId: string, code: string): Promise<boolean> {
  const factor = await findTotpFactor(db, userId);
  if (!factor || !/^\d{6}$/.test(code)) return false;
  const totp = totpFor(box.open(factor.secretCiphertext), '');
  const now = Date.now();
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return false;
  return useTotpStep(db, factor.id, Math.floor(now / 1000 / period) + delta);
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const raw = randomBytes(6).toString('hex');
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  });
}

/**
 * Confirms enrolment with a first code, which also verifies this session's second factor. Returns the
 * recovery codes (shown to the user this once) and the session's new cookie token.
 */
export async function confirmTotpEnrolment(
  db: Database,
  box: SecretBox,
  input: { token: string; userId: string; code: string; requestId: string },
) {
  const factor = await findTotpFactor(db, input.userId);
  if (!factor || factor.confirmedAt) throw new AppError('CONFLICT', 'auth.mfa.notStarted');
  if (!(await acceptTotp(db, box, input.userId, input.code.trim()))) throw badCode();
  const recoveryCodes = newRecoveryCodes();
  await replaceRecoveryCodes(db, input.userId, recoveryCodes.map(hashRecoveryCode));
  await insertAuditEntry(db, { userId: input.userId, action: 'session.mfa.enrol', recordType: 'session', requestId: input.requestId });
  const token = newSessionToken();
  await rotateSessionAfterMfa(db, sessionIdOf(input.token), sessionIdOf(token));
  return { recoveryCodes, token };
}

/**
 * A passkey as the account's first factor, at the second step of a login (instead of the authenticator app): only
 * while the account has no factor at all, or a password alone could add one. Like confirming the app, it verifies
 * this session's second factor, gives recovery codes (shown once) and a new session id.
 */
export async function enrolPasskeyAtLogin(
  db: Database,
  settings: WebauthnSettings,
  input: { token: string; userId: string; label: unknown; response: unknown; requestId: string },
) {
  if (await hasSecondFactor(db, input.userId)) throw new AppError('CONFLICT', 'auth.mfa.alreadyEnrolled');
  const label = passkeyLabelSchema.safeParse(input.label);
  if (!label.success) throw new AppError('BAD_REQUEST', 'validation.required', { label: { key: label.error.issues[0]?.message ?? 'validation.invalid' } });
  await registerPasskey(db, settings, { sessionId: sessionIdOf(input.token), userId: input.userId, label: label.data, response: input.response, requestId: input.requestId });
  const recoveryCodes = newRecoveryCodes();
  await replaceRecoveryCodes(db, input.userId, recoveryCodes.map(hashRecoveryCode));
  const token = newSessionToken();
  await rotateSessionAfterMfa(db, sessionIdOf(input.token), sessionIdOf(token));
  return { recoveryCodes, token };
}

/** The proof a user gives for the second factor: a code (TOTP or recovery) or a passkey's signed answer. */
export interface FactorProof {
  code?: string;
  /** The browser's answer to a passkey challenge (JSON); checked against `webauthn`. */
  passkey?: unknown;
  webauthn?: WebauthnSettings;
}

/**
 * Second-factor failures count like password failures, per account (login-limits.ts): five wrong codes or passkey
 * answers in 15 minutes block the account's second step for 15 minutes, so a six-digit code cannot be guessed.
 */
export const factorKey = (userId: string) => `factor:${userId}`;

/**
 * Verifies the second factor for a password-only session: a TOTP code, a recovery code or a passkey. On success
 * the session gets a new id and counts as fully signed in; the new cookie token is returned.
 */
export async function verifySecondFactor(
  db: Database,
  box: SecretBox,
  input: FactorProof & { token: string; userId: string; requestId: string; limits?: LoginLimits },
): Promise<string> {
  const { limits } = input;
  if (limits && (await limits.account.retryAfterMs(factorKey(input.userId))) > 0) throw new AppError('TOO_MANY_REQUESTS', 'error.rateLimited');
  const usesPasskey = input.passkey !== undefined;
  const credentialId = usesPasskey ? await acceptProof(db, input, sessionIdOf(input.token), 'login') : null;
  // A TOTP code only from a confirmed app: a passkey user's unfinished app enrolment proves nothing.
  const ok = usesPasskey ? credentialId !== null : await acceptFactorCode(db, box, input.userId, input.code ?? '', await hasConfirmedTotp(db, input.userId));
  await insertAuditEntry(db, {
    userId: input.userId,
    action: 'session.mfa',
    ...(usesPasskey ? { recordType: 'webauthn_credential', recordId: credentialId } : { recordType: 'session' }),
    outcome: ok ? 'allowed' : 'denied',
    requestId: input.requestId,
  });
  if (!ok) {
    await limits?.account.recordFailure(factorKey(input.userId));
    throw usesPasskey ? passkeyRefused() : badCode();
  }
  await limits?.account.reset(factorKey(input.userId));
  const token = newSessionToken();
  await rotateSessionAfterMfa(db, sessionIdOf(input.token), sessionIdOf(token));
  return token;
}

/** A passkey answer for the session and purpose: the credential's row id, or null. */
export async function acceptProof(db: Database, proof: FactorProof & { userId: string }, sessionId: string, purpose: 'login' | 'stepUp') {
  if (!proof.webauthn) throw new Error('a passkey needs the WebAuthn settings');
  return acceptPasskey(db, proof.webauthn, { sessionId, userId: proof.userId, purpose, response: proof.passkey });
}

/**
 * A TOTP code (its step consumed) or, for a user who lost the phone, one of the recovery codes (consumed: a
 * recovery code works once, whether for the login or a step-up). False for anything else.
 */
export async function acceptFactorCode(db: Database, box: SecretBox, userId: string, raw: string, totp = true): Promise<boolean> {
  const code = raw.trim();
  if (/^\d{6}$/.test(code)) return totp && acceptTotp(db, box, userId, code);
  if (!/^[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}$/i.test(code.replace(/\s/g, ''))) return false;
  return useRecoveryCode(db, userId, hashRecoveryCode(code));
}

export async function hasConfirmedTotp(db: Database, userId: string) {
  return Boolean((await findTotpFactor(db, userId))?.confirmedAt);
}

/** A confirmed TOTP factor or at least one passkey: either meets the second-factor requirement. */
export async function hasSecondFactor(db: Database, userId: string) {
  return (await hasConfirmedTotp(db, userId)) || (await countWebauthnCredentials(db, userId)) > 0;
}

export async function hasPasskey(db: Database, userId: string) {
  return (await countWebauthnCredentials(db, userId)) > 0;
}
