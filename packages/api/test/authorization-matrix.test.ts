// The authorization matrix: every procedure of both routers, called by every role and by an anonymous
// caller. The expected answer comes from the permissions table, and a procedure missing from this matrix
// fails the test, so nothing new can ship unchecked.
import { isPartnerRole, organisationTypeByPartnerRole, roles, type Role } from '@utvag/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccessibilityReport } from '@utvag/db';
import { auditEntry } from '@utvag/db/schema';
import { and, eq } from 'drizzle-orm';
import { isAllowed, publicActions, type Action } from '../src/permissions.ts';
import { partnerRouter } from '../src/routers/partner.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { codeOf, createWorld, referralInput, type World } from './harness.ts';
import { concernReportInput, probationInput, staffIntakeInput } from './inputs.ts';

let world: World;
let referralId: string;
let version: number;

beforeAll(async () => {
  world = await createWorld();
  const receipt = await (await world.partner('police')).referral.submit(referralInput());
  referralId = receipt.id;
  version = 1;
});
afterAll(() => world.t.drop());

type Call = (w: World, role: Role | null) => Promise<unknown>;
interface Entry {
  /** 'public': answers everyone, signed in or not (permissions.ts `publicActions`). */
  action: Action | 'account' | 'public';
  portal: 'staff' | 'partner';
  call: Call;
  /** The record belongs to the police: other organisations pass authorization but find nothing. */
  recordScoped?: boolean;
}

/** A draft of the caller's own form (a partner may keep drafts only of the form its role submits), saved first. */
async function ownDraft(w: World, r: Role | null) {
  const source = r && isPartnerRole(r) ? organisationTypeByPartnerRole[r] : 'police';
  const caller = await w.partner(r);
  const draft = await caller.draft.save({ idempotencyKey: crypto.randomUUID(), source, values: { reason: 'utkast' } });
  return { caller, idempotencyKey: draft.idempotencyKey };
}

const matrix: Record<string, Entry> = {
  'staff:account.me': { action: 'account', portal: 'staff', call: async (w, r) => (await w.staff(r)).account.me() },
  'staff:account.setLocale': {
    action: 'account',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).account.setLocale({ locale: 'sv' }),
  },
  'staff:inbox.list': { action: 'inbox.list', portal: 'staff', call: async (w, r) => (await w.staff(r)).inbox.list({ limit: 5 }) },
  'staff:referral.get': {
    action: 'referral.read',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).referral.get({ id: referralId }),
  },
  'staff:referral.triage': {
    action: 'referral.triage',
    portal: 'staff',
    // A stale version: allowed roles get past authorization and are stopped by the conflict check, so the
    // referral stays open for the next role.
    call: async (w, r) =>
      (await w.staff(r)).referral.triage({ referralId, decision: 'passToSig', expectedVersion: version + 1000 }),
  },
  'partner:account.me': { action: 'account', portal: 'partner', call: async (w, r) => (await w.partner(r)).account.me() },
  'partner:account.setLocale': {
    action: 'account',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).account.setLocale({ locale: 'sv' }),
  },
  'partner:referral.submit': {
    action: 'referral.submit',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).referral.submit(referralInput()),
  },
  'partner:submission.list': {
    action: 'submission.list',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).submission.list({ limit: 5 }),
  },
  'staff:intake.register': {
    action: 'intake.register',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).intake.register(staffIntakeInput()),
  },
  'partner:probationReferral.submit': {
    action: 'probationReferral.submit',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).probationReferral.submit(probationInput()),
  },
  'partner:concernReport.submit': {
    action: 'concernReport.submit',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).concernReport.submit(concernReportInput()),
  },
  'partner:draft.save': { action: 'draft.save', portal: 'partner', call: (w, r) => ownDraft(w, r) },
  'partner:draft.get': {
    action: 'draft.read',
    portal: 'partner',
    call: async (w, r) => {
      const { caller, idempotencyKey } = await ownDraft(w, r);
      return caller.draft.get({ idempotencyKey });
    },
  },
  'partner:draft.list': { action: 'draft.read', portal: 'partner', call: async (w, r) => (await w.partner(r)).draft.list() },
  'partner:draft.discard': {
    action: 'draft.discard',
    portal: 'partner',
    call: async (w, r) => {
      const { caller, idempotencyKey } = await ownDraft(w, r);
      return caller.draft.discard({ idempotencyKey });
    },
  },
  'staff:accessibilityReport.submit': {
    action: 'public',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).accessibilityReport.submit({ message: 'Knappen går inte att nå med tangentbordet.' }),
  },
  'partner:accessibilityReport.submit': {
    action: 'public',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).accessibilityReport.submit({ message: 'Kontrasten är för låg.', page: '/hanvisningar/ny' }),
  },
  'staff:accessibilityReport.list': {
    action: 'accessibilityReport.list',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).accessibilityReport.list(),
  },
  'staff:accessibilityReport.markHandled': {
    action: 'accessibilityReport.handle',
    portal: 'staff',
    // A fresh open report per caller, so an allowed role finds one to handle.
    call: async (w, r) => {
      const report = await insertAccessibilityReport(w.t.db, { portal: 'partner', message: 'Fel', page: null, contactEmail: null, userId: null });
      return (await w.staff(r)).accessibilityReport.markHandled({ id: report.id });
    },
  },
  'partner:submission.get': {
    action: 'submission.read',
    portal: 'partner',
    recordScoped: true,
    call: async (w, r) => (await w.partner(r)).submission.get({ id: referralId }),
  },
};

const procedurePaths = (portal: string, router: { _def: { procedures: object } }) =>
  Object.keys(router._def.procedures).map((p) => `${portal}:${p}`);

it('covers every procedure of both routers', () => {
  const all = [...procedurePaths('staff', staffRouter), ...procedurePaths('partner', partnerRouter)].sort();
  expect(Object.keys(matrix).sort()).toEqual(all);
});

it('opens to everyone only the procedures listed as public', () => {
  const open = Object.entries(matrix).filter(([, e]) => e.action === 'public').map(([path]) => path.split(':')[1]);
  expect([...new Set(open)].sort()).toEqual([...publicActions].sort());
});

function expectedFor(entry: Entry, role: Role | null): 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' {
  if (entry.action === 'public') return 'ok';
  if (role === null) return 'UNAUTHORIZED';
  const kind = ['police', 'probationOfficer', 'schoolStaff'].includes(role) ? 'partner' : 'staff';
  if (kind !== entry.portal) return 'FORBIDDEN';
  if (entry.action === 'account') return 'ok';
  return isAllowed(role, entry.action) ? 'ok' : 'FORBIDDEN';
}

describe.each(Object.entries(matrix))('%s', (_path, entry) => {
  it.each([...roles, null])('as %s', async (role) => {
    const expected = expectedFor(entry, role);
    const got = await codeOf(() => entry.call(world, role));
    // An allowed role may still meet a business rule (the deliberately stale triage version): that is CONFLICT,
    // never an authorization error. Another organisation's record reads as NOT_FOUND.
    if (expected === 'ok') expect(['ok', 'CONFLICT', ...(entry.recordScoped && role !== 'police' ? ['NOT_FOUND'] : [])]).toContain(got);
    else expect(got).toBe(expected);
  });
});

it('records refused attempts in the audit log', async () => {
  const before = await world.t.db
    .select()
    .from(auditEntry)
    .where(and(eq(auditEntry.userId, world.tenant.users.administrator.id), eq(auditEntry.outcome, 'denied')));
  await expect((await world.staff('administrator')).inbox.list({ limit: 5 })).rejects.toThrow();
  const after = await world.t.db
    .select()
    .from(auditEntry)
    .where(and(eq(auditEntry.userId, world.tenant.users.administrator.id), eq(auditEntry.outcome, 'denied')));
  expect(after.length).toBe(before.length + 1);
  expect(after.at(-1)?.action).toBe('inbox.list');
});
