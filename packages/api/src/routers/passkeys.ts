// The signed-in user's own passkeys (issue 3), part of the account router: list, the options for creating one,
// register it, remove one. Adding or removing a factor changes how the account is protected, so a user who
// already has a factor (an authenticator app or a passkey) must have stepped up within the last few minutes: a
// stolen session alone can neither plant the thief's passkey nor remove the owner's. The first factor of an
// account without any (a partner who never turned two-step verification on, a staff member signed in through a
// strong e-legitimation) needs none: there is nothing to step up with.
import { deleteWebauthnCredential, inTenantTransaction, insertAuditEntry, listWebauthnCredentials, replaceRecoveryCodes } from '@utvag/db';
import { passkeyIdSchema, passkeyRegistrationInputSchema } from '@utvag/domain';
import { TRPCError } from '@trpc/server';
import { hashRecoveryCode, hasConfirmedTotp, hasSecondFactor, newRecoveryCodes } from '../auth/mfa.ts';
import { passkeyRegistrationOptions, registerPasskey, webauthnSettingsFromEnv } from '../auth/passkeys.ts';
import { hasFreshStepUp, stepUpRequired } from '../auth/step-up.ts';
import type { Context, SessionUser } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { accountProcedure } from '../trpc.ts';

type Ctx = Context & { user: SessionUser };

/** A request without a session row (a caller made in a test) has no session to bind a challenge to. */
function sessionOf(ctx: Ctx) {
  if (!ctx.sessionId) throw new AppError('UNAUTHORIZED', 'error.unauthorized');
  return ctx.sessionId;
}

async function requireStepUpForFactorChange(ctx: Ctx, action: string) {
  if (!(await hasSecondFactor(ctx.db, ctx.user.id)) || (await hasFreshStepUp(ctx))) return;
  const u = ctx.user;
  await insertAuditEntry(ctx.db, {
    userId: u.id,
    role: u.role,
    municipalityId: u.municipalityId,
    organisationId: u.organisationId,
    action,
    recordType: 'webauthn_credential',
    outcome: 'denied',
    requestId: ctx.requestId,
  });
  throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'security.stepUp.required', cause: stepUpRequired() });
}

export function passkeyProcedures(procedure: ReturnType<typeof accountProcedure>) {
  return {
    passkeys: procedure.query(async ({ ctx }) => {
      // The owner's own rows, read as the application role: RLS (policy `owner`) returns nobody else's.
      const rows = await inTenantTransaction(ctx.db, ctx.tenant!, (tx) => listWebauthnCredentials(tx, ctx.user.id));
      return {
        passkeys: rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.createdAt.toISOString(), lastUsedAt: r.lastUsedAt?.toISOString() ?? null })),
        /** Whether adding or removing one needs a step-up first (the page then asks for it). */
        needsStepUp: (await hasSecondFactor(ctx.db, ctx.user.id)) && !(await hasFreshStepUp(ctx)),
      };
    }),
    passkeyRegistrationOptions: procedure.mutation(async ({ ctx }) => {
      const sessionId = sessionOf(ctx);
      await requireStepUpForFactorChange(ctx, 'passkey.enrol');
      return passkeyRegistrationOptions(ctx.db, webauthnSettingsFromEnv(), { sessionId, user: ctx.user });
    }),
    registerPasskey: procedure.input(passkeyRegistrationInputSchema).mutation(async ({ ctx, input }) => {
      const sessionId = sessionOf(ctx);
      await requireStepUpForFactorChange(ctx, 'passkey.enrol');
      const first = !(await hasSecondFactor(ctx.db, ctx.user.id));
      const { id } = await registerPasskey(ctx.db, webauthnSettingsFromEnv(), {
        sessionId,
        userId: ctx.user.id,
        label: input.label,
        response: input.response,
        requestId: ctx.requestId,
      });
      // The account's first factor: recovery codes, shown once, so a lost passkey does not lock the user out.
      let recoveryCodes: string[] | null = null;
      if (first && !(await hasConfirmedTotp(ctx.db, ctx.user.id))) {
        recoveryCodes = newRecoveryCodes();
        await replaceRecoveryCodes(ctx.db, ctx.user.id, recoveryCodes.map(hashRecoveryCode));
      }
      return { id, recoveryCodes };
    }),
    removePasskey: procedure.input(passkeyIdSchema).mutation(async ({ ctx, input }) => {
      await requireStepUpForFactorChange(ctx, 'passkey.remove');
      const removed = await inTenantTransaction(ctx.db, ctx.tenant!, async (tx) => {
        const row = await deleteWebauthnCredential(tx, ctx.user.id, input.id);
        if (row) {
          const u = ctx.user;
          await insertAuditEntry(tx, {
            userId: u.id,
            role: u.role,
            municipalityId: u.municipalityId,
            organisationId: u.organisationId,
            action: 'passkey.remove',
            recordType: 'webauthn_credential',
            recordId: row.id,
            requestId: ctx.requestId,
          });
        }
        return row;
      });
      if (!removed) throw notFound();
      return { removed: 1 };
    }),
  };
}
