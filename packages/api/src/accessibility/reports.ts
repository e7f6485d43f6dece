// Accessibility problem reports (issue 4 item 5). Anyone may send one from `/tillganglighet`, signed in or not
// (someone who cannot log in because of an accessibility problem must be able to say so); administrators list
// them and mark them handled. Reports belong to the deployment, not to a municipality (docs/architecture.md).
import {
  createRateLimiter,
  insertAccessibilityReport,
  listOpenAccessibilityReports,
  markAccessibilityReportHandled,
  type Database,
  type RateLimiter,
} from '@utvag/db';
import type { AccessibilityReportInput } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { AppError, notFound } from '../errors.ts';

/** Reports counted per address (anonymous) or per account (signed in); over the limit the key waits. */
export const accessibilityReportLimitPolicy = { points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 } as const;

// One limiter per database handle: the counters themselves live in PostgreSQL, shared by every process.
const limiters = new WeakMap<Database, RateLimiter>();
function limiterFor(db: Database): RateLimiter {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = createRateLimiter(db, 'accessibility-report', accessibilityReportLimitPolicy);
    limiters.set(db, limiter);
  }
  return limiter;
}

/** The counter key: the account when signed in, else the address; callers with no known address share one. */
function limitKey(ctx: Context): string {
  if (ctx.user) return `user:${ctx.user.id}`;
  return `address:${ctx.clientAddress ?? 'unknown'}`;
}

export const rateLimited = () => new AppError('TOO_MANY_REQUESTS', 'error.rateLimited');

export async function submitAccessibilityReport(ctx: Context, portal: 'staff' | 'partner', input: AccessibilityReportInput) {
  const limiter = limiterFor(ctx.db);
  const key = limitKey(ctx);
  if ((await limiter.retryAfterMs(key)) > 0) {
    ctx.log.warn('accessibilityReport.rateLimited', { portal });
    throw rateLimited();
  }
  const row = await insertAccessibilityReport(ctx.db, {
    portal,
    message: input.message,
    page: input.page ?? null,
    contactEmail: input.contactEmail ?? null,
    // A session of the other portal is no session here (the kit's handle), so the user is always this portal's.
    userId: ctx.user?.id ?? null,
  });
  await limiter.recordFailure(key);
  ctx.log.info('accessibilityReport.received', { portal, reportId: row.id });
  return { id: row.id, receivedAt: row.createdAt.toISOString() };
}

/** Open reports of the whole deployment, oldest first; the audit entry names the listing (the reports hold e-mails). */
export function listAccessibilityReports(ctx: Context & { user: StaffUser }) {
  return audited(ctx, 'accessibilityReport.list', async (tx) => {
    const rows = await listOpenAccessibilityReports(tx, { limit: 200 });
    return {
      result: { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) },
      record: { recordType: 'accessibility_report' },
    };
  });
}

export function markAccessibilityReportHandledBy(ctx: Context & { user: StaffUser }, input: { id: string }) {
  return audited(ctx, 'accessibilityReport.handle', async (tx) => {
    if (!(await markAccessibilityReportHandled(tx, { id: input.id, handledBy: ctx.user.id }))) throw notFound();
    return { result: { id: input.id }, record: { recordType: 'accessibility_report', recordId: input.id } };
  });
}
