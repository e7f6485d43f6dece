// The second-factor page (/login/kod) of either portal: a password-only session either enrols an authenticator
// app (QR code, first code, recovery codes shown once) or enters a code. Plain forms; no JavaScript needed.
import { fail, redirect, type Action, type RequestEvent } from '@sveltejs/kit';
import { AppError, confirmTotpEnrolment, hasConfirmedTotp, startTotpEnrolment, verifySecondFactor } from '@utvag/api';
import { getTranslator } from '@utvag/i18n';
import { safeRedirectPath, sessionCookieName, setSessionCookie } from './cookies.ts';
import type { PortalConfig } from './portal.ts';

function pending(event: Pick<RequestEvent, 'locals'>) {
  const user = event.locals.pendingUser;
  if (!user) redirect(303, '/login');
  return user;
}

export async function secondFactorLoad(config: () => PortalConfig, event: Pick<RequestEvent, 'locals' | 'url'>) {
  const user = pending(event);
  const redirectTo = safeRedirectPath(event.url.searchParams.get('redirectTo'));
  const { db, secretBox } = config();
  if (await hasConfirmedTotp(db, user.id)) return { mode: 'verify' as const, redirectTo, enrolment: null };
  const { secret, qrSvg } = await startTotpEnrolment(db, secretBox, user);
  return { mode: 'enrol' as const, redirectTo, enrolment: { secret, qrSvg } };
}

type Step = 'verify' | 'enrol';

function secondFactorAction(config: () => PortalConfig, step: Step): Action {
  return async (event) => {
    const user = pending(event);
    const { db, secretBox, secure, policy } = config();
    const form = await event.request.formData();
    const code = String(form.get('code') ?? '');
    const token = event.cookies.get(sessionCookieName(secure)) ?? '';
    const input = { token, userId: user.id, code, requestId: event.locals.requestId };
    const t = getTranslator(event.locals.locale);
    const expires = new Date(Date.now() + policy.absoluteHours * 3_600_000);
    try {
      if (step === 'verify') {
        setSessionCookie(event.cookies, secure, await verifySecondFactor(db, secretBox, input), expires);
      } else {
        const done = await confirmTotpEnrolment(db, secretBox, input);
        setSessionCookie(event.cookies, secure, done.token, expires);
        return { recoveryCodes: done.recoveryCodes, redirectTo: safeRedirectPath(form.get('redirectTo')) };
      }
    } catch (error) {
      if (error instanceof AppError) return fail(400, { step, message: t(error.messageKey) });
      throw error;
    }
    redirect(303, safeRedirectPath(form.get('redirectTo')));
  };
}

export const secondFactorActions = (config: () => PortalConfig) => ({
  verify: secondFactorAction(config, 'verify'),
  enrol: secondFactorAction(config, 'enrol'),
});
