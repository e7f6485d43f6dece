// When a partner's session ends while they are writing (idle timeout, issue 4), their post is kept as a draft of
// that form and opened again after they sign in. Only the three intake forms are rescued; other posts are dropped.
import type { RequestEvent } from '@sveltejs/kit';
import { createContext, saveOwnDraft, type PartnerUser, type SessionUser } from '@utvag/api';
import { draftInputSchema, type IntakeSource } from '@utvag/domain';
import { flattenObject, formToObject } from '@utvag/portal-kit';
import type { PortalConfig } from '@utvag/portal-kit/server';

const formSources: Record<string, IntakeSource> = {
  '/hanvisningar/ny': 'police',
  '/frivard/ny': 'probationService',
  '/orosanmalan/ny': 'school',
};

export async function rescueIntakeForm(config: PortalConfig, event: RequestEvent, user: SessionUser) {
  const path = event.url.pathname;
  const source = formSources[path];
  if (!source || user.kind !== 'partner') return null;
  const { intent: _intent, ...values } = formToObject(await event.request.formData());
  const parsed = draftInputSchema.safeParse({ idempotencyKey: values.idempotencyKey, source, values: flattenObject(values) });
  if (!parsed.success) return null;
  const ctx = createContext({ db: config.db, user, requestId: event.locals.requestId, log: config.log });
  try {
    await saveOwnDraft(ctx as typeof ctx & { user: PartnerUser }, parsed.data);
  } catch {
    // Not this user's form to keep (e.g. another source's page): nothing is saved, the login asks as usual.
    return null;
  }
  return `${path}?utkast=${parsed.data.idempotencyKey}`;
}
