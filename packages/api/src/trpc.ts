// tRPC setup in numbered sections: 1. context (context.ts), 2. init with the one error mapping,
// 3. procedure tiers. A handler behind `staffProcedure(action)` has a non-null staff user whose role
// may perform `action`.
import { initTRPC, TRPCError } from '@trpc/server';
import { auditDenied } from './audit.ts';
import { hasFreshStepUp, stepUpRequired } from './auth/step-up.ts';
import { testOnlySwitchAllowed, type Context, type PartnerUser, type SessionUser, type StaffUser } from './context.ts';
import { describeError } from './describe-error.ts';
import { AppError, forbidden, type AppErrorCode } from './errors.ts';
import { isAllowed, needsStepUp, type Action } from './permissions.ts';

/** A row-level security policy refused a write (SQLSTATE 42501), possibly wrapped by Drizzle. */
function isRowSecurityRefusal(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === '42501') return true;
  }
  return false;
}

// 2. INIT
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const described = describeError(error, ctx?.locale ?? 'sv');
    return {
      message: described.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        messageKey: described.messageKey,
        fieldErrors: described.fieldErrors,
      },
    };
  },
});

const trpcCodeOf: Record<AppErrorCode, TRPCError['code']> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
};

/** Maps AppError to TRPCError in one place; unexpected errors are logged (without personal data). */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.messageKey, cause });
    }
    if (isRowSecurityRefusal(cause)) {
      // PostgreSQL refused a write outside the request's tenant: the API's checks missed something, RLS did not.
      ctx.log.warn('procedure.rlsRefused', { path });
      throw new TRPCError({ code: 'FORBIDDEN', message: 'error.forbidden', cause: forbidden() });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      ctx.log.error('procedure.failed', { path, error: cause?.name ?? result.error.name });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3. PROCEDURES
export const publicProcedure = t.procedure.use(errorMapping);

const authenticated = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A signed-in user of the portal whose role may perform `action`; anything else is refused and logged. */
function permitted<U extends SessionUser>(kind: U['kind'], action: Action) {
  return authenticated.use(async ({ ctx, next }) => {
    // Test only (context.ts): the API's own checks off, the handler given another tenant's user; RLS still
    // applies with the session's own tenant.
    if (ctx.apiChecksOff && testOnlySwitchAllowed()) return next({ ctx: { ...ctx, user: ctx.apiChecksOff as U } });
    if (ctx.user.kind !== kind || !isAllowed(ctx.user.role, action)) {
      await auditDenied(ctx, action);
      throw new TRPCError({ code: 'FORBIDDEN' });
    }
    return next({ ctx: { ...ctx, user: ctx.user as U } });
  });
}

/** A signed-in staff user whose role may perform `action`. */
export const staffProcedure = (action: Action) => permitted<StaffUser>('staff', action);

/** A signed-in partner user whose role may perform `action`. */
export const partnerProcedure = (action: Action) => permitted<PartnerUser>('partner', action);

/**
 * For actions that need a step-up (permissions.ts `stepUpActions`), placed after `.input()` so bad input is
 * still answered as such: refused with PRECONDITION_FAILED (and logged) unless the session stepped up within the
 * last few minutes. The authorization matrix checks that every such action's procedures have it.
 */
export function requireStepUp(action: Action) {
  if (!needsStepUp(action)) throw new Error(`${action} is not listed in stepUpActions`);
  return t.middleware(async ({ ctx, next }) => {
    const c = ctx as Context & { user: SessionUser };
    if (!(ctx.apiChecksOff && testOnlySwitchAllowed()) && !(await hasFreshStepUp(c))) {
      await auditDenied(ctx, action);
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'security.stepUp.required', cause: stepUpRequired() });
    }
    return next();
  });
}

/** Any signed-in user of the given portal, for their own account (language, who am I). */
export function accountProcedure(kind: 'staff' | 'partner') {
  return authenticated.use(({ ctx, next }) => {
    if (ctx.user.kind !== kind) throw new TRPCError({ code: 'FORBIDDEN' });
    return next({ ctx });
  });
}
