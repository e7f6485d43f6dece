// Retention (gallring, issue 3 item 6) reaches every table: each free-text column of the live schema is either culled
// or kept with a reason (retention-columns.ts), and every culled column, filled for a person due, is empty after the
// culling, while the same columns of a person kept for research (born on the 15th) are untouched. The registers
// added late (consents, disclosures, police assessments, transfers) keep their dates, legal bases and recipients.
import { inTenantTransaction, retentionCulledColumns, retentionKeptColumns, type Tx } from '@utvag/db';
import { createPerson, createReferral } from '@utvag/db/testing';
import { caseConsent, caseTransfer, disclosure, policeAssessment, supportCase } from '@utvag/db/schema';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from './harness.ts';

let world: World;
const oldDate = new Date('2019-03-01T10:00:00+01:00');
const people = { culled: '', research: '', recentDisclosure: '' };
const cases = { culled: '', research: '', recentDisclosure: '' };

/** A closed 2019 case with a row in every table holding free text about the person, each text carrying `marker`. */
async function seedPerson(marker: string, birthDate: string, identityNumber: string) {
  const { t, tenant, otherTenant } = world;
  const m = tenant.municipality.id;
  const by = tenant.users.unitManager.id;
  const police = tenant.organisations.police.id;
  const p = await createPerson(t.db, { municipalityId: m, birthDate, identityNumber, firstName: `${marker}-förnamn`, lastName: `${marker}-efternamn` });
  const r = await createReferral(t.db, { municipalityId: m, submittedByUserId: tenant.users.police.id, sourceOrganisationId: police, personId: p.id, status: 'notForUs', triageDecision: 'notForUs', receivedAt: oldDate });
  const text = `${marker} text om personen`;
  await t.db.execute(sql`update person set created_at = ${oldDate.toISOString()} where id = ${p.id}`);
  await t.db.execute(sql`update referral set updated_at = received_at, reason = ${text}, contact_name = ${text}, contact_phone = ${text},
    contact_email = ${text}, stated_motivation = ${text}, school_name = ${text}, school_class = ${text},
    guardians = ${JSON.stringify([{ name: text }])}::jsonb, triage_reason = ${text}, input_hash = ${text} where id = ${r.id}`);
  await t.db.execute(sql`insert into referral_event (municipality_id, referral_id, kind, at, actor_user_id, note)
    values (${m}, ${r.id}, 'firstContact', ${oldDate.toISOString()}, ${by}, ${text})`);
  const [c] = await t.db.insert(supportCase).values({
    municipalityId: m, personId: p.id, programme: 'adultExitProgramme', status: 'closed', openedAt: oldDate, firstContactAt: oldDate,
    closedAt: oldDate, closingOutcome: 'completed', closingNote: text, ageBandReason: text,
  }).returning();
  const caseId = c!.id;
  const at = oldDate.toISOString();
  const rows = [
    sql`insert into case_event (municipality_id, case_id, kind, data, at) values (${m}, ${caseId}, 'opened', ${JSON.stringify({ note: text })}::jsonb, ${at})`,
    sql`insert into eligibility_record (municipality_id, case_id, criterion, state, assessed_on, basis, recorded_by_user_id, recorded_at)
      values (${m}, ${caseId}, 'motivation', 'met', '2019-03-01', ${text}, ${by}, ${at})`,
    sql`insert into journal_entry (municipality_id, case_id, body, oral_source_from, author_user_id, written_at, signed_at, signed_by_user_id)
      values (${m}, ${caseId}, ${text}, ${text}, ${by}, ${at}, ${at}, ${by})`,
    sql`insert into case_commitment (municipality_id, case_id, signed_on, conditions, recorded_by_user_id) values (${m}, ${caseId}, '2019-03-01', ${text}, ${by})`,
    sql`insert into case_follow_up (municipality_id, case_id, kind, occurred_on, recorded_by_user_id, note) values (${m}, ${caseId}, 'other', '2019-03-01', ${by}, ${text})`,
    sql`insert into case_task (municipality_id, case_id, kind, done_note) values (${m}, ${caseId}, 'reviewBreach', ${text})`,
    sql`insert into plan_version (municipality_id, case_id, version, content, change, saved_by_user_id, saved_at)
      values (${m}, ${caseId}, 1, ${JSON.stringify({ goals: [{ id: 'g1', text, status: 'open' }], actions: [], personsOwnWords: text })}::jsonb, 'addGoal', ${by}, ${at})`,
    sql`insert into case_consent (municipality_id, case_id, organisation_id, purposes, signed_on, start_date, recorded_by_user_id, recorded_at,
        revoked_on, revoked_by, revocation_reason, revoked_by_user_id, revoked_at)
      values (${m}, ${caseId}, ${police}, '{informationExchange}', '2019-02-01', '2019-02-01', ${by}, ${at}, '2019-03-01', 'person', ${text}, ${by}, ${at})`,
    sql`insert into disclosure (municipality_id, case_id, organisation_id, category, legal_basis, disclosed_on, note, disclosed_by_user_id, recorded_at)
      values (${m}, ${caseId}, ${police}, 'threatAndProtection', 'consent', '2019-02-15', ${text}, ${by}, ${at})`,
    sql`insert into case_transfer (reference, case_id, from_municipality_id, to_municipality_id, status, summary, consent_signed_on,
        offered_by_user_id, offered_at, answered_at, decline_reason)
      values (${`FLYTT-${marker}`}, ${caseId}, ${m}, ${otherTenant.municipality.id}, 'declined',
        ${JSON.stringify({ programme: 'adultExitProgramme', ageBand: null, protectedIdentity: false, decisionOutcomes: ['granted'], interventionTypes: [], text })}::jsonb,
        '2019-02-01', ${by}, ${at}, ${at}, ${text})`,
  ];
  for (const row of rows) await t.db.execute(row);
  await t.db.execute(sql`with d as (
      insert into case_decision (municipality_id, case_id, outcome, grounds, child_impact, created_by_user_id, created_at, stage, signed_at, signed_by_user_id)
      values (${m}, ${caseId}, 'granted', ${text}, ${text}, ${by}, ${at}, 'signed', ${at}, ${by}) returning id),
    ty as (insert into intervention_type (municipality_id, name, cost_kind, default_price_ore) values (${m}, ${`Typ ${marker}`}, 'oneOff', 0) returning id)
    insert into intervention (municipality_id, case_id, decision_id, intervention_type_id, start_date, cost_kind, price_ore, vat_handling,
      vat_rate_basis_points, created_by_user_id, note)
    select ${m}, ${caseId}, d.id, ty.id, '2019-03-01', 'oneOff', 0, 'none', 0, ${by}, ${text} from d, ty`);
  await t.db.execute(sql`with nm as (
      insert into network_meeting (municipality_id, case_id, scheduled_at, place, notes, created_by_user_id)
      values (${m}, ${caseId}, ${at}, ${text}, ${text}, ${by}) returning id)
    insert into network_meeting_agenda_item (municipality_id, meeting_id, title, details) select ${m}, nm.id, ${text}, ${text} from nm`);
  await t.db.execute(sql`with q as (
      insert into police_assessment_request (municipality_id, case_id, organisation_id, reference, question, legal_basis, subject_name,
        subject_identity_number, status, requested_by_user_id, requested_at)
      values (${m}, ${caseId}, ${police}, ${`REF-${marker}`}, ${text}, 'consent', ${text}, ${`${marker}000002`}, 'answered', ${by}, ${at}) returning id)
    insert into police_assessment (municipality_id, request_id, case_id, organisation_id, protection_need, threat_summary, valid_until,
      answered_by_user_id, answered_at, idempotency_key)
    select ${m}, q.id, ${caseId}, ${police}, 'concrete', ${text}, '2019-09-01', ${tenant.users.police.id}, ${at}, gen_random_uuid() from q`);
  return { personId: p.id, caseId };
}

/** How many rows of the culled column hold `marker`, in any case (the folded name keys hold it in lower case). */
async function rowsWithMarker(column: string, marker: string) {
  const [table, name] = column.split('.') as [string, string];
  const [row] = await world.t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(name)}::text ilike ${`%${marker}%`}`,
  );
  return row!.n;
}

beforeAll(async () => {
  world = await createWorld();
  ({ personId: people.culled, caseId: cases.culled } = await seedPerson('GALLRA', '1990-04-02', 'GALLRA000001'));
  ({ personId: people.research, caseId: cases.research } = await seedPerson('BEHALL', '1990-04-15', 'BEHALL000001'));
  // Everything old but a disclosure last month: the disclosure log is an entry, so the file is not due.
  ({ personId: people.recentDisclosure, caseId: cases.recentDisclosure } = await seedPerson('NYLIGT', '1990-04-03', 'NYLIGT000001'));
  await world.t.db.execute(sql`update disclosure set recorded_at = now() - interval '30 days' where case_id = ${cases.recentDisclosure}`);
});
afterAll(() => world.t.drop());

describe('every free-text column is accounted for', () => {
  it('the live schema has no text column that is neither culled nor kept with a reason', async () => {
    const rows = await world.t.db.execute<{ col: string }>(sql`
      select c.table_name || '.' || c.column_name as col
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.udt_name in ('text', 'varchar', 'bpchar', 'json', 'jsonb', '_text', '_varchar', '_bpchar', '_jsonb')
        and c.table_name not like '\\_\\_%'
      order by 1`);
    const inSchema = rows.map((r) => r.col);
    const culled: readonly string[] = retentionCulledColumns;
    const overlap = culled.filter((c) => c in retentionKeptColumns);
    expect(overlap).toEqual([]);
    const unaccounted = inSchema.filter((c) => !culled.includes(c) && !(c in retentionKeptColumns));
    expect(unaccounted).toEqual([]);
    // And no stale entries: every listed column exists.
    expect([...culled, ...Object.keys(retentionKeptColumns)].filter((c) => !inSchema.includes(c))).toEqual([]);
    for (const reason of Object.values(retentionKeptColumns)) expect(reason.length).toBeGreaterThan(5);
  });
});

describe('culling the newer tables', () => {
  it('empties every culled column of the person due and leaves the research-birthday person’s untouched', async () => {
    for (const column of retentionCulledColumns) {
      expect(await rowsWithMarker(column, 'GALLRA'), column).toBeGreaterThan(0);
      expect(await rowsWithMarker(column, 'BEHALL'), column).toBeGreaterThan(0);
    }
    const api = await world.staff('unitManager');
    const { runId } = await api.retention.propose();
    const report = (await api.retention.report())!;
    expect(report.id).toBe(runId);
    expect(report.candidates).toHaveLength(1);
    expect((await api.retention.approve({ id: runId })).culled).toBe(1);
    for (const column of retentionCulledColumns) {
      expect(await rowsWithMarker(column, 'GALLRA'), column).toBe(0);
      expect(await rowsWithMarker(column, 'BEHALL'), column).toBeGreaterThan(0);
      expect(await rowsWithMarker(column, 'NYLIGT'), column).toBeGreaterThan(0);
    }
  });

  it('keeps the dates, legal bases and recipients the disclosure trail and statistics need', async () => {
    const police = world.tenant.organisations.police.id;
    const [d] = await world.t.db.select().from(disclosure).where(eq(disclosure.caseId, cases.culled));
    expect(d).toMatchObject({ note: null, legalBasis: 'consent', category: 'threatAndProtection', disclosedOn: '2019-02-15', organisationId: police });
    const [k] = await world.t.db.select().from(caseConsent).where(eq(caseConsent.caseId, cases.culled));
    expect(k).toMatchObject({ revocationReason: null, purposes: ['informationExchange'], signedOn: '2019-02-01', revokedOn: '2019-03-01', organisationId: police });
    const [a] = await world.t.db.select().from(policeAssessment).where(eq(policeAssessment.caseId, cases.culled));
    expect(a).toMatchObject({ threatSummary: '', protectionNeed: 'concrete', validUntil: '2019-09-01' });
    const [tr] = await world.t.db.select().from(caseTransfer).where(eq(caseTransfer.caseId, cases.culled));
    expect(tr).toMatchObject({ declineReason: null, status: 'declined', consentSignedOn: '2019-02-01', reference: 'FLYTT-GALLRA' });
    expect(tr!.summary).toEqual({ programme: 'adultExitProgramme', ageBand: null, protectedIdentity: false, decisionOutcomes: ['granted'], interventionTypes: [], text: '' });
  });
});

describe('the guards stay closed outside a culling', () => {
  const staffTx = <T>(work: (tx: Tx) => Promise<T>) =>
    inTenantTransaction(world.t.db, { municipalityId: world.tenant.municipality.id, organisationId: null, userId: world.tenant.users.unitManager.id, role: 'unitManager' }, work);
  const refused = { cause: { message: expect.stringMatching(/only the culling of a proposed candidate/) } };

  it('the culling function refuses without the culling setting, and for a person who is no candidate', async () => {
    await expect(staffTx((tx) => tx.execute(sql`select retention_cull_read_only_text(${people.research})`))).rejects.toMatchObject(refused);
    await expect(
      staffTx(async (tx) => {
        await tx.execute(sql`select set_config('utvag.retention_cull', 'on', true)`);
        await tx.execute(sql`select retention_cull_read_only_text(${people.research})`);
      }),
    ).rejects.toMatchObject(refused);
    // Already culled: its candidate row is marked, so the function refuses it too.
    await expect(
      staffTx(async (tx) => {
        await tx.execute(sql`select set_config('utvag.retention_cull', 'on', true)`);
        await tx.execute(sql`select retention_cull_read_only_text(${people.culled})`);
      }),
    ).rejects.toMatchObject(refused);
  });

  it('staff still cannot write the police’s answers or the disclosure log, even with the setting on', async () => {
    const changed = await staffTx(async (tx) => {
      await tx.execute(sql`select set_config('utvag.retention_cull', 'on', true)`);
      const a = await tx.update(policeAssessment).set({ threatSummary: '' }).where(eq(policeAssessment.caseId, cases.research)).returning();
      const d = await tx.update(disclosure).set({ note: null }).where(eq(disclosure.caseId, cases.research)).returning();
      return a.length + d.length;
    });
    expect(changed).toBe(0);
    expect(await rowsWithMarker('police_assessment.threat_summary', 'BEHALL')).toBe(1);
  });

  it('an answered transfer offer still refuses any change but emptying its free text during a culling', async () => {
    const guard = { cause: { message: expect.stringMatching(/cannot change/) } };
    await expect(world.t.db.update(caseTransfer).set({ declineReason: null }).where(eq(caseTransfer.caseId, cases.research))).rejects.toMatchObject(guard);
    await expect(
      world.t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('utvag.retention_cull', 'on', true)`);
        await tx.execute(sql`update case_transfer set summary = jsonb_set(summary, '{protectedIdentity}', 'true'), decline_reason = null
          where case_id = ${cases.research}`);
      }),
    ).rejects.toMatchObject(guard);
    await expect(
      world.t.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('utvag.retention_cull', 'on', true)`);
        await tx.update(caseTransfer).set({ declineReason: 'Ny text' }).where(eq(caseTransfer.caseId, cases.research));
      }),
    ).rejects.toMatchObject(guard);
  });
});
