// Transfer between municipalities (issue 6 item 9) for the browser suite: an offer from Grannby to the demo
// municipality made in the database (so the demo intake has an incoming request to sweep), and failed posts of the
// transfer forms as pages for the axe sweep.
import type { TestDatabase } from '@utvag/db/testing';
import { postForm, summaryProblems, type FormAct } from './forms.ts';

export const grannby = {
  intake: 'mottagning@grannby.demo.utvag.se',
  caseWorker: 'handlaggare@grannby.demo.utvag.se',
} as const;

/** An offer from a Grannby case to Exempelstad; returns its id. */
export async function incomingTransferToDemo(db: TestDatabase): Promise<string> {
  const [row] = await db.sql<{ id: string }[]>`
    with g as (select id from municipality where name = 'Grannby (demo)'),
         e as (select id from municipality where name = 'Exempelstad (demo)'),
         u as (select id from app_user where email = ${grannby.caseWorker}),
         p as (insert into person (municipality_id, first_name, last_name, birth_date) select g.id, 'Test', 'Flyttsson', '2001-04-04' from g returning id, municipality_id),
         c as (insert into "case" (municipality_id, person_id, programme, age_at_start) select p.municipality_id, p.id, 'adultExitProgramme', 24 from p returning id, municipality_id)
    insert into case_transfer (reference, case_id, from_municipality_id, to_municipality_id, summary, consent_signed_on, offered_by_user_id)
    select 'FLYTT-2026-DEMO0001', c.id, c.municipality_id, e.id,
      ${JSON.stringify({ programme: 'adultExitProgramme', ageBand: '21-25', protectedIdentity: false, decisionOutcomes: ['granted'], interventionTypes: ['Stödboende'], text: 'Flyttar till Exempelstad i april.' })}::jsonb,
      '2026-03-01', u.id
    from c, e, u returning id`;
  if (!row) throw new Error('could not offer a transfer to the demo municipality');
  return row.id;
}



/** [CASE WORKER] An offer with no municipality, no consent date and no summary. */
export const transferOfferWithErrors: FormAct = async (page) => {
  const status = await postForm(page, '?/offer');
  return { status, problems: await summaryProblems(page) };
};

/** [INTAKE] Declining without a reason. */
export const transferDeclineWithErrors: FormAct = async (page) => {
  const status = await postForm(page, '?/decline');
  return { status, problems: await summaryProblems(page) };
};
