// A partner's drafts: saved and read by the form's idempotency key, visible only to the author (the query
// filters by user and RLS does again). A role may keep drafts only of the form it may submit.
import { deleteDraft, findDraft, listDrafts, saveDraft } from '@utvag/db';
import { draftExpiryCutoff, organisationTypeByPartnerRole, type DraftInput } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, PartnerUser } from '../context.ts';
import { draftSourceMismatch, forbidden, notFound } from '../errors.ts';

type Ctx = Context & { user: PartnerUser };

const view = (d: { idempotencyKey: string; source: string; values: Record<string, string>; updatedAt: Date }) => ({
  idempotencyKey: d.idempotencyKey,
  source: d.source,
  values: d.values,
  updatedAt: d.updatedAt.toISOString(),
});

export function saveOwnDraft(ctx: Ctx, input: DraftInput) {
  if (input.source !== organisationTypeByPartnerRole[ctx.user.role]) throw forbidden();
  return audited(ctx, 'draft.save', async (tx) => {
    const row = await saveDraft(tx, {
      municipalityId: ctx.user.municipalityId,
      organisationId: ctx.user.organisationId,
      userId: ctx.user.id,
      idempotencyKey: input.idempotencyKey,
      source: input.source,
      values: input.values,
    });
    if (!row) throw draftSourceMismatch();
    return { result: view(row), record: { recordType: 'referralDraft', recordId: row.id } };
  });
}

export function getOwnDraft(ctx: Ctx, input: { idempotencyKey: string }) {
  return audited(ctx, 'draft.read', async (tx) => {
    const row = await findDraft(tx, { userId: ctx.user.id, idempotencyKey: input.idempotencyKey, savedAfter: draftExpiryCutoff(new Date()) });
    if (!row) throw notFound();
    return { result: view(row), record: { recordType: 'referralDraft', recordId: row.id } };
  });
}

export function listOwnDrafts(ctx: Ctx) {
  return audited(ctx, 'draft.read', async (tx) => {
    const rows = await listDrafts(tx, { userId: ctx.user.id, limit: 50, savedAfter: draftExpiryCutoff(new Date()) });
    // The list shows when and which form, not the typed person: names stay inside the draft itself.
    const items = rows.map((d) => ({ idempotencyKey: d.idempotencyKey, source: d.source, updatedAt: d.updatedAt.toISOString() }));
    return { result: { items }, record: { recordType: 'referralDraft', recordId: null } };
  });
}

export function discardOwnDraft(ctx: Ctx, input: { idempotencyKey: string }) {
  return audited(ctx, 'draft.discard', async (tx) => {
    const deleted = await deleteDraft(tx, { userId: ctx.user.id, idempotencyKey: input.idempotencyKey });
    if (!deleted) throw notFound();
    return { result: { discarded: true }, record: { recordType: 'referralDraft', recordId: input.idempotencyKey } };
  });
}
