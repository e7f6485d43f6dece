// The signed-in user's own account: who am I, the remembered language, and their sessions (issue 3: a user sees
// their active sessions and ends any of them).
import { deleteOtherSessionsOfUser, deleteSessionOfUser, insertAuditEntry, listSessionsOfUser, updateUserLocale } from '@utvag/db';
import { sessionHandleSchema } from '@utvag/domain';
import { locales } from '@utvag/i18n';
import { z } from 'zod';
import { idleSince, sessionPolicyFromEnv } from '../auth/session-policy.ts';
import { hasFreshStepUp } from '../auth/step-up.ts';
import type { Context, SessionUser } from '../context.ts';
import { notFound } from '../errors.ts';
import { accountProcedure, router } from '../trpc.ts';
import { passkeyProcedures } from './passkeys.ts';

/** Ending sessions is on record (who ended how many); the sessions themselves hold no personal data. */
async function auditSessionEnd(ctx: Context & { user: SessionUser }, ended: number) {
  const u = ctx.user;
  await insertAuditEntry(ctx.db, {
    userId: u.id,
    role: u.role,
    municipalityId: u.municipalityId,
    organisationId: u.organisationId,
    action: 'session.end',
    recordType: 'session',
    recordId: String(ended),
    requestId: ctx.requestId,
  });
}

export function accountRouter(kind: 'staff' | 'partner') {
  const procedure = accountProcedure(kind);
  return router({
    me: procedure.query(async ({ ctx }) => ({
      id: ctx.user.id,
      name: ctx.user.name,
      role: ctx.user.role,
      kind: ctx.user.kind,
      locale: ctx.user.locale,
      isDemo: ctx.user.isDemo,
      /** Whether a step-up is still fresh (the reveal form then asks for a reason only). */
      steppedUp: await hasFreshStepUp(ctx),
    })),
    setLocale: procedure.input(z.object({ locale: z.enum(locales) })).mutation(async ({ ctx, input }) => {
      await updateUserLocale(ctx.db, ctx.user.id, input.locale);
      return { locale: input.locale };
    }),
    sessions: procedure.query(async ({ ctx }) => {
      const rows = await listSessionsOfUser(ctx.db, ctx.user.id, idleSince(sessionPolicyFromEnv()));
      return rows.map((s) => ({
        handle: s.handle,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        browser: s.browser,
        current: s.id === ctx.sessionId,
      }));
    }),
    endSession: procedure.input(sessionHandleSchema).mutation(async ({ ctx, input }) => {
      if (!(await deleteSessionOfUser(ctx.db, ctx.user.id, input.handle))) throw notFound();
      await auditSessionEnd(ctx, 1);
      return { ended: 1 };
    }),
    endOtherSessions: procedure.mutation(async ({ ctx }) => {
      const ended = ctx.sessionId ? await deleteOtherSessionsOfUser(ctx.db, ctx.user.id, ctx.sessionId) : 0;
      await auditSessionEnd(ctx, ended);
      return { ended };
    }),
    ...passkeyProcedures(procedure),
  });
}
