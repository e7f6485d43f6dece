// What every partner intake form does (issue 5): refuse a role that may not send it, reopen a saved draft,
// save a draft (the "save draft" button posts intent=draft) or submit. The idempotency key is made when the
// form is first shown and kept through drafts and failed attempts, so a retried post files one item.
import { randomUUID } from 'node:crypto';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { isAllowed, type Action } from '@utvag/api';
import type { IntakeSource } from '@utvag/domain';
import { getTranslator } from '@utvag/i18n';
import { flattenObject, formToObject } from '@utvag/portal-kit';
import { callFromForm, loadOrError, setFlash } from '@utvag/portal-kit/server';
import { callerFor } from '$lib/server/portal';

type Caller = ReturnType<typeof callerFor>;

export function intakeFormPage(opts: {
  action: Action;
  source: IntakeSource;
  submit: (caller: Caller, values: never) => Promise<{ id: string; reference: string }>;
}) {
  const load = async ({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>) => {
    if (!locals.user || !isAllowed(locals.user.role, opts.action)) {
      error(403, getTranslator(locals.locale)('partner.form.notAllowed'));
    }
    const draftKey = url.searchParams.get('utkast');
    const draft = draftKey
      ? await loadOrError(locals.locale, () => callerFor(locals).draft.get({ idempotencyKey: draftKey }))
      : null;
    return {
      idempotencyKey: draft?.idempotencyKey ?? randomUUID(),
      draftValues: draft?.values ?? null,
      contact: { name: locals.user.name, email: locals.user.email },
    };
  };

  const actions = {
    default: async ({ locals, request, cookies }: Pick<RequestEvent, 'locals' | 'request' | 'cookies'>) => {
      const { intent, ...values } = formToObject(await request.formData());
      const flat = flattenObject(values);
      if (intent === 'draft') {
        const saved = await callFromForm(locals.locale, flat, () =>
          callerFor(locals).draft.save({ idempotencyKey: String(values.idempotencyKey ?? ''), source: opts.source, values: flat }),
        );
        if (!('ok' in saved) || saved.ok !== true) return saved;
        setFlash(cookies, { tone: 'success', textKey: 'partner.drafts.saved' });
        redirect(303, '/');
      }
      const result = await callFromForm(locals.locale, flat, () => opts.submit(callerFor(locals), values as never));
      if (!('ok' in result) || result.ok !== true) return result;
      // The thanks is a one-time message: reloading or bookmarking the receipt does not thank again.
      setFlash(cookies, {
        tone: 'success',
        titleKey: 'partner.receipt.thanksTitle',
        textKey: 'partner.receipt.thanks',
        params: { reference: result.value.reference },
      });
      redirect(303, `/hanvisningar/${result.value.id}`);
    },
  };
  return { load, actions };
}
