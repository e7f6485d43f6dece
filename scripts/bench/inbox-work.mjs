// The inbox procedure's database work, hand-written with postgres.js: the same session check
// (packages/db/src/queries/sessions.ts), tenant context (queries/tenant.ts, incl. the role switch that turns
// row-level security on), page query (listInbox in queries/referrals.ts, limit + 1 rows) and audit insert
// (packages/api/src/audit.ts, which fires the hash-chain trigger), plus the same masking and JSON. One
// transaction per request. What the app does that this leaves out: touching the session once a minute.
import { createHash, randomUUID } from 'node:crypto';

const idleMinutes = 30;
const limit = 50;
const maskIdentityNumber = (digits) => `${digits.slice(0, 8)}-XXXX`;

/** @param {import('postgres').Sql} sql */
/** `audit: false` leaves out the audit insert only: the difference to the full work is the audit's own cost. */
export function inboxWork(sql, { audit = true } = {}) {
  return async function inbox(token) {
    const sessionId = createHash('sha256').update(token).digest('hex');
    const now = new Date();
    const idleSince = new Date(now.getTime() - idleMinutes * 60_000);
    const requestId = randomUUID();
    return sql.begin(async (tx) => {
      const [s] = await tx`
        select s.id, s.expires_at, s.last_seen_at, s.mfa_verified_at, u.id as user_id, u.email, u.name, u.kind, u.role,
               u.municipality_id, u.unit_id, u.organisation_id, u.locale, u.is_demo, o.type as organisation_type
        from session s
        join app_user u on u.id = s.user_id
        left join organisation o on o.id = u.organisation_id
        where s.id = ${sessionId} and s.expires_at > ${now} and s.last_seen_at > ${idleSince} and u.disabled_at is null`;
      if (!s || s.kind !== 'staff' || s.mfa_verified_at === null) return null;
      await tx`select
        set_config('app.municipality_id', ${s.municipality_id}, true),
        set_config('app.organisation_id', ${s.organisation_id ?? ''}, true),
        set_config('app.user_id', ${s.user_id}, true),
        set_config('app.role', ${s.role}, true),
        set_config('role', 'utvag_app', true)`;
      const rows = await tx`
        select r.id, r.reference, r.kind, r.status, r.urgency, r.threat_or_protection_need, r.received_at,
               o.name as source_name, o.type as source_type, p.first_name, p.last_name, p.birth_date,
               p.identity_number, p.id as person_id, p.protected_identity
        from referral r
        join person p on p.id = r.person_id
        left join organisation o on o.id = r.source_organisation_id
        where r.municipality_id = ${s.municipality_id} and r.status in (${'submitted'}, ${'underReview'})
        order by r.inbox_rank asc, r.received_at asc, r.id asc
        limit ${limit + 1}`;
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const items = page.map((r) => ({
        id: r.id,
        reference: r.reference,
        kind: r.kind,
        status: r.status,
        urgency: r.urgency,
        threatOrProtectionNeed: r.threat_or_protection_need,
        receivedAt: r.received_at.toISOString(),
        source: r.source_name ? { name: r.source_name, type: r.source_type } : null,
        person: r.protected_identity
          ? { name: null, identityNumber: null, birthDate: null, protectedIdentity: true }
          : {
              name: `${r.first_name} ${r.last_name}`,
              identityNumber: r.identity_number ? maskIdentityNumber(r.identity_number) : null,
              birthDate: r.birth_date,
              protectedIdentity: false,
            },
      }));
      const nextCursor =
        rows.length > limit && last ? Buffer.from(`${last.received_at.toISOString()}|${last.id}`).toString('base64url') : null;
      if (audit) await tx`
        insert into audit_entry (user_id, role, municipality_id, organisation_id, action, record_type, record_id, subject_ids, request_id)
        values (${s.user_id}, ${s.role}, ${s.municipality_id}, ${s.organisation_id}, 'inbox.list', 'referral', null,
                ${page.map((r) => r.person_id)}, ${requestId})`;
      return { items, nextCursor };
    });
  };
}

/** N workers calling `work` back to back for `seconds`; latencies in ms. */
export async function closedLoop(work, { workers, seconds }) {
  const latencies = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        const at = performance.now();
        try {
          const result = await work();
          if (result === null) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - at);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : 0);
  return { requests: latencies.length, rps: latencies.length / elapsed, p50: pct(50), p99: pct(99), errors };
}
