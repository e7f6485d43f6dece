// The second-factor page (/login/kod) of either portal: a password-only session either enrols an authenticator
// app (QR code, first code, recovery codes shown once) or enters a code or uses a passkey. Plain forms; only the
// passkey needs JavaScript.
import { fail, redirect, type Action, type RequestEvent } from '@sveltejs/kit';
import { AppError, confirmTotpEnrolment, enrolPasskeyAtLogin, hasPasskey, hasSecondFactor, startTotpEnrolment, verifySecondFactor } from '@utvag/api';
import { getTranslator } from '@utvag/i18n';
import { safeRedirectPath, sessionCookieName, setSessionCookie } from './cookies.ts';
import { passkeyFromForm } from './passkeys.ts';
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
  // An authenticator app or a passkey meets the requirement; the passkey button shows only to a user who has one.
  if (await hasSecondFactor(db, user.id)) return { mode: 'verify' as const, redirectTo, enrolment: null, passkey: await hasPasskey(db, user.id) };
  const { secret, qrSvg } = await startTotpEnrolment(db, secretBox, user);
  return { mode: 'enrol' as const, redirectTo, enrolment: { secret, qrSvg }, passkey: false };
}

type Step = 'verify' | 'enrol' | 'enrolPasskey';

function secondFactorAction(config: () => PortalConfig, step: Step): Action {
  return async (event) => {
    const user = pending(event);
    const { db, secretBox, secure, policy, webauthn, loginLimits } = config();
    const form = await event.request.formData();
    const code = String(form.get('code') ?? '');
    const token = event.cookies.get(sessionCookieName(secure)) ?? '';
    const input = { token, userId: user.id, code, requestId: event.locals.requestId };
    const passkey = passkeyFromForm(form);
    const t = getTranslator(event.locals.locale);
    const expires = new Date(Date.now() + policy.absoluteHours * 3_600_000);
    try {
      if (step === 'enrolPasskey') {
        const done = await enrolPasskeyAtLogin(db, webauthn, { token, userId: user.id, label: form.get('label'), response: passkey, requestId: event.locals.requestId });
        setSessionCookie(event.cookies, secure, done.token, expires);
        return { recoveryCodes: done.recoveryCodes, redirectTo: safeRedirectPath(form.get('redirectTo')) };
      }
      if (step === 'verify') {
        const next = await verifySecondFactor(db, secretBox, { ...input, passkey, webauthn, limits: loginLimits });
        setSessionCookie(event.cookies, secure, next, expires);
      } else {
        const done = await confirmTotpEnrolment(db, secretBox, input);
        setSessionCookie(event.cookies, secure, done.token, expires);
        return { recoveryCodes: done.recoveryCodes, redirectTo: safeRedirectPath(form.get('redirectTo')) };
      }
    } catch (error) {
      if (error instanceof AppError && error.code === 'TOO_MANY_REQUESTS') return fail(429, { step, message: t(error.messageKey) });
      if (error instanceof AppError && error.fieldErrors?.label) return fail(400, { step, message: t(error.fieldErrors.label.key), labelError: true });
      if (error instanceof AppError) return fail(400, { step, message: t(error.messageKey), passkey: passkey !== undefined || step === 'enrolPasskey' });
      throw error;
    }
    redirect(303, safeRedirectPath(form.get('redirectTo')));
  };
}

export const secondFactorActions = (config: () => PortalConfig) => ({
  verify: secondFactorAction(config, 'verify'),
  enrol: secondFactorAction(config, 'enrol'),
  enrolPasskey: secondFactorAction(config, 'enrolPasskey'),
});
