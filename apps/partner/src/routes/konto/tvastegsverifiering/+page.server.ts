// Optional two-step verification for partners (issue 3): a partner whose organisation does not require it may
// still turn it on. After that every login asks for a code. Enrolling rotates the session id (a privilege change).
import { fail } from '@sveltejs/kit';
import { AppError, confirmTotpEnrolment, hasConfirmedTotp, startTotpEnrolment } from '@utvag/api';
import { getTranslator } from '@utvag/i18n';
import { renewSessionCookie, sessionCookieName } from '@utvag/portal-kit/server';
import { getConfig } from '$lib/server/portal';

export const load = async ({ locals }) => {
  const { db, secretBox } = getConfig();
  const user = locals.user!;
  if (await hasConfirmedTotp(db, user.id)) return { enrolled: true, enrolment: null };
  const { secret, qrSvg } = await startTotpEnrolment(db, secretBox, user);
  return { enrolled: false, enrolment: { secret, qrSvg } };
};

export const actions = {
  default: async ({ locals, request, cookies }) => {
    const config = getConfig();
    const user = locals.user!;
    const code = String((await request.formData()).get('code') ?? '');
    const token = cookies.get(sessionCookieName(config.secure)) ?? '';
    try {
      const done = await confirmTotpEnrolment(config.db, config.secretBox, { token, userId: user.id, code, requestId: locals.requestId });
      renewSessionCookie(config, cookies, done.token);
      return { recoveryCodes: done.recoveryCodes };
    } catch (error) {
      if (error instanceof AppError) return fail(400, { message: getTranslator(locals.locale)(error.messageKey) });
      throw error;
    }
  },
};
