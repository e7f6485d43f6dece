// The consent tab (issue 6 item 4) for the axe sweep and the consent browser test: the demo's consent for the
// police on the case the police referred, and the consent form posted with errors.
import type { TestDatabase } from '@utvag/db/testing';
import type { Page } from 'playwright-core';
import { postForm, summaryProblems, type FormAct } from './forms.ts';

/** The demo consent (police, active) of a case. */
export async function activeConsentId(db: TestDatabase, caseId: string): Promise<string> {
  const [row] = await db.sql<{ id: string }[]>`select id from case_consent where case_id = ${caseId} and revoked_on is null limit 1`;
  if (!row) throw new Error('demo consent missing');
  return row.id;
}

/** [COORDINATOR] A consent with no receiver and no purpose, and an end before its start. */
export const consentWithErrors: FormAct = async (page: Page) => {
  await page.locator('#signedOn').fill('2026-01-10');
  await page.locator('#startDate').fill('2026-03-01');
  await page.locator('#endDate').fill('2026-02-01');
  const status = await postForm(page, '?/record');
  const problems = await summaryProblems(page);
  if ((await page.locator('#endDate').inputValue()) !== '2026-02-01') problems.push('the end date was not kept');
  return { status, problems };
};
