// Finds the demo data of support work (packages/db seed/demo-support.ts): the case the police referred with
// consent, which has a planned network meeting with the demo police officer invited.
import type { TestDatabase } from '@utvag/db/testing';

export async function policeReferredCaseId(db: TestDatabase): Promise<string> {
  const [row] = await db.sql<{ id: string }[]>`
    select c.id from "case" c join referral r on r.id = c.referral_id
    where r.consent_to_contact and exists (select 1 from network_meeting m where m.case_id = c.id and m.status = 'planned')
    limit 1`;
  if (!row) throw new Error('demo police-referred case missing');
  return row.id;
}
