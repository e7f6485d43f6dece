import type { Executor } from '../client.ts';
import { caseEvent, supportCase } from '../schema/index.ts';

export async function insertCase(db: Executor, values: typeof supportCase.$inferInsert) {
  const [row] = await db.insert(supportCase).values(values).returning({ id: supportCase.id });
  return row!.id;
}

export async function insertCaseEvent(db: Executor, values: typeof caseEvent.$inferInsert) {
  await db.insert(caseEvent).values(values);
}
