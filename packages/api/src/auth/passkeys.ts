// Passkeys (WebAuthn, issue 3): a phishing-resistant second factor next to TOTP, through @simplewebauthn/server.
// The browser signs the server's challenge together with the origin it is on, so a look-alike site gets nothing it
// can use here. Every ceremony requires user verification (PIN or biometrics on the authenticator); the expected
// origin and RP ID come from configuration (the portal's ORIGIN), never from the request. A challenge is kept in
// PostgreSQL bound to the session and a purpose, taken (deleted) when answered, and valid for `challengeMinutes`.
import {
  findWebauthnCredentialsOfUser,
  insertAuditEntry,
  insertWebauthnCredential,
  recordWebauthnUse,
  saveWebauthnChallenge,
  takeWebauthnChallenges,
  type ChallengePurpose,
  type Database,
} from '@utvag/db';
import { passkeyResponseSchema } from '@utvag/domain';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { AppError } from '../errors.ts';

export interface WebauthnSettings {
  /** The portal's origin (ORIGIN), the only one a ceremony may come from. */
  origin: string;
  /** The relying party id: the origin's host unless WEBAUTHN_RP_ID names a parent domain. */
  rpId: string;
  rpName: string;
}

export function webauthnSettingsFromEnv(env: Record<string, string | undefined> = process.env): WebauthnSettings {
  const origin = env.ORIGIN || (env.NODE_ENV === 'production' ? '' : 'http://localhost:5173');
  if (!origin) throw new Error('ORIGIN is not set: passkeys (WebAuthn) check the origin they were made on (see .env.example)');
  const host = new URL(origin).hostname;
  const rpId = env.WEBAUTHN_RP_ID || host;
  if (host !== rpId && !host.endsWith(`.${rpId}`)) throw new Error('WEBAUTHN_RP_ID must be the host of ORIGIN or a parent domain of it');
  return { origin: new URL(origin).origin, rpId, rpName: 'Utväg' };
}

export const challengeMinutes = 5;
/** COSE algorithms offered: ES256 (every platform authenticator) and RS256 (Windows Hello's older keys). */
const algorithms = [-7, -257];

export const passkeyRefused = () => new AppError('BAD_REQUEST', 'auth.passkey.failed', { passkey: { key: 'auth.passkey.failed' } });

async function issueChallenge(db: Database, input: { sessionId: string; userId: string; purpose: ChallengePurpose; challenge: string }) {
  await saveWebauthnChallenge(db, { ...input, expiresAt: new Date(Date.now() + challengeMinutes * 60_000) });
}

/** Options for creating a passkey in the browser; the user's existing passkeys are excluded (no duplicates). */
export async function passkeyRegistrationOptions(
  db: Database,
  settings: WebauthnSettings,
  input: { sessionId: string; user: { id: string; email: string; name: string } },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await findWebauthnCredentialsOfUser(db, input.user.id);
  const options = await generateRegistrationOptions({
    rpName: settings.rpName,
    rpID: settings.rpId,
    userName: input.user.email,
    userDisplayName: input.user.name,
    // The account's uuid as the user handle: no e-mail or name inside the authenticator's handle.
    userID: new TextEncoder().encode(input.user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports as AuthenticatorTransport[] })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    supportedAlgorithmIDs: algorithms,
    timeout: challengeMinutes * 60_000,
  });
  await issueChallenge(db, { sessionId: input.sessionId, userId: input.user.id, purpose: 'register', challenge: options.challenge });
  return options;
}

/** Checks the browser's new credential against the session's registration challenge and stores it. */
export async function registerPasskey(
  db: Database,
  settings: WebauthnSettings,
  input: { sessionId: string; userId: string; label: string; response: unknown; requestId: string },
): Promise<{ id: string }> {
  const parsed = passkeyResponseSchema.safeParse(input.response);
  const challenges = await takeWebauthnChallenges(db, input.sessionId, input.userId, 'register');
  if (!parsed.success || challenges.length === 0) throw passkeyRefused();
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: parsed.data as unknown as RegistrationResponseJSON,
      expectedChallenge: (c) => challenges.includes(c),
      expectedOrigin: settings.origin,
      expectedRPID: settings.rpId,
      requireUserVerification: true,
      supportedAlgorithmIDs: algorithms,
    });
  } catch {
    throw passkeyRefused();
  }
  if (!verified.verified) throw passkeyRefused();
  const { credential } = verified.registrationInfo;
  const row = await insertWebauthnCredential(db, {
    userId: input.userId,
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    signCount: credential.counter,
    transports: credential.transports ?? [],
    label: input.label,
  }).catch((error: unknown) => {
    // The same authenticator registered twice (the browser should have excluded it): one row per credential.
    if ((error as { code?: string; cause?: { code?: string } }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') {
      throw new AppError('CONFLICT', 'auth.passkey.duplicate');
    }
    throw error;
  });
  await insertAuditEntry(db, { userId: input.userId, action: 'passkey.enrol', recordType: 'webauthn_credential', recordId: row.id, requestId: input.requestId });
  return row;
}

/** Options for signing in or stepping up with one of the user's passkeys; null when the user has none. */
export async function passkeyAuthenticationOptions(
  db: Database,
  settings: WebauthnSettings,
  input: { sessionId: string; userId: string; purpose: 'login' | 'stepUp' },
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const credentials = await findWebauthnCredentialsOfUser(db, input.userId);
  if (credentials.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: settings.rpId,
    allowCredentials: credentials.map((c) => ({ id: c.credentialId, transports: c.transports as AuthenticatorTransport[] })),
    userVerification: 'required',
    timeout: challengeMinutes * 60_000,
  });
  await issueChallenge(db, { sessionId: input.sessionId, userId: input.userId, purpose: input.purpose, challenge: options.challenge });
  return options;
}

/**
 * Checks a signed answer: a challenge this session holds for the purpose (taken, so never twice), a credential of
 * this user, the origin, RP ID, user verification and a counter that grew. The credential's row id when accepted.
 */
export async function acceptPasskey(
  db: Database,
  settings: WebauthnSettings,
  input: { sessionId: string; userId: string; purpose: 'login' | 'stepUp'; response: unknown },
): Promise<string | null> {
  const challenges = await takeWebauthnChallenges(db, input.sessionId, input.userId, input.purpose);
  const parsed = passkeyResponseSchema.safeParse(input.response);
  if (!parsed.success || challenges.length === 0) return null;
  const response = parsed.data as unknown as AuthenticationResponseJSON;
  // Only the user's own credentials are looked at: another user's passkey is as unknown as a made-up one.
  const stored = (await findWebauthnCredentialsOfUser(db, input.userId)).find((c) => c.credentialId === response.id);
  if (!stored) return null;
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (c) => challenges.includes(c),
      expectedOrigin: settings.origin,
      expectedRPID: settings.rpId,
      credential: {
        id: stored.credentialId,
        publicKey: new Uint8Array(Buffer.from(stored.publicKey, 'base64url')),
        counter: stored.signCount,
        transports: stored.transports as AuthenticatorTransport[],
      },
      requireUserVerification: true,
    });
    if (!result.verified) return null;
    // The library refuses a counter that did not grow; the conditional update does again against a racing request.
    return (await recordWebauthnUse(db, stored.id, result.authenticationInfo.newCounter)) ? stored.id : null;
  } catch {
    return null;
  }
}
