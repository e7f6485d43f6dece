// Every SQL statement of the benchmark's data generation, set-based (INSERT … SELECT generate_series), run by
// scripts/bench/data.mjs after the handful of municipalities, units, organisations and users are made with the seed
// factories: `prepare` in one transaction (indexes off, people, referrals, cases, case events, each table's indexes
// built after its rows), then `audit` (the audit entries in auditParts transactions on as many connections at the
// same time), `auditIndexes` (audit_entry's indexes, each on its own connection at the same time) and `finish`.
// A generation that fails half-way leaves the database without its completion marker, so the next run drops it.
// Everything is fictional: names from short lists, identity numbers only from the fictional 980–999 series (with a
// valid check digit), organisation names "… (bench)".
//
// Proportions for `cases` = N (see docs/performance.md):
//   people ≈ N, referrals ≈ 1.3 N (the newest 2 % still open: submitted or under review; the rest decided),
//   cases ≈ 0.98 N (one per referral decided as case opened, passed to SIG or routed to ordinary support),
//   case events = 5 per case, audit entries = 20 per case.
//   Municipality shares: 85 %, 8 %, 5 %, 2 % (one large municipality holds most of the data).
//   Sources: police 45 %, probation service 15 %, three schools 30 % (concern reports), self-applications 10 %.
//   Time: referrals spread over the last five years, oldest first, so the open ones are the newest.
//
// The audit table's hash-chain trigger is disabled for the generated rows only (from `prepare` to `finish`; and a
// superuser session's session_replication_role = replica skips it anyway): they form the legacy chain (lane null:
// consecutive positions chain_seq = id, prev_hash = the previous row's hash), but the hashes are placeholders (the id
// in hex, zero-padded to a sha256's 64 characters), not audit_entry_digest(). So the table and its indexes have
// their real shape and size, the trigger appends the benchmark's own entries in its lanes' chains, and
// `npm run audit:verify` on a bench database reports the first generated entry as altered. The chain verify is not
// part of the benchmark.

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

/** Each generating transaction starts with these (SET LOCAL: only for it). synchronous_commit off: a failed
 * generation is redone anyway. The indexes of person, referral, case and case_event are built after their rows (see
 * 'indexes off') by one parallel worker beside the backend (two cores), each sort within maintenance_work_mem where
 * it can (audit_entry's are built side by side instead: auditIndexes). */
const sessionSettings = `SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '1GB';
  SET LOCAL max_parallel_maintenance_workers = 1; SET LOCAL temp_buffers = '256MB';
  -- A superuser (the embedded server's, and a server admin URL's as a rule) skips the per-row foreign-key checks
  -- (and user triggers): every generated reference points at a row generated before it, so they cannot fail, and
  -- at 1M cases they were ~15 M trigger events queued and run one by one. The constraints stay as they are.
  SELECT set_config('session_replication_role', 'replica', true) FROM pg_roles WHERE rolname = current_user AND rolsuper`;

/** How many transactions on as many connections write the audit entries at the same time. The machine has two
 * cores; on a busy one, four backends get twice the CPU share of two (at 100k: two parts 93 s, four 55 s in all). */
export const auditParts = 4;

/** The tables the generation loads, in order; their indexes are built after their rows. */
const loadedTables = ['person', 'referral', 'case', 'case_event', 'audit_entry'];

/** The step that builds one table's dropped indexes again (definitions saved in bench_generation_index by 'indexes off'). */
const rebuildIndexes = (table) => [
  `${table} indexes`,
  `DO $$
   DECLARE r record;
   BEGIN
     FOR r IN SELECT create_statement FROM bench_generation_index WHERE table_name = '${table}' ORDER BY index_name LOOP EXECUTE r.create_statement; END LOOP;
     FOR r IN SELECT constraint_statement FROM bench_generation_index WHERE table_name = '${table}' AND constraint_statement IS NOT NULL LOOP
       EXECUTE r.constraint_statement;
     END LOOP;
   END
   $$`,
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

  const prepare = [
    ['settings', sessionSettings],
    // Until 'audit triggers on' (for a server login that is not a superuser): generated audit rows get their chain
    // columns below, not from the trigger.
    ['audit triggers off', `ALTER TABLE audit_entry DISABLE TRIGGER USER`],
    // The loaded tables' indexes are dropped here and built again from their own definitions after each table's
    // insert ('<table> indexes'): one sort per index instead of one B-tree insertion per row and index, which at
    // 1M cases (20 M audit rows, 5 M case events with random UUID keys, index pages far beyond shared_buffers)
    // was most of the generation. Keys go too (their unique index is built again, then the constraint attached to
    // it), except those a foreign key depends on (person, referral and case ids), which stay. Kept as well:
    // audit_entry's partial chain-head index, which holds only lane entries (no generated row). Same names and
    // definitions as the migrations' (packages/db/src/bench-generation.test.ts compares them). The definitions are
    // kept in a table, not a temporary one: audit_entry's are built after this transaction, on other connections.
    [
      'indexes off',
      `DROP TABLE IF EXISTS bench_generation_index;
       CREATE UNLOGGED TABLE bench_generation_index AS
       SELECT c.relname::text AS table_name, i.relname::text AS index_name,
              CASE WHEN k.oid IS NULL THEN format('DROP INDEX public.%I', i.relname)
                   ELSE format('ALTER TABLE public.%I DROP CONSTRAINT %I', c.relname, k.conname) END AS drop_statement,
              pg_get_indexdef(x.indexrelid) AS create_statement,
              -- A key comes back as its unique index first (a ShareLock, like any index build), then the
              -- constraint on that index (a moment's AccessExclusiveLock, no second build).
              CASE WHEN k.oid IS NOT NULL THEN format('ALTER TABLE public.%I ADD CONSTRAINT %I %s USING INDEX %I', c.relname,
                     k.conname, CASE k.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, i.relname) END AS constraint_statement
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class c ON c.oid = x.indrelid
       LEFT JOIN pg_constraint k ON k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u')
       WHERE c.relnamespace = 'public'::regnamespace
         AND c.relname IN (${loadedTables.map((t) => `'${t}'`).join(', ')})
         AND NOT (c.relname = 'audit_entry' AND x.indpred IS NOT NULL)
         -- No foreign key refers to it (a key's own constraint row also names the index, hence contype).
         AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.conindid = x.indexrelid AND f.contype = 'f')
         -- Only plain indexes and primary/unique keys (an exclusion constraint would need more care).
         AND NOT EXISTS (SELECT 1 FROM pg_constraint o WHERE o.conindid = x.indexrelid AND o.conrelid = x.indrelid AND o.contype NOT IN ('p', 'u'));
       DO $$
       DECLARE r record;
       BEGIN
         FOR r IN SELECT drop_statement FROM bench_generation_index LOOP EXECUTE r.drop_statement; END LOOP;
       END
       $$`,
    ],
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
    rebuildIndexes('person'),
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
    rebuildIndexes('referral'),
    [
      'cases',
      `CREATE TEMP TABLE gc ON COMMIT DROP AS
       SELECT *, id::text AS id_text FROM (
       SELECT row_number() OVER (ORDER BY gr.j) AS c, gen_random_uuid() AS id, gr.id AS referral_id, gr.person_id,
              gr.muni, gr.j, gr.received_at, gr.triaged_at AS opened_at, gr.slot,
              (CASE gr.status WHEN 'caseOpened' THEN CASE WHEN gr.j % 2 = 0 THEN 'youthExitProgramme' ELSE 'adultExitProgramme' END
                              WHEN 'passedToSig' THEN 'sig' ELSE 'ordinarySupport' END)::programme AS programme,
              CASE WHEN gr.triaged_at < now() - interval '1 year' THEN gr.triaged_at + make_interval(days => 90 + gr.j % 270) END AS closed_at,
              extract(year FROM age(gr.triaged_at, gr.birth_date))::int AS age_at_start,
              gm.id AS municipality_id, gm.intake_user, gm.case_worker, gr.id::text AS referral_text,
              go.user_id AS source_user, go.role AS source_role, go.org_id AS source_org
       FROM gr
       JOIN gm ON gm.muni = gr.muni
       JOIN go ON go.muni = gr.muni AND go.slot = gr.slot
       WHERE gr.status IN ('caseOpened', 'passedToSig', 'routedToOrdinarySupport')
       ) x;
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
    rebuildIndexes('case'),
    // The two big inserts below have no ORDER BY (sorting 20 M audit rows spilled gigabytes to disk): each reads
    // gc in its physical order, which is case order (c), and a series that depends on the gc row (`+ 0 * gc.c`,
    // so the planner cannot make the series the outer loop), so the rows come out in case order, then step order,
    // as with the ORDER BY (case_event.at correlation 0.98). gc carries the municipality's and the source's columns
    // so no join can reorder them. The audit parts' pages interleave, though: pg_stats.correlation of
    // audit_entry.id is 0.3–0.7, not 1 (no benchmark query reads the audit table in id order).
    [
      'case events',
      `INSERT INTO case_event (municipality_id, case_id, kind, data, actor_user_id, at)
       SELECT gc.municipality_id, gc.id,
              CASE k WHEN 1 THEN 'opened' WHEN 2 THEN 'contactMade' WHEN 3 THEN 'meeting' WHEN 4 THEN 'planUpdated'
                     ELSE CASE WHEN gc.closed_at IS NULL THEN 'note' ELSE 'closed' END END,
              CASE k WHEN 1 THEN jsonb_build_object('referralId', gc.referral_id) ELSE jsonb_build_object('step', k) END,
              gc.case_worker,
              gc.opened_at + (coalesce(gc.closed_at, now()) - gc.opened_at) * ((k - 1) / 4.0)
       FROM gc
       CROSS JOIN LATERAL generate_series(1, 5 + 0 * gc.c::int) AS k`,
    ],
    rebuildIndexes('case_event'),
    // The cases' plan, for the audit transactions on the other connections.
    [
      'case plan for the audit entries',
      `DROP TABLE IF EXISTS bench_generation_case;
       CREATE UNLOGGED TABLE bench_generation_case AS SELECT * FROM gc`,
    ],
  ];

  // Each part is a transaction of its own on its own connection, all at the same time, after `prepare` committed:
  // a contiguous range of cases, so each part's ids ascend in the pages it fills. Positions and links come from
  // the id alone, so the parts need nothing from each other.
  const audit = Array.from({ length: auditParts }, (_, part) => [
    ['settings', sessionSettings],
    [
      `audit entries ${part + 1}/${auditParts}`,
      `INSERT INTO audit_entry (id, at, user_id, role, municipality_id, organisation_id, action, record_type, record_id,
                               subject_ids, outcome, request_id, chain_seq, prev_hash, hash)
       OVERRIDING SYSTEM VALUE
       SELECT e.id, e.at, e.user_id, e.role, e.municipality_id, e.org_id, e.action, e.record_type, e.record_id, e.subject_ids,
              (CASE WHEN e.id % 211 = 0 THEN 'denied' ELSE 'allowed' END)::audit_outcome,
              -- Request ids and hashes as cheap text of their real length (36 and 64 characters): a random UUID's
              -- text and two sha256 per row were a third of this statement's time. Neither is indexed or read.
              'b0000000-0000-4000-8000-' || lpad(to_hex(e.id), 12, '0'),
              e.id,
              CASE WHEN e.id > 1 THEN lpad(to_hex(e.id - 1), 64, '0') END,
              lpad(to_hex(e.id), 64, '0')
       FROM (
         SELECT (gc.c - 1) * 20 + k AS id, gc.municipality_id,
                CASE WHEN k <= 5 THEN gc.received_at + make_interval(mins => k * 7)
                     WHEN k <= 7 THEN gc.received_at + make_interval(mins => k * 3)
                     ELSE gc.opened_at + (coalesce(gc.closed_at, now()) - gc.opened_at) * ((k - 8) / 13.0) END AS at,
                CASE WHEN k IN (1, 7) THEN gc.source_user WHEN k <= 6 THEN gc.intake_user ELSE gc.case_worker END AS user_id,
                CASE WHEN k IN (1, 7) THEN gc.source_role WHEN k <= 6 THEN 'intake' ELSE 'caseWorker' END AS role,
                CASE WHEN k IN (1, 7) THEN gc.source_org END AS org_id,
                CASE WHEN k = 1 THEN 'referral.submit' WHEN k <= 4 THEN 'referral.read' WHEN k = 5 THEN 'referral.triage'
                     WHEN k = 6 THEN 'inbox.list' WHEN k = 7 THEN 'submission.list' WHEN k <= 17 THEN 'case.read'
                     ELSE 'case.update' END AS action,
                CASE WHEN k <= 7 THEN 'referral' ELSE 'case' END AS record_type,
                CASE WHEN k <= 5 THEN gc.referral_text WHEN k <= 7 THEN NULL ELSE gc.id_text END AS record_id,
                CASE WHEN k = 6 THEN (SELECT array_agg(gen_random_uuid()) FROM generate_series(1, 20))
                     WHEN k = 7 THEN NULL ELSE array[gc.person_id] END AS subject_ids
         FROM bench_generation_case gc
         CROSS JOIN LATERAL generate_series(1, 20 + 0 * gc.c::int) AS k
         WHERE gc.c > ${part} * (SELECT max(c) FROM bench_generation_case) / ${auditParts}
           AND gc.c <= ${part + 1} * (SELECT max(c) FROM bench_generation_case) / ${auditParts}
       ) e`,
    ],
  ]);

  // audit_entry's dropped indexes (four), each built in a transaction of its own on its own connection, all at the
  // same time (ShareLock: they do not block each other), without parallel workers: their scans of the table go
  // together (synchronized scans), so the 20 M rows are read about once, and the sorts share the two cores.
  // maintenance_work_mem is per build here, so 512 MB (the larger sorts spill to temporary files).
  const auditIndexes = {
    query: `SELECT index_name, create_statement FROM bench_generation_index WHERE table_name = 'audit_entry' ORDER BY index_name`,
    build: ({ index_name: name, create_statement: statement }) => [
      ['settings', `${sessionSettings}; SET LOCAL max_parallel_maintenance_workers = 0; SET LOCAL maintenance_work_mem = '512MB'`],
      [`audit_entry index ${name}`, statement],
    ],
  };

  const finish = [
    ['settings', sessionSettings],
    [
      'audit keys',
      `DO $$
       DECLARE r record;
       BEGIN
         FOR r IN SELECT constraint_statement FROM bench_generation_index WHERE table_name = 'audit_entry' AND constraint_statement IS NOT NULL LOOP
           EXECUTE r.constraint_statement;
         END LOOP;
       END
       $$`,
    ],
    [
      'audit sequences',
      `SELECT setval(pg_get_serial_sequence('audit_entry', 'id'), greatest(1, (SELECT coalesce(max(id), 0) FROM audit_entry)));
       -- The trigger draws chain positions from this sequence; it must continue after the generated ones.
       SELECT setval('audit_entry_chain_seq_seq', greatest(1, (SELECT coalesce(max(chain_seq), 0) FROM audit_entry)))`,
    ],
    ['audit triggers on', `ALTER TABLE audit_entry ENABLE TRIGGER USER`],
    ['generation tables', `DROP TABLE bench_generation_case; DROP TABLE bench_generation_index`],
  ];
  return { prepare, audit, auditIndexes, finish };
}
