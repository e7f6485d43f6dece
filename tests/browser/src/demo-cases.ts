// Finds the demo cases (packages/db seed/demo-cases.ts) by their fictional people's birth dates.
import type { TestDatabase } from '@utvag/db/testing';

export const demoBirthDates = { adult: '1999-06-21', protectedIdentity: '1990-04-15' } as const;

export async function demoCaseId(db: TestDatabase, which: keyof typeof demoBirthDates): Promise<string> {
  const [row] = await db.sql<{ id: string }[]>`
    select c.id from "case" c join person p on p.id = c.person_id where p.birth_date = ${demoBirthDates[which]}`;
  if (!row) throw new Error(`demo case ${which} missing`);
  return row.id;
}
