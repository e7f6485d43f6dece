// Revealing a protected identity (issue 3): a reason, and the one-time code again unless the session stepped up
// a few minutes ago. The identity is shown in the answer to the post only: nothing in the URL, nothing cached.
import { fail } from '@sveltejs/kit';
import { AppError, createCallerFactory, staffRouter } from '@utvag/api';
import { stepUpValidMinutes } from '@utvag/domain';
import { getTranslator } from '@utvag/i18n';
import { formToObject } from '@utvag/portal-kit';
import { callFromForm, loadOrError, passkeyFromForm } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';
import { stepUpUnlessFresh, stepUpWays } from '$lib/server/step-up';

const createCaller = createCallerFactory(staffRouter);

export const load = async ({ locals, params, url }) => {
  const referral = await loadOrError(locals.locale, () => callerFor(locals).referral.get({ id: params.id }));
  const ways = await stepUpWays(locals);
  return {
    referral: { id: referral.id, reference: referral.reference, protectedIdentity: referral.person.protectedIdentity },
    needsCode: ways.needed,
    ways,
    path: url.pathname,
    minutes: stepUpValidMinutes,
  };
};

export const actions = {
  default: async (event) => {
    const { locals, params, request } = event;
    const formData = await request.formData();
    const form = formToObject(formData);
    const values = { reason: String(form.reason ?? '') };
    const t = getTranslator(locals.locale);
    let ctx = locals.ctx;
    try {
      // Also for a demo account without a factor (no code asked): the session needs its step-up time.
      ctx = await stepUpUnlessFresh(event, String(form.code ?? ''), passkeyFromForm(formData));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = t(error.messageKey);
      // A refused passkey is said at the passkey button's notice, a wrong code at the code field.
      return fail(400, { values, message, fieldErrors: (error.fieldErrors?.passkey ? {} : { code: message }) as Record<string, string> });
    }
    const result = await callFromForm(locals.locale, values, () =>
      createCaller(ctx).referral.revealIdentity({ id: params.id, reason: values.reason }),
    );
    if (!('ok' in result) || result.ok !== true) return result;
    return { revealed: result.value };
  },
};
