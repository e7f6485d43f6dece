// Failed posts of the support forms (issue 7), as pages for the axe sweep: the error summary must link to the
// fields it names, and what was typed must be kept.
import { postForm, summaryProblems, type FormAct } from './forms.ts';



/** [CASE WORKER] An intervention with a negative price and no start date. */
export const interventionWithErrors: FormAct = async (page) => {
  await page.locator('#price').fill('-100');
  const status = await postForm(page, '?/add');
  const problems = await summaryProblems(page);
  if ((await page.locator('#price').inputValue()) !== '-100') problems.push('the price was not kept');
  return { status, problems };
};

/** [CASE WORKER] A network meeting with no time and no place. */
export const meetingWithErrors: FormAct = async (page) => {
  const status = await postForm(page, '?/plan');
  return { status, problems: await summaryProblems(page) };
};

/** [UNIT MANAGER] A catalogue type with no name and a negative price. */
export const catalogueTypeWithErrors: FormAct = async (page) => {
  await page.locator('#type-price').fill('-1');
  const status = await postForm(page, '?/addType');
  const problems = await summaryProblems(page);
  if ((await page.locator('#type-price').inputValue()) !== '-1') problems.push('the price was not kept');
  return { status, problems };
};
