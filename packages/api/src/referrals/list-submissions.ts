// A partner sees its own organisation's submissions: reference, kind, dates and the feedback status the law
// allows (DOMAIN.md §10) — never the person, the programme or any case detail.
import { findSubmissionOfOrganisation, listSubmissionsOfOrganisation } from '@utvag/db';
import { partnerFeedback, partnerTimeline } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, PartnerUser } from '../context.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { notFound } from '../errors.ts';

type SubmissionRow = Awaited<ReturnType<typeof findSubmissionOfOrganisation>> & {};

function submissionView(r: SubmissionRow) {
  // The queries leave drafts out, so every row has a feedback status.
  if (r.status === 'draft') throw new Error('a draft reached a partner view');
  const timeline = partnerTimeline({ ...r, status: r.status });
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    receivedAt: r.receivedAt.toISOString(),
    // The last change the partner may know of, not the row's own updatedAt: an internal step (an assignment,
    // a recorded contact) must not show as a change to the partner.
    updatedAt: timeline.at(-1)!.at.toISOString(),
    submittedByName: r.submittedByName,
    feedback: partnerFeedback(r.status),
    timeline: timeline.map((e) => ({ status: e.status, at: e.at.toISOString() })),
  };
}

export async function listSubmissions(ctx: Context & { user: PartnerUser }, input: { limit: number; cursor?: string }) {
  const before = decodeCursor(input.cursor);
  return audited(ctx, 'submission.list', async (tx) => {
    const rows = await listSubmissionsOfOrganisation(tx, {
      organisationId: ctx.user.organisationId,
      limit: input.limit + 1,
      before,
    });
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    const items = page.map(submissionView);
    const nextCursor = rows.length > input.limit && last ? encodeCursor(last) : null;
    return { result: { items, nextCursor }, record: { recordType: 'referral', recordId: null } };
  });
}

export async function getSubmission(ctx: Context & { user: PartnerUser }, input: { id: string }) {
  return audited(ctx, 'submission.read', async (tx) => {
    const row = await findSubmissionOfOrganisation(tx, { id: input.id, organisationId: ctx.user.organisationId });
    if (!row) throw notFound();
    return { result: submissionView(row), record: { recordType: 'referral', recordId: row.id } };
  });
}
