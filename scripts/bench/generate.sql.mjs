// Every SQL statement of the benchmark's data generation, set-based (INSERT … SELECT generate_series), run in one
// transaction by scripts/bench/data.mjs after the handful of municipalities, units, organisations and users are
// made with the seed factories. Everything is fictional: names from short lists, identity numbers only from the
// fictional 980–999 series (with a valid check digit), organisation names "… (bench)".
//
// Proportions for `cases` = N (see docs/performance.md):
//   people ≈ N, referrals ≈ 1.3 N (the newest 2 % still open: submitted or under review; the rest decided),
//   cases ≈ 0.98 N (one per referral decided as case opened, passed to SIG or routed to ordinary support),
//   case events = 5 per case, audit entries = 20 per case.
//   Municipality shares: 85 %, 8 %, 5 %, 2 % (one large municipality holds most of the data).
//   Sources: police 45 %, probation service 15 %, three schools 30 % (concern reports), self-applications 10 %.
//   Time: referrals spread over the last five years, oldest first, so the open ones are the newest.
//
// The audit table's hash-chain trigger is disabled for the generated rows only (inside the transaction): they
// form the legacy chain (lane null: consecutive positions chain_seq = id, prev_hash = the previous row's hash), but the
// hashes are placeholders (sha256 of 'bench:<id>'), not audit_entry_digest(). So the table and its indexes have
// their real shape and size, the trigger appends the benchmark's own entries in its lanes' chains, and
// `npm run audit:verify` on a bench database reports the first generated entry as altered. The chain verify is
// not part of the benchmark.

/** The five-year window the generated referrals are spread over. */
const SPAN_DAYS = 1826;
/** Birth dates run backwards from this day, one per person, so small data sets hold young people. */
const YOUNGEST_BIRTH = '2012-12-31';
/** Days between 1950-01-01 and 2012-12-31: with 20 fictional serials and personal/coordination numbers, 920,400
 * distinct identity numbers per municipality. */
const BIRTH_DAYS = 23010;

export const firstNames = ['Alva', 'Elias', 'Saga', 'Noah', 'Ines', 'Milo', 'Tyra', 'Leon', 'Juni', 'Vide', 'Nora', 'Ebbe'];
export const lastNames = ['Påhittad', 'Exempelsson', 'Testberg', 'Demoqvist', 'Låtsasson', 'Provlund', 'Bänkström'];
const reasons = [
  'Personen har sagt till polisen att hen vill lämna gruppen och behöver stöd.',
  'Orosanmälan från skolan: eleven har setts med personer i ett kriminellt nätverk.',
  'Frivården bedömer att klienten är motiverad att lämna sitt sammanhang.',
  'Personen söker själv stöd för att lämna en våldsbejakande miljö.',
];

const textArray = (values) => `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]`;

/** The Swedish Luhn check digit of a nine-digit number (the column or expression `n`), as pure arithmetic. */
function luhnExpression(n) {
  const terms = [];
  for (let k = 1; k <= 9; k++) {
    const digit = `((${n} / ${10 ** (9 - k)}) % 10)`;
    // Odd positions are doubled; a product above 9 loses 9.
    terms.push(k % 2 === 1 ? `(2 * ${digit} - 9 * (${digit} >= 5)::int)` : digit);
  }
  return `((10 - ((${terms.join(' + ')}) % 10)) % 10)`;
}

/** Sizes derived from the requested number of cases. */
export function sizesFor(cases) {
  const people = cases;
  const referrals = Math.round(cases * 1.3);
  const open = Math.round(referrals * 0.02);
  return { people, referrals, open };
}

/**
 * The statements, in order. `fixtures` come from the factories: temp tables gm (municipality) and go (sources)
 * are filled from them by the first statements.
 * @param {{ cases: number, municipalities: Array<{ idx: number, id: string, intakeUserId: string, caseWorkerId: string, intakeUnitId: string, exitUnitId: string, sigUnitId: string }>, sources: Array<{ muni: number, slot: number, orgId: string|null, userId: string, role: string, kind: string }> }} p
 */
export function generationStatements({ cases, municipalities, sources }) {
  const { people: P, referrals: R, open: OPEN } = sizesFor(cases);
  const lit = (v) => (v === null ? 'NULL' : `'${String(v).replaceAll("'", "''")}'`);
  const gmRows = municipalities
    .map((m) => `(${m.idx}, ${lit(m.id)}::uuid, ${lit(m.intakeUserId)}::uuid, ${lit(m.caseWorkerId)}::uuid, ${lit(m.intakeUnitId)}::uuid, ${lit(m.exitUnitId)}::uuid, ${lit(m.sigUnitId)}::uuid)`)
    .join(',\n  ');
  const goRows = sources
    .map((s) => `(${s.muni}, ${s.slot}, ${lit(s.orgId)}::uuid, ${lit(s.userId)}::uuid, ${lit(s.role)}, ${lit(s.kind)}::referral_kind)`)
    .join(',\n  ');

  return [
    ['settings', `SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '512MB'; SET LOCAL temp_buffers = '256MB'`],
    // Only for this transaction: generated audit rows get their chain columns below, not from the trigger.
    ['audit triggers off', `ALTER TABLE audit_entry DISABLE TRIGGER USER`],
    [
      'fixture tables',
      `CREATE TEMP TABLE gm (muni int PRIMARY KEY, id uuid, intake_user uuid, case_worker uuid, intake_unit uuid, exit_unit uuid, sig_unit uuid) ON COMMIT DROP;
       INSERT INTO gm VALUES
  ${gmRows};
       CREATE TEMP TABLE go (muni int, slot int, org_id uuid, user_id uuid, role text, kind referral_kind, PRIMARY KEY (muni, slot)) ON COMMIT DROP;
       INSERT INTO go VALUES
  ${goRows}`,
    ],
    [
      'people',
      `CREATE TEMP TABLE gp ON COMMIT DROP AS
       SELECT i,
              gen_random_uuid() AS id,
              CASE WHEN i % 100 < 85 THEN 1 WHEN i % 100 < 93 THEN 2 WHEN i % 100 < 98 THEN 3 ELSE 4 END AS muni,
              i % 10 <> 0 AS has_number,
              date '${YOUNGEST_BIRTH}' - ((i - i / 10 - 1) % ${BIRTH_DAYS}) AS birth_date,
              ((i - i / 10 - 1) / ${BIRTH_DAYS}) % 20 AS serial,
              ((i - i / 10 - 1) / ${BIRTH_DAYS * 20}) % 2 AS coordination
       FROM generate_series(1, ${P}) AS i;
       ANALYZE gp;
       INSERT INTO person (id, municipality_id, first_name, last_name, identity_number, birth_date, protected_identity, created_at)
       SELECT gp.id, gm.id,
              (${textArray(firstNames)})[1 + gp.i % ${firstNames.length}],
              (${textArray(lastNames)})[1 + (gp.i / ${firstNames.length}) % ${lastNames.length}],
              CASE WHEN gp.has_number THEN d.ymd || d.nnn::text || ${luhnExpression('d.n')}::text END,
              gp.birth_date,
              gp.i % 97 = 0,
              now() - make_interval(secs => (1 - gp.i::float8 / ${R}) * ${SPAN_DAYS} * 86400)
       FROM gp
       JOIN gm ON gm.muni = gp.muni
       CROSS JOIN LATERAL (
         SELECT to_char(gp.birth_date, 'YYYYMM') || lpad((extract(day FROM gp.birth_date)::int + 60 * gp.coordination)::text, 2, '0') AS ymd,
                980 + gp.serial AS nnn
       ) y
       CROSS JOIN LATERAL (SELECT y.ymd, y.nnn, substr(y.ymd, 3)::bigint * 1000 + y.nnn AS n) d`,
    ],
    [
      'referrals',
      `CREATE TEMP TABLE gr ON COMMIT DROP AS
       SELECT j, id, person_id, muni, birth_date, received_at, slot, status,
              CASE WHEN status IN ('submitted', 'underReview') THEN NULL
                   ELSE least(received_at + make_interval(hours => 2 + (j * 13) % 300), now()) END AS triaged_at
       FROM (
         SELECT j, gen_random_uuid() AS id, p.id AS person_id, p.muni, p.birth_date,
                now() - make_interval(secs => (1 - j::float8 / ${R}) * ${SPAN_DAYS} * 86400) AS received_at,
                j % 20 AS slot,
                (CASE WHEN j > ${R - OPEN} THEN CASE WHEN j % 3 = 0 THEN 'underReview' ELSE 'submitted' END
                      WHEN (j * 37) % 100 < 40 THEN 'caseOpened'
                      WHEN (j * 37) % 100 < 55 THEN 'passedToSig'
                      WHEN (j * 37) % 100 < 77 THEN 'routedToOrdinarySupport'
                      ELSE 'notForUs' END)::referral_status AS status
         FROM generate_series(1, ${R}) AS j
         JOIN gp p ON p.i = 1 + (j - 1) % ${P}
       ) x;
       ANALYZE gr;
       INSERT INTO referral (id, municipality_id, reference, kind, source_organisation_id, submitted_by_user_id,
                             idempotency_key, person_id, reason, urgency, threat_or_protection_need, person_wants_out,
                             consent_to_contact, contact_name, contact_phone, contact_email, status, received_at,
                             triaged_at, triaged_by_user_id, triage_decision, triage_programme, triage_reason,
                             version, updated_at)
       SELECT gr.id, gm.id,
              'UTV-' || extract(year FROM gr.received_at)::int || '-' ||
                lpad((row_number() OVER (PARTITION BY extract(year FROM gr.received_at) ORDER BY gr.j))::text, 6, '0'),
              go.kind, go.org_id, go.user_id, gen_random_uuid(), gr.person_id,
              (${textArray(reasons)})[1 + gr.j % ${reasons.length}],
              (CASE WHEN gr.j % 20 = 0 THEN 'immediate' WHEN gr.j % 7 = 0 THEN 'high' ELSE 'normal' END)::urgency,
              gr.j % 10 = 0, gr.j % 3 <> 0, gr.j % 4 <> 0,
              'Kim Kontakt', '010-000 00 00', 'kontakt@bench.utvag.invalid',
              gr.status, gr.received_at,
              gr.triaged_at, CASE WHEN gr.triaged_at IS NOT NULL THEN gm.intake_user END,
              (CASE gr.status WHEN 'caseOpened' THEN 'openCase' WHEN 'passedToSig' THEN 'passToSig'
                              WHEN 'routedToOrdinarySupport' THEN 'routeToOrdinarySupport' WHEN 'notForUs' THEN 'notForUs' END)::triage_decision,
              (CASE WHEN gr.status = 'caseOpened' THEN CASE WHEN gr.j % 2 = 0 THEN 'youthExitProgramme' ELSE 'adultExitProgramme' END END)::programme,
              CASE WHEN gr.status = 'notForUs' THEN 'Personen vill inte ta emot stöd just nu.' END,
              CASE WHEN gr.status = 'submitted' THEN 1 WHEN gr.status = 'underReview' THEN 2 ELSE 3 END,
              coalesce(gr.triaged_at, gr.received_at)
       FROM gr
       JOIN gm ON gm.muni = gr.muni
       JOIN go ON go.muni = gr.muni AND go.slot = gr.slot
       ORDER BY gr.j;
       -- The app's next reference numbers follow this year's generated ones.
       SELECT setval('referral_reference_seq',
                     greatest(1, (SELECT count(*) FROM gr WHERE extract(year FROM received_at) = extract(year FROM now()))),
                     (SELECT count(*) > 0 FROM gr WHERE extract(year FROM received_at) = extract(year FROM now())))`,
    ],
    [
      'cases',
      `CREATE TEMP TABLE gc ON COMMIT DROP AS
       SELECT row_number() OVER (ORDER BY gr.j) AS c, gen_random_uuid() AS id, gr.id AS referral_id, gr.person_id,
              gr.muni, gr.j, gr.received_at, gr.triaged_at AS opened_at, gr.slot,
              (CASE gr.status WHEN 'caseOpened' THEN CASE WHEN gr.j % 2 = 0 THEN 'youthExitProgramme' ELSE 'adultExitProgramme' END
                              WHEN 'passedToSig' THEN 'sig' ELSE 'ordinarySupport' END)::programme AS programme,
              CASE WHEN gr.triaged_at < now() - interval '1 year' THEN gr.triaged_at + make_interval(days => 90 + gr.j % 270) END AS closed_at,
              extract(year FROM age(gr.triaged_at, gr.birth_date))::int AS age_at_start
       FROM gr
       WHERE gr.status IN ('caseOpened', 'passedToSig', 'routedToOrdinarySupport');
       ANALYZE gc;
       INSERT INTO "case" (id, municipality_id, person_id, programme, unit_id, responsible_user_id, status, age_at_start,
                           referral_id, opened_at, closed_at)
       SELECT gc.id, gm.id, gc.person_id, gc.programme,
              CASE WHEN gc.programme = 'sig' THEN gm.sig_unit ELSE gm.exit_unit END,
              gm.case_worker,
              (CASE WHEN gc.closed_at IS NULL THEN 'open' ELSE 'closed' END)::case_status,
              gc.age_at_start, gc.referral_id, gc.opened_at, gc.closed_at
       FROM gc JOIN gm ON gm.muni = gc.muni
       ORDER BY gc.c`,
    ],
    [
      'case events',
      `INSERT INTO case_event (municipality_id, case_id, kind, data, actor_user_id, at)
       SELECT gm.id, gc.id,
              CASE k WHEN 1 THEN 'opened' WHEN 2 THEN 'contactMade' WHEN 3 THEN 'meeting' WHEN 4 THEN 'planUpdated'
                     ELSE CASE WHEN gc.closed_at IS NULL THEN 'note' ELSE 'closed' END END,
              CASE k WHEN 1 THEN jsonb_build_object('referralId', gc.referral_id) ELSE jsonb_build_object('step', k) END,
              gm.case_worker,
              gc.opened_at + (coalesce(gc.closed_at, now()) - gc.opened_at) * ((k - 1) / 4.0)
       FROM gc
       JOIN gm ON gm.muni = gc.muni
       CROSS JOIN generate_series(1, 5) AS k
       ORDER BY gc.c, k`,
    ],
    [
      'audit entries',
      `INSERT INTO audit_entry (id, at, user_id, role, municipality_id, organisation_id, action, record_type, record_id,
                               subject_ids, outcome, request_id, chain_seq, prev_hash, hash)
       OVERRIDING SYSTEM VALUE
       SELECT e.id, e.at, e.user_id, e.role, gm.id, e.org_id, e.action, e.record_type, e.record_id, e.subject_ids,
              (CASE WHEN e.id % 211 = 0 THEN 'denied' ELSE 'allowed' END)::audit_outcome,
              gen_random_uuid()::text,
              e.id,
              CASE WHEN e.id > 1 THEN encode(sha256(convert_to('bench:' || (e.id - 1), 'UTF8')), 'hex') END,
              encode(sha256(convert_to('bench:' || e.id, 'UTF8')), 'hex')
       FROM (
         SELECT (gc.c - 1) * 20 + k AS id, gc.muni,
                CASE WHEN k <= 5 THEN gc.received_at + make_interval(mins => k * 7)
                     WHEN k <= 7 THEN gc.received_at + make_interval(mins => k * 3)
                     ELSE gc.opened_at + (coalesce(gc.closed_at, now()) - gc.opened_at) * ((k - 8) / 13.0) END AS at,
                CASE WHEN k IN (1, 7) THEN go.user_id WHEN k <= 6 THEN gm.intake_user ELSE gm.case_worker END AS user_id,
                CASE WHEN k IN (1, 7) THEN go.role WHEN k <= 6 THEN 'intake' ELSE 'caseWorker' END AS role,
                CASE WHEN k IN (1, 7) THEN go.org_id END AS org_id,
                CASE WHEN k = 1 THEN 'referral.submit' WHEN k <= 4 THEN 'referral.read' WHEN k = 5 THEN 'referral.triage'
                     WHEN k = 6 THEN 'inbox.list' WHEN k = 7 THEN 'submission.list' WHEN k <= 17 THEN 'case.read'
                     ELSE 'case.update' END AS action,
                CASE WHEN k <= 7 THEN 'referral' ELSE 'case' END AS record_type,
                CASE WHEN k <= 5 THEN gc.referral_id::text WHEN k <= 7 THEN NULL ELSE gc.id::text END AS record_id,
                CASE WHEN k = 6 THEN (SELECT array_agg(gen_random_uuid()) FROM generate_series(1, 20))
                     WHEN k = 7 THEN NULL ELSE array[gc.person_id] END AS subject_ids
         FROM gc
         JOIN gm ON gm.muni = gc.muni
         JOIN go ON go.muni = gc.muni AND go.slot = gc.slot
         CROSS JOIN generate_series(1, 20) AS k
       ) e
       JOIN gm ON gm.muni = e.muni
       ORDER BY e.id;
       SELECT setval(pg_get_serial_sequence('audit_entry', 'id'), greatest(1, (SELECT coalesce(max(id), 0) FROM audit_entry)));
       -- The trigger draws chain positions from this sequence; it must continue after the generated ones.
       SELECT setval('audit_entry_chain_seq_seq', greatest(1, (SELECT coalesce(max(chain_seq), 0) FROM audit_entry)))`,
    ],
    ['audit triggers on', `ALTER TABLE audit_entry ENABLE TRIGGER USER`],
  ];
}
