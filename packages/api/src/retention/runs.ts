// Retention (gallring): the dry run proposes, a unit manager approves, and only then is anything culled. Each
// step re-applies the domain's rules, so a person whose records changed after the dry run is left alone.
import {
  cullPerson,
  findLatestRetentionRun,
  findRetentionRun,
  inTenantTransaction,
  insertAuditEntry,
  insertRetentionRun,
  listMunicipalityIds,
  listRetentionFacts,
  listUnculledCandidates,
  markRetentionRunApproved,
  type Database,
  type Tx,
} from '@utvag/db';
import { calendarDateInSweden, defaultRetentionRules, retentionVerdict, type RetentionRules } from '@utvag/domain';
import { audited } from '../audit.ts';
import type { Context, StaffUser } from '../context.ts';
import { AppError, notFound } from '../errors.ts';

/** The nightly job is nobody's session: it runs under RLS with the municipality set and no user. */
const systemTenant = (municipalityId: string) => ({
  municipalityId,
  organisationId: null,
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'system',
});

/** People of the municipality whose records are due today, by the rules. */
async function dueNow(tx: Tx, municipalityId: string, now: Date, rules: RetentionRules) {
  const today = calendarDateInSweden(now);
  const facts = await listRetentionFacts(tx, municipalityId);
  return facts.flatMap((f) => {
    const verdict = retentionVerdict({ ...f, lastEntryOn: calendarDateInSweden(f.lastEntryAt) }, today, rules);
    return verdict.due ? [{ personId: f.personId, rule: verdict.rule, eligibleFrom: verdict.eligibleFrom, dueBy: verdict.dueBy }] : [];
  });
}

async function proposeFor(tx: Tx, municipalityId: string, now: Date, rules: RetentionRules) {
  const candidates = await dueNow(tx, municipalityId, now, rules);
  const run = await insertRetentionRun(tx, { municipalityId, rules }, candidates);
  return { run, candidates: candidates.length };
}

/** The nightly dry run: one proposed run per municipality; nothing is culled. */
export async function proposeRetentionRuns(db: Database, now = new Date(), rules = defaultRetentionRules) {
  const results = [];
  for (const municipalityId of await listMunicipalityIds(db)) {
    results.push(
      await inTenantTransaction(db, systemTenant(municipalityId), async (tx) => {
        const proposed = await proposeFor(tx, municipalityId, now, rules);
        await insertAuditEntry(tx, { municipalityId, action: 'retention.propose', recordType: 'retentionRun', recordId: proposed.run.id });
        return { municipalityId, runId: proposed.run.id, candidates: proposed.candidates };
      }),
    );
  }
  return results;
}

type Ctx = Context & { user: StaffUser };

/** A dry run now, on request of a unit manager (the same as the nightly one, for their municipality). */
export async function proposeRetentionRunNow(ctx: Ctx) {
  return audited(ctx, 'retention.approve', async (tx) => {
    const { run, candidates } = await proposeFor(tx, ctx.user.municipalityId, new Date(), defaultRetentionRules);
    return { result: { runId: run.id, candidates }, record: { recordType: 'retentionRun', recordId: run.id } };
  });
}

/** The newest run: what it proposes (people by id and one referral number; no names) and whether it was approved. */
export async function retentionReport(ctx: Ctx) {
  return audited(ctx, 'retention.read', async (tx) => {
    const latest = await findLatestRetentionRun(tx, ctx.user.municipalityId);
    const result = latest && {
      id: latest.run.id,
      createdAt: latest.run.createdAt.toISOString(),
      status: latest.run.status as 'proposed' | 'approved',
      approvedAt: latest.run.approvedAt?.toISOString() ?? null,
      culled: latest.run.culled,
      candidates: latest.candidates.map((c) => ({
        id: c.id,
        reference: c.reference,
        rule: c.rule as 'file' | 'concernReport',
        eligibleFrom: c.eligible_from,
        dueBy: c.due_by,
        culled: c.culled_at !== null,
      })),
    };
    return { result, record: { recordType: 'retentionRun', recordId: latest?.run.id ?? null } };
  });
}

/** Approves a proposed run: every candidate still due is culled, in one transaction with its audit entry. */
export async function approveRetentionRun(ctx: Ctx, input: { id: string }) {
  return audited(ctx, 'retention.approve', async (tx) => {
    const run = await findRetentionRun(tx, input.id, ctx.user.municipalityId);
    if (!run) throw notFound();
    if (run.status !== 'proposed') throw new AppError('CONFLICT', 'security.retention.alreadyApproved');
    const stillDue = new Set((await dueNow(tx, ctx.user.municipalityId, new Date(), run.rules as RetentionRules)).map((c) => c.personId));
    const culled: string[] = [];
    for (const candidate of await listUnculledCandidates(tx, run.id)) {
      if (!stillDue.has(candidate.personId)) continue;
      await cullPerson(tx, candidate.personId, candidate.id);
      culled.push(candidate.personId);
    }
    await markRetentionRunApproved(tx, run.id, ctx.user.id, culled.length);
    return { result: { culled: culled.length }, record: { recordType: 'retentionRun', recordId: run.id, subjectIds: culled } };
  });
}
