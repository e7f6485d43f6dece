// Retention (gallring): the facts the domain's rules need per person, the dry-run report, and the culling itself.
import { emptyPlan } from '@utvag/domain';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { retentionCandidate, retentionRun } from '../schema/index.ts';

export interface RetentionFactRow {
  personId: string;
  birthDate: string | null;
  lastEntryAt: Date;
  hasOpenRecords: boolean;
  onlyConcernReportsWithoutInvestigation: boolean;
  eventKinds: string[];
}

/** Per person of the municipality not culled yet: newest entry, open records, kinds of records and events. */
export async function listRetentionFacts(db: Executor, municipalityId: string): Promise<RetentionFactRow[]> {
  const rows = await db.execute<{
    person_id: string;
    birth_date: string | null;
    last_entry_at: string;
    has_open: boolean;
    only_concern: boolean;
    kinds: string[] | null;
  }>(sql`
    select p.id as person_id, p.birth_date::text as birth_date,
      greatest(p.created_at, max(r.received_at), max(r.updated_at), max(c.opened_at), max(c.closed_at), max(e.at),
        (select max(j.written_at) from journal_entry j join "case" jc on jc.id = j.case_id where jc.person_id = p.id),
        (select max(coalesce(d.signed_at, d.created_at)) from case_decision d join "case" dc on dc.id = d.case_id where dc.person_id = p.id),
        -- The registers that write no case event: consents, disclosures, police assessments, transfer offers.
        (select max(greatest(
          (select max(greatest(k.recorded_at, k.revoked_at)) from case_consent k where k.case_id = xc.id),
          (select max(x.recorded_at) from disclosure x where x.case_id = xc.id),
          (select max(q.requested_at) from police_assessment_request q where q.case_id = xc.id),
          (select max(a.answered_at) from police_assessment a where a.case_id = xc.id),
          (select max(greatest(t.offered_at, t.answered_at)) from case_transfer t where t.case_id = xc.id)
        )) from "case" xc where xc.person_id = p.id)
      ) as last_entry_at,
      coalesce(bool_or(r.status in ('draft', 'submitted', 'underReview')), false) or coalesce(bool_or(c.status in ('open', 'reopened')), false) as has_open,
      coalesce(bool_and(r.kind = 'concernReport'), false) and count(c.id) = 0 as only_concern,
      array_remove(array_agg(distinct e.kind), null) as kinds
    from person p
    left join referral r on r.person_id = p.id
    left join "case" c on c.person_id = p.id
    left join case_event e on e.case_id = c.id
    where p.municipality_id = ${municipalityId}
      and not exists (select 1 from retention_candidate rc where rc.person_id = p.id and rc.culled_at is not null)
    group by p.id`);
  return rows.map((r) => ({
    personId: r.person_id,
    birthDate: r.birth_date,
    lastEntryAt: new Date(r.last_entry_at),
    hasOpenRecords: r.has_open,
    onlyConcernReportsWithoutInvestigation: r.only_concern,
    eventKinds: r.kinds ?? [],
  }));
}

export async function insertRetentionRun(
  db: Executor,
  run: { municipalityId: string; rules: unknown },
  candidates: { personId: string; rule: string; eligibleFrom: string; dueBy: string }[],
) {
  const [saved] = await db.insert(retentionRun).values(run).returning();
  if (candidates.length > 0) {
    await db.insert(retentionCandidate).values(candidates.map((c) => ({ ...c, runId: saved!.id, municipalityId: run.municipalityId })));
  }
  return saved!;
}

/** The newest run of the municipality with its candidates (and one referral number per person, no names). */
export async function findLatestRetentionRun(db: Executor, municipalityId: string) {
  const [run] = await db
    .select()
    .from(retentionRun)
    .where(eq(retentionRun.municipalityId, municipalityId))
    .orderBy(desc(retentionRun.createdAt))
    .limit(1);
  if (!run) return null;
  const candidates = await db.execute<{ id: string; person_id: string; rule: string; eligible_from: string; due_by: string; culled_at: string | null; reference: string | null }>(sql`
    select rc.id, rc.person_id, rc.rule, rc.eligible_from::text, rc.due_by::text, rc.culled_at,
      (select r.reference from referral r where r.person_id = rc.person_id order by r.received_at limit 1) as reference
    from retention_candidate rc where rc.run_id = ${run.id} order by rc.due_by, rc.id`);
  return { run, candidates };
}

export async function findRetentionRun(db: Executor, id: string, municipalityId: string) {
  const [run] = await db
    .select()
    .from(retentionRun)
    .where(and(eq(retentionRun.id, id), eq(retentionRun.municipalityId, municipalityId)));
  return run;
}

export async function listUnculledCandidates(db: Executor, runId: string) {
  return db
    .select({ id: retentionCandidate.id, personId: retentionCandidate.personId })
    .from(retentionCandidate)
    .where(and(eq(retentionCandidate.runId, runId), isNull(retentionCandidate.culledAt)));
}

/**
 * Culls one person: names, identity number, birth date, free text and contacts go; what statistics count stays
 * (kinds, sources, dates received, urgency, decisions and their outcomes, programmes, case status, age at start,
 * child at receipt, interventions with their dates and costs, who signed what and when, consents' purposes and
 * dates, disclosures' dates, legal bases and recipients, police assessments' protection need and validity).
 * Every free-text column is listed in retention-columns.ts, culled or kept with a reason.
 */
export async function cullPerson(db: Executor, personId: string, candidateId: string) {
  // Lets the signed-record guards accept updates that only empty free text, for this transaction only (0017).
  await db.execute(sql`select set_config('utvag.retention_cull', 'on', true)`);
  await db.execute(sql`update person set first_name = '', last_name = '', identity_number = null, birth_date = null
    where id = ${personId}`);
  await db.execute(sql`update referral set reason = '', contact_name = null, contact_phone = null, contact_email = null,
      stated_motivation = null, school_name = null, school_class = null, guardians = null, triage_reason = null,
      input_hash = null, release_date = null, supervision_end_date = null
    where person_id = ${personId}`);
  const cases = sql`(select id from "case" where person_id = ${personId})`;
  await db.execute(sql`update referral_event set note = null
    where referral_id in (select id from referral where person_id = ${personId}) and note is not null`);
  await db.execute(sql`update "case" set age_band_reason = null, closing_note = null where person_id = ${personId}`);
  await db.execute(sql`update case_event set data = '{}'::jsonb where case_id in ${cases}`);
  await db.execute(sql`update eligibility_record set basis = null where case_id in ${cases} and basis is not null`);
  await db.execute(sql`update case_decision set grounds = null, child_impact = null
    where case_id in ${cases} and (grounds is not null or child_impact is not null)`);
  await db.execute(sql`update journal_entry set body = '', oral_source_from = null where case_id in ${cases}`);
  await db.execute(sql`update case_commitment set conditions = '' where case_id in ${cases}`);
  await db.execute(sql`update case_follow_up set note = null where case_id in ${cases}`);
  await db.execute(sql`update case_task set done_note = null where case_id in ${cases}`);
  await db.execute(sql`update intervention set note = null where case_id in ${cases}`);
  await db.execute(sql`update plan_version set content = ${JSON.stringify(emptyPlan)}::jsonb where case_id in ${cases}`);
  await db.execute(sql`update network_meeting set notes = null, place = '' where case_id in ${cases}`);
  await db.execute(sql`update network_meeting_agenda_item set title = '', details = null
    where meeting_id in (select id from network_meeting where case_id in ${cases})`);
  // The registers added later (0019–0021): dates, legal bases, recipients and purposes stay for the disclosure trail.
  await db.execute(sql`update case_consent set revocation_reason = null where case_id in ${cases} and revocation_reason is not null`);
  await db.execute(sql`update police_assessment_request set question = '', subject_name = null, subject_identity_number = null
    where case_id in ${cases}`);
  await db.execute(sql`update case_transfer set summary = jsonb_set(summary, '{text}', '""'::jsonb), decline_reason = null
    where case_id in ${cases}`);
  // Staff may not write the police's answers nor the disclosure log (RLS); this function may, for this culling only.
  await db.execute(sql`select retention_cull_read_only_text(${personId})`);
  await db.update(retentionCandidate).set({ culledAt: new Date() }).where(eq(retentionCandidate.id, candidateId));
}

export async function markRetentionRunApproved(db: Executor, id: string, userId: string, culled: number) {
  const rows = await db
    .update(retentionRun)
    .set({ status: 'approved', approvedByUserId: userId, approvedAt: new Date(), culled })
    .where(and(eq(retentionRun.id, id), eq(retentionRun.status, 'proposed')))
    .returning({ id: retentionRun.id });
  return rows.length === 1;
}

export async function listMunicipalityIds(db: Executor) {
  const rows = await db.execute<{ id: string }>(sql`select id from municipality order by id`);
  return rows.map((r) => r.id);
}
