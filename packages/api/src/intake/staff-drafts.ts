// Staff drafts of the intake form (issue 5 item 6): someone writing down a self-application or a guardian's call
// can save and come back to it. Same table and rules as the partners' drafts (referral_draft: the author's own,
// RLS policy `author`), always of the staff form (source `direct`), and expired after `draftRetentionDays`.
import { deleteDraft, findDraft, listDrafts, saveDraft } from '@utvag/db';
import { draftExpiryCutoff, type StaffDraftInput } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { draftSourceMismatch, notFound } from '../errors.ts';

type Ctx = Context & { user: StaffUser };
const source = 'direct' as const;

const view = (d: { idempotencyKey: string; values: Record<string, string>; updatedAt: Date }) => ({
  idempotencyKey: d.idempotencyKey,
  values: d.values,
  updatedAt: d.updatedAt.toISOString(),
});

export function saveStaffDraft(ctx: Ctx, input: StaffDraftInput) {
  return audited(ctx, 'intakeDraft.save', async (tx) => {
    const row = await saveDraft(tx, {
      municipalityId: ctx.user.municipalityId,
      organisationId: null,
      userId: ctx.user.id,
      idempotencyKey: input.idempotencyKey,
      source,
      values: input.values,
    });
    if (!row) throw draftSourceMismatch();
    return { result: view(row), record: { recordType: 'referralDraft', recordId: row.id } };
  });
}

export function getStaffDraft(ctx: Ctx, input: { idempotencyKey: string }) {
  return audited(ctx, 'intakeDraft.read', async (tx) => {
    const row = await findDraft(tx, { userId: ctx.user.id, idempotencyKey: input.idempotencyKey, source, savedAfter: draftExpiryCutoff(new Date()) });
    if (!row) throw notFound();
    return { result: view(row), record: { recordType: 'referralDraft', recordId: row.id } };
  });
}

export function listStaffDrafts(ctx: Ctx) {
  return audited(ctx, 'intakeDraft.read', async (tx) => {
    const rows = await listDrafts(tx, { userId: ctx.user.id, limit: 50, source, savedAfter: draftExpiryCutoff(new Date()) });
    // When and how it came in, never the typed person: names stay inside the draft itself.
    const items = rows.map((d) => ({
      idempotencyKey: d.idempotencyKey,
      applicant: d.values.applicant ?? null,
      channel: d.values.channel ?? null,
      updatedAt: d.updatedAt.toISOString(),
    }));
    return { result: { items }, record: { recordType: 'referralDraft', recordId: null } };
  });
}

export function discardStaffDraft(ctx: Ctx, input: { idempotencyKey: string }) {
  return audited(ctx, 'intakeDraft.discard', async (tx) => {
    const deleted = await deleteDraft(tx, { userId: ctx.user.id, idempotencyKey: input.idempotencyKey, source });
    if (!deleted) throw notFound();
    return { result: { discarded: true }, record: { recordType: 'referralDraft', recordId: input.idempotencyKey } };
  });
}
