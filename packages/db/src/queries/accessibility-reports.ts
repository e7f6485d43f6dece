// Reports of accessibility problems (issue 4 item 5). Not tenant data: anyone may send one, and the
// administrators of the deployment see them all (docs/architecture.md, Decisions).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { accessibilityReport } from '../schema/index.ts';

export async function insertAccessibilityReport(
  db: Executor,
  r: { portal: 'staff' | 'partner'; message: string; page: string | null; contactEmail: string | null; userId: string | null },
) {
  const [row] = await db
    .insert(accessibilityReport)
    .values(r)
    .returning({ id: accessibilityReport.id, createdAt: accessibilityReport.createdAt });
  return row!;
}

/** Open (not yet handled) reports, oldest first. */
export function listOpenAccessibilityReports(db: Executor, q: { limit: number }) {
  return db
    .select({
      id: accessibilityReport.id,
      portal: accessibilityReport.portal,
      page: accessibilityReport.page,
      message: accessibilityReport.message,
      contactEmail: accessibilityReport.contactEmail,
      createdAt: accessibilityReport.createdAt,
    })
    .from(accessibilityReport)
    .where(isNull(accessibilityReport.handledAt))
    .orderBy(asc(accessibilityReport.createdAt), asc(accessibilityReport.id))
    .limit(q.limit);
}

/** Marks an open report handled; false when there is no such open report. */
export async function markAccessibilityReportHandled(db: Executor, q: { id: string; handledBy: string }) {
  const rows = await db
    .update(accessibilityReport)
    .set({ handledAt: new Date(), handledBy: q.handledBy })
    .where(and(eq(accessibilityReport.id, q.id), isNull(accessibilityReport.handledAt)))
    .returning({ id: accessibilityReport.id });
  return rows.length > 0;
}
