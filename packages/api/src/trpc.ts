// tRPC setup in numbered sections: 1. context (context.ts), 2. init with the one error mapping,
// 3. procedure tiers. A handler behind `staffProcedure(action)` has a non-null staff user whose role
// may perform `action`.
import { initTRPC, TRPCError } from '@trpc/server';
import { auditDenied } from './audit.ts';
import type { Context, PartnerUser, StaffUser } from './context.ts';
import { describeError } from './describe-error.ts';
import { AppError, type AppErrorCode } from './errors.ts';
import { isAllowed, type Action } from './permissions.ts';

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
};

/** Maps AppError to TRPCError in one place; unexpected errors are logged (without personal data). */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.messageKey, cause });
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

/** A signed-in staff user whose role may perform `action`; anything else is refused and logged. */
export function staffProcedure(action: Action) {
  return authenticated.use(async ({ ctx, next }) => {
    if (ctx.user.kind !== 'staff' || !isAllowed(ctx.user.role, action)) {
      await auditDenied(ctx, action);
      throw new TRPCError({ code: 'FORBIDDEN' });
    }
    return next({ ctx: { ...ctx, user: ctx.user as StaffUser } });
  });
}

/** A signed-in partner user whose role may perform `action`. */
export function partnerProcedure(action: Action) {
  return authenticated.use(async ({ ctx, next }) => {
    if (ctx.user.kind !== 'partner' || !isAllowed(ctx.user.role, action)) {
      await auditDenied(ctx, action);
      throw new TRPCError({ code: 'FORBIDDEN' });
    }
    return next({ ctx: { ...ctx, user: ctx.user as PartnerUser } });
  });
}

/** Any signed-in user of the given portal, for their own account (language, who am I). */
export function accountProcedure(kind: 'staff' | 'partner') {
  return authenticated.use(({ ctx, next }) => {
    if (ctx.user.kind !== kind) throw new TRPCError({ code: 'FORBIDDEN' });
    return next({ ctx });
  });
}
