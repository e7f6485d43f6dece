// Log review (loggkontroll, issue 3): a unit manager reads who opened which record in the municipality, with the
// domain's flags for unusual access, and signs each month off. Reading the log is itself on record.
import { findPersonIdByReference, insertLogReview, listAccessLog, listLogReviews, listMunicipalityUsers, type Tx } from '@utvag/db';
import {
  calendarDateInSweden,
  flagAccesses,
  monthBounds,
  swedishMidnight,
  addCalendarDays,
  type AccessLogQuery,
  type LogReviewSignOff,
} from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { AppError } from '../errors.ts';

/** A page shows at most this many entries (oldest first); the sign-off counts the whole month. */
export const accessLogPageSize = 500;
const wholeMonth = 100_000;

type Ctx = Context & { user: StaffUser };

async function flaggedEntries(tx: Tx, filter: Parameters<typeof listAccessLog>[1]) {
  const rows = await listAccessLog(tx, filter);
  const flags = flagAccesses(
    rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.userId,
      userUnitId: r.userUnitId,
      recordKey: r.recordId ? `${r.recordType}:${r.recordId}` : null,
      recordUnitId: r.recordUnitId,
      protectedIdentity: r.protectedIdentity,
    })),
  );
  return rows.map((r) => ({ ...r, flags: flags.get(r.id) ?? [] }));
}

export async function listAccessLogForReview(ctx: Ctx, input: AccessLogQuery) {
  const today = calendarDateInSweden(new Date());
  const from = input.from ?? `${today.slice(0, 7)}-01`;
  const to = input.to ?? today;
  return audited(ctx, 'logReview.read', async (tx) => {
    const municipalityId = ctx.user.municipalityId;
    const personId = input.reference ? await findPersonIdByReference(tx, municipalityId, input.reference) : null;
    const entries = input.reference && !personId
      ? []
      : await flaggedEntries(tx, {
          municipalityId,
          from: swedishMidnight(from),
          to: swedishMidnight(addCalendarDays(to, 1)),
          userId: input.userId ?? null,
          personId,
          limit: accessLogPageSize + 1,
        });
    const shown = entries.slice(0, accessLogPageSize).filter((e) => !input.flaggedOnly || e.flags.length > 0);
    const result = {
      period: { from, to },
      truncated: entries.length > accessLogPageSize,
      entries: shown.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        userName: e.userName,
        role: e.role,
        action: e.action,
        recordType: e.recordType,
        recordId: e.recordId,
        recordReference: e.recordReference,
        subjectCount: e.subjectCount,
        reason: e.reason,
        flags: e.flags,
      })),
      users: await listMunicipalityUsers(tx, municipalityId),
      reviews: (await listLogReviews(tx, municipalityId)).map((r) => ({ ...r, signedAt: r.signedAt.toISOString() })),
    };
    // The review itself is on record: which filter, not which people (the entries hold only ids).
    return { result, record: { recordType: 'auditLog', recordId: personId ? `person:${personId}` : null } };
  });
}

export async function signOffLogReview(ctx: Ctx, input: LogReviewSignOff) {
  const thisMonth = calendarDateInSweden(new Date()).slice(0, 7);
  if (input.month > thisMonth) {
    throw new AppError('BAD_REQUEST', 'validation.dateInFuture', { month: { key: 'validation.dateInFuture' } });
  }
  const unitId = ctx.user.unitId;
  if (!unitId) throw new AppError('FORBIDDEN', 'security.logReview.noUnit');
  return audited(ctx, 'logReview.signOff', async (tx) => {
    const { from, to } = monthBounds(input.month);
    const entries = await flaggedEntries(tx, { municipalityId: ctx.user.municipalityId, from, to, limit: wholeMonth });
    const saved = await insertLogReview(tx, {
      municipalityId: ctx.user.municipalityId,
      unitId,
      month: input.month,
      signedByUserId: ctx.user.id,
      entries: entries.length,
      flagged: entries.filter((e) => e.flags.length > 0).length,
      note: input.note ?? null,
    });
    if (!saved) throw new AppError('CONFLICT', 'security.logReview.alreadySigned');
    const result = { id: saved.id, month: saved.month, entries: saved.entries, flagged: saved.flagged };
    return { result, record: { recordType: 'logReview', recordId: saved.id } };
  });
}
