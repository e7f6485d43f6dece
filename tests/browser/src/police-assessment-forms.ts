// Police assessments (issue 6 item 3) for the axe sweep: a request addressed to the demo police in the demo data,
// and the failed posts of the request and answer forms (the error summary must link to the fields it names).
import type { TestDatabase } from '@utvag/db/testing';
import { postWith, summaryProblems, type FormAct } from './forms.ts';
import { calendarDateInSweden } from '@utvag/domain';

/** An open request on the case to the demo municipality's police (as the police would find it), made in SQL. */
export async function openAssessmentRequest(db: TestDatabase, caseId: string): Promise<string> {
  const [row] = await db.sql<{ id: string }[]>`
    insert into police_assessment_request (municipality_id, case_id, organisation_id, reference, question, legal_basis,
      subject_name, subject_protected, requested_by_user_id)
    select c.municipality_id, c.id, o.id, 'UTV-SWEEP', 'Finns en hotbild mot personen?', 'consent', 'Demo Person', false,
      (select u.id from app_user u where u.email = 'samordnare@demo.utvag.se')
    from "case" c join organisation o on o.municipality_id = c.municipality_id and o.type = 'police'
    where c.id = ${caseId}
    order by o.name limit 1
    returning id`;
  if (!row) throw new Error('no police organisation for the demo case');
  return row.id;
}



/** [COORDINATOR] A request with no question and no legal basis. */
export const assessmentRequestWithErrors: FormAct = async (page) => {
  const status = await postWith(page, 'form[action="?/request"] button[type="submit"]');
  return { status, problems: await summaryProblems(page) };
};

/** [POLICE] An answer with no need chosen and a date that is not after today; the summary typed is kept. */
export const assessmentAnswerWithErrors: FormAct = async (page) => {
  await page.locator('#threatSummary').fill('Sammanfattning');
  await page.locator('#validUntil').fill(calendarDateInSweden(new Date()));
  const status = await postWith(page, 'form[aria-labelledby="answer-title"] button[type="submit"]');
  const problems = await summaryProblems(page);
  if ((await page.locator('#threatSummary').inputValue()) !== 'Sammanfattning') problems.push('the summary was not kept');
  return { status, problems };
};
