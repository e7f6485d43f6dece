// Passkeys in either portal (issue 3). The browser asks `passkeyOptionsPath` for a ceremony's options (a same-origin
// JSON POST: a challenge bound to this session is stored), lets the authenticator answer, and posts the answer in a
// form field named `passkey` with the page's ordinary form: the second-factor form, a step-up form, or the account
// page's "add" form. TOTP stays the path that works without JavaScript.
import { fail, type Action, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { AppError, createCallerFactory, describeError, hasSecondFactor, passkeyAuthenticationOptions, passkeyRegistrationOptions, sessionIdOf } from '@utvag/api';
import { getTranslator } from '@utvag/i18n';
import { TRPCError, type AnyRouter } from '@trpc/server';
import { stepUpValidMinutes } from '@utvag/domain';
import { sessionCookieName } from './cookies.ts';
import { isCrossSite } from './cross-site.ts';
import { stepUpFromForm } from './step-up.ts';
import type { PortalConfig } from './portal.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

/** The answer in a posted form, or undefined when the form was sent with a code instead. */
export function passkeyFromForm(form: FormData): unknown {
  const raw = form.get('passkey');
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    // Not JSON: an answer all the same, which the API refuses like any wrong one.
    return raw;
  }
}

function accountCaller(config: PortalConfig, locals: App.Locals) {
  return createCallerFactory(config.router as AnyRouter)(locals.ctx) as unknown as {
    account: {
      passkeys(): Promise<{ passkeys: { id: string; label: string; createdAt: string; lastUsedAt: string | null }[]; needsStepUp: boolean }>;
      passkeyRegistrationOptions(): Promise<unknown>;
      registerPasskey(input: { label: string; response: string }): Promise<{ id: string; recoveryCodes: string[] | null }>;
      removePasskey(input: { id: string }): Promise<{ removed: number }>;
    };
  };
}

/** POST { purpose: 'login' | 'stepUp' | 'register' } → { options } for @simplewebauthn/browser, or { message }. */
export function passkeyOptionsHandler(getConfig: () => PortalConfig): RequestHandler {
  return async (event) => {
    const config = getConfig();
    const { locals, cookies, request } = event;
    const t = getTranslator(locals.locale);
    if (isCrossSite(request, event.url.origin)) return json(403, { message: t('error.forbidden') });
    const body = (await request.json().catch(() => null)) as { purpose?: unknown } | null;
    const purpose = body?.purpose;
    const token = cookies.get(sessionCookieName(config.secure));
    if (purpose === 'register' && locals.pendingUser && token) {
      // The first factor at the second step of a login: only for an account without any, or a password alone
      // could add one (the enrolment refuses it again).
      const user = locals.pendingUser;
      if (await hasSecondFactor(config.db, user.id)) return json(409, { message: t('auth.mfa.alreadyEnrolled') });
      return json(200, { options: await passkeyRegistrationOptions(config.db, config.webauthn, { sessionId: sessionIdOf(token), user }) });
    }
    if (purpose === 'register') {
      if (!locals.user) return json(401, { message: t('error.unauthorized') });
      try {
        return json(200, { options: await accountCaller(config, locals).account.passkeyRegistrationOptions() });
      } catch (error) {
        if (!(error instanceof TRPCError)) throw error;
        const described = describeError(error, locals.locale);
        return json(described.httpStatus, { message: described.message });
      }
    }
    // The second factor of a password-only session, or a step-up of a signed-in one.
    if (purpose !== 'login' && purpose !== 'stepUp') return json(400, { message: t('error.badRequest') });
    const user = purpose === 'login' ? locals.pendingUser : locals.user;
    if (!user || !token) return json(401, { message: t('error.unauthorized') });
    const options = await passkeyAuthenticationOptions(config.db, config.webauthn, { sessionId: sessionIdOf(token), userId: user.id, purpose });
    return options ? json(200, { options }) : json(404, { message: t('auth.passkey.none') });
  };
}

/** The account page's passkeys: the list, and whether adding or removing needs a step-up first. */
export async function passkeysLoad(getConfig: () => PortalConfig, event: Pick<RequestEvent, 'locals'>) {
  const { passkeys, needsStepUp } = await accountCaller(getConfig(), event.locals).account.passkeys();
  return { passkeys, needsStepUp, minutes: stepUpValidMinutes };
}

function failureOf(error: unknown, locale: App.Locals['locale'], form: string, values: Record<string, string> = {}) {
  if (error instanceof TRPCError) {
    const described = describeError(error, locale);
    return fail(described.httpStatus, { form, values, message: described.message, fieldErrors: described.fieldErrors ?? {} });
  }
  if (error instanceof AppError) {
    const message = getTranslator(locale)(error.messageKey);
    return fail(400, { form, values, message, fieldErrors: Object.fromEntries(Object.keys(error.fieldErrors ?? {}).map((k) => [k, message])) });
  }
  throw error;
}

/** The account page's actions: step up (code or passkey), add a passkey (label and the browser's answer), remove one. */
export function passkeysActions(getConfig: () => PortalConfig): Record<'stepUp' | 'add' | 'remove', Action> {
  return {
    stepUp: async (event) => {
      const form = await event.request.formData();
      try {
        await stepUpFromForm(getConfig(), event, String(form.get('code') ?? ''), passkeyFromForm(form));
      } catch (error) {
        return failureOf(error, event.locals.locale, 'stepUp');
      }
      return { form: 'stepUp', steppedUp: true };
    },
    add: async (event) => {
      const form = await event.request.formData();
      const label = String(form.get('label') ?? '');
      try {
        const done = await accountCaller(getConfig(), event.locals).account.registerPasskey({ label, response: String(form.get('passkey') ?? '') });
        return { form: 'add', added: true, recoveryCodes: done.recoveryCodes };
      } catch (error) {
        return failureOf(error, event.locals.locale, 'add', { label });
      }
    },
    remove: async (event) => {
      const form = await event.request.formData();
      try {
        await accountCaller(getConfig(), event.locals).account.removePasskey({ id: String(form.get('id') ?? '') });
        return { form: 'remove', removed: true };
      } catch (error) {
        return failureOf(error, event.locals.locale, 'remove');
      }
    },
  };
}

