// The signed-in user's own account: who am I, and the remembered language.
import { updateUserLocale } from '@utvag/db';
import { locales } from '@utvag/i18n';
import { z } from 'zod';
import { accountProcedure, router } from '../trpc.ts';

export function accountRouter(kind: 'staff' | 'partner') {
  const procedure = accountProcedure(kind);
  return router({
    me: procedure.query(({ ctx }) => ({
      id: ctx.user.id,
      name: ctx.user.name,
      role: ctx.user.role,
      kind: ctx.user.kind,
      locale: ctx.user.locale,
      isDemo: ctx.user.isDemo,
    })),
    setLocale: procedure.input(z.object({ locale: z.enum(locales) })).mutation(async ({ ctx, input }) => {
      await updateUserLocale(ctx.db, ctx.user.id, input.locale);
      return { locale: input.locale };
    }),
  });
}
