// The authorization matrix: every procedure of both routers, called by every role and by an anonymous
// caller. The expected answer comes from the permissions table, and a procedure missing from this matrix
// fails the test, so nothing new can ship unchecked.
import { isPartnerRole, organisationTypeByPartnerRole, roles, type Role } from '@utvag/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccessibilityReport } from '@utvag/db';
import { createRegion } from '@utvag/db/testing';
import { auditEntry } from '@utvag/db/schema';
import { and, eq, sql } from 'drizzle-orm';
import { createContext } from '../src/context.ts';
import { createCallerFactory } from '../src/trpc.ts';
import { isAllowed, needsStepUp, publicActions, type Action } from '../src/permissions.ts';
import { partnerRouter } from '../src/routers/partner.ts';
import { staffRouter } from '../src/routers/staff.ts';
import { codeOf, createWorld, referralInput, sessionUser, silentLog, type World } from './harness.ts';
import { concernReportInput, probationInput, staffIntakeInput } from './inputs.ts';
import { createCase, createDecision, createEntry, createTask, delegateMandate } from './cases-setup.ts';
import { grantConsent, interventionInput, typeId } from './support-setup.ts';
import { offeredCase } from './transfer-setup.ts';
import { intervention, networkMeeting, networkMeetingParticipant } from '@utvag/db/schema';

let world: World;
let referralId: string;
let version: number;
/** A case every case role has a need to know (its unit is theirs and nobody is assigned yet). */
let caseId: string;
let decisionId: string;
let signedEntryId: string;
let unsignedEntryId: string;
const stale = 1000;
let grantId: string;
let interventionId: string;
let hvbTypeId: string;
let meetingId: string;
/** A police assessment request to the tenant's police organisation (issue 6 item 3). */
let assessmentRequestId: string;
/** Transfers (issue 6 item 9): one offered to this municipality by the other, one this municipality offered. */
let incomingTransferId: string;
let outgoingTransferId: string;

beforeAll(async () => {
  world = await createWorld();
  const receipt = await (await world.partner('police')).referral.submit(referralInput());
  referralId = receipt.id;
  version = 1;
  caseId = await createCase(world);
  decisionId = (await createDecision(world, caseId, { outcome: 'granted', grounds: 'Skäl', hasChildren: false })).id;
  signedEntryId = (await createEntry(world, caseId, { signedAt: new Date(), signedByUserId: world.tenant.users.caseWorker.id })).id;
  unsignedEntryId = (await createEntry(world, caseId)).id;
  // The matrix's coordinator holds delegated decision mandate, so signing is refused by role alone; a coordinator
  // without it is refused in cases.test.ts.
  await delegateMandate(world, world.tenant.users.coordinator.id);
  // Support work (issue 7): a signed grant on the case, one intervention and one meeting with the case worker invited.
  grantId = (await createDecision(world, caseId, { outcome: 'granted', stage: 'signed', signedAt: new Date(), signedByUserId: world.tenant.users.unitManager.id })).id;
  const m = world.tenant.municipality.id;
  const [i] = await world.t.db
    .insert(intervention)
    .values({ municipalityId: m, caseId, decisionId: grantId, interventionTypeId: (hvbTypeId = await typeId(world)), startDate: '2026-01-01', costKind: 'perDay', priceOre: 100, vatHandling: 'none', vatRateBasisPoints: 0, createdByUserId: world.tenant.users.caseWorker.id })
    .returning();
  interventionId = i!.id;
  const [meeting] = await world.t.db.insert(networkMeeting).values({ municipalityId: m, caseId, scheduledAt: new Date(), place: 'Rum 1', createdByUserId: world.tenant.users.coordinator.id }).returning();
  meetingId = meeting!.id;
  await world.t.db.insert(networkMeetingParticipant).values({ municipalityId: m, meetingId, userId: world.tenant.users.caseWorker.id, invitedByUserId: world.tenant.users.coordinator.id });
  assessmentRequestId = (
    await (await world.staff('caseWorker')).policeAssessment.request({ caseId, organisationId: world.tenant.organisations.police.id, question: 'Hotbild?', legalBasis: 'necessity' })
  ).id;
  incomingTransferId = (await offeredCase(world, world.otherTenant, world.tenant)).transferId;
  outgoingTransferId = (await offeredCase(world, world.tenant, world.otherTenant)).transferId;
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
  /** Needs a step-up (permissions.ts `stepUpActions`): an allowed role without one is answered PRECONDITION_FAILED. */
  stepUp?: boolean;
  /** Further answers an allowed role may get past authorization (e.g. NOT_FOUND for a made-up handle). */
  alsoOk?: string[];
}

/** A draft of the caller's own form (a partner may keep drafts only of the form its role submits), saved first. */
async function ownDraft(w: World, r: Role | null) {
  const source = r && isPartnerRole(r) ? organisationTypeByPartnerRole[r] : 'police';
  const caller = await w.partner(r);
  const draft = await caller.draft.save({ idempotencyKey: crypto.randomUUID(), source, values: { reason: 'utkast' } });
  return { caller, idempotencyKey: draft.idempotencyKey };
}

/** A passkey answer of the right shape (its signature is checked only after the session is). */
const passkeyShape = JSON.stringify({ id: 'AA', rawId: 'AA', type: 'public-key', response: { clientDataJSON: 'AA', attestationObject: 'AA' } });

/** The regional account works for a region that the tenant shares with (created once, on first use). */
let region: Promise<unknown> | null = null;
const withRegion = (w: World) =>
  (region ??= createRegion(w.t.db, { sharingMunicipalityIds: [w.tenant.municipality.id], regionalUserIds: [w.tenant.users.regional.id] }));

const matrix: Record<string, Entry> = {
  'staff:followUpReport.get': {
    action: 'followUpReport.read',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).followUpReport.get({ preset: '2026-H1' }),
  },
  'staff:followUpReport.export': {
    action: 'followUpReport.export',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).followUpReport.export({ preset: '2026-H1', format: 'csv', table: 'clocks' }),
  },
  'staff:followUpReport.recompute': {
    action: 'followUpReport.recompute',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).followUpReport.recompute({ preset: '2026-H1' }),
  },
  'staff:followUpReport.regional': {
    action: 'regionalReport.read',
    portal: 'staff',
    call: async (w, r) => {
      await withRegion(w);
      return (await w.staff(r)).followUpReport.regional({ preset: '2026-H1' });
    },
  },
  'staff:followUpReport.regionalExport': {
    action: 'regionalReport.export',
    portal: 'staff',
    call: async (w, r) => {
      await withRegion(w);
      return (await w.staff(r)).followUpReport.regionalExport({ preset: '2026', format: 'pdf' });
    },
  },
  'staff:followUpReport.regionalRecompute': {
    action: 'regionalReport.recompute',
    portal: 'staff',
    call: async (w, r) => {
      await withRegion(w);
      return (await w.staff(r)).followUpReport.regionalRecompute({ preset: '2026-H1' });
    },
  },
  'staff:account.me': { action: 'account', portal: 'staff', call: async (w, r) => (await w.staff(r)).account.me() },
  'staff:account.setLocale': {
    action: 'account',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).account.setLocale({ locale: 'sv' }),
  },
  'staff:inbox.list': { action: 'inbox.list', portal: 'staff', call: async (w, r) => (await w.staff(r)).inbox.list({ limit: 5 }) },
  'staff:inbox.page': { action: 'inbox.list', portal: 'staff', call: async (w, r) => (await w.staff(r)).inbox.page({ limit: 5 }) },
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
  // Issue 5 after intake. Stale versions: allowed roles pass authorization and stop at the conflict check.
  'staff:referral.recordClockEvent': {
    action: 'referral.recordClockEvent',
    portal: 'staff',
    call: async (w, r) =>
      (await w.staff(r)).referral.recordClockEvent({ referralId, event: 'firstContact', expectedVersion: version + 1000 }),
  },
  'staff:referral.assign': {
    action: 'referral.assign',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).referral.assign({ referralId, unitId: w.tenant.intakeUnit.id, expectedVersion: version + 1000 }),
  },
  'staff:referral.matches': {
    action: 'person.match',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).referral.matches({ id: referralId }),
  },
  'staff:referral.linkPerson': {
    action: 'referral.linkPerson',
    portal: 'staff',
    call: async (w, r) =>
      (await w.staff(r)).referral.linkPerson({ referralId, personId: crypto.randomUUID(), expectedVersion: version + 1000 }),
  },
  'staff:referral.rejectMatch': {
    action: 'referral.rejectMatch',
    portal: 'staff',
    call: async (w, r) =>
      (await w.staff(r)).referral.rejectMatch({ referralId, personId: crypto.randomUUID(), expectedVersion: version + 1000 }),
  },
  // Staff drafts (issue 5 item 6): the caller's own, saved first where one is needed.
  'staff:intake.draft.save': {
    action: 'intakeDraft.save',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).intake.draft.save({ idempotencyKey: crypto.randomUUID(), values: { reason: 'utkast' } }),
  },
  'staff:intake.draft.get': {
    action: 'intakeDraft.read',
    portal: 'staff',
    call: async (w, r) => {
      const caller = await w.staff(r);
      const { idempotencyKey } = await caller.intake.draft.save({ idempotencyKey: crypto.randomUUID(), values: { reason: 'utkast' } });
      return caller.intake.draft.get({ idempotencyKey });
    },
  },
  'staff:intake.draft.list': { action: 'intakeDraft.read', portal: 'staff', call: async (w, r) => (await w.staff(r)).intake.draft.list() },
  'staff:intake.draft.discard': {
    action: 'intakeDraft.discard',
    portal: 'staff',
    call: async (w, r) => {
      const caller = await w.staff(r);
      const { idempotencyKey } = await caller.intake.draft.save({ idempotencyKey: crypto.randomUUID(), values: { reason: 'utkast' } });
      return caller.intake.draft.discard({ idempotencyKey });
    },
  },
  // E-mail of notifications (issue 5 item 7): one's own choice, both portals.
  'staff:notification.emailPreference': {
    action: 'notification.settings',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).notification.emailPreference(),
  },
  'staff:notification.setEmailPreference': {
    action: 'notification.settings',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).notification.setEmailPreference({ preference: 'urgentOnly' }),
  },
  'partner:notification.emailPreference': {
    action: 'notification.settings',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).notification.emailPreference(),
  },
  'partner:notification.setEmailPreference': {
    action: 'notification.settings',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).notification.setEmailPreference({ preference: 'urgentOnly' }),
  },
  'staff:directory.list': { action: 'directory.read', portal: 'staff', call: async (w, r) => (await w.staff(r)).directory.list() },
  'staff:notification.list': { action: 'notification.list', portal: 'staff', call: async (w, r) => (await w.staff(r)).notification.list() },
  'staff:notification.unreadCount': {
    action: 'notification.list',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).notification.unreadCount(),
  },
  'staff:notification.markRead': {
    action: 'notification.markRead',
    portal: 'staff',
    call: async (w, r) => (await w.staff(r)).notification.markRead({}),
  },
  'partner:notification.list': { action: 'notification.list', portal: 'partner', call: async (w, r) => (await w.partner(r)).notification.list() },
  'partner:notification.unreadCount': {
    action: 'notification.list',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).notification.unreadCount(),
  },
  'partner:notification.markRead': {
    action: 'notification.markRead',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).notification.markRead({}),
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
  'staff:referral.revealIdentity': {
    action: 'identity.reveal',
    portal: 'staff',
    stepUp: true,
    call: async (w, r) => (await w.staff(r)).referral.revealIdentity({ id: referralId, reason: 'Behöver kontakta personen.' }),
  },
  'staff:logReview.list': { action: 'logReview.read', portal: 'staff', call: async (w, r) => (await w.staff(r)).logReview.list({}) },
  'staff:logReview.signOff': {
    action: 'logReview.signOff',
    portal: 'staff',
    // The first allowed caller signs the month off; a second would meet the one-per-unit-and-month rule.
    alsoOk: ['CONFLICT'],
    call: async (w, r) => (await w.staff(r)).logReview.signOff({ month: '2026-01' }),
  },
  'staff:account.sessions': { action: 'account', portal: 'staff', call: async (w, r) => (await w.staff(r)).account.sessions() },
  'staff:account.endSession': {
    action: 'account',
    portal: 'staff',
    // A handle of no session of the caller's: answered NOT_FOUND, whoever asks.
    alsoOk: ['NOT_FOUND'],
    call: async (w, r) => (await w.staff(r)).account.endSession({ handle: crypto.randomUUID() }),
  },
  'staff:account.endOtherSessions': { action: 'account', portal: 'staff', call: async (w, r) => (await w.staff(r)).account.endOtherSessions() },
  'partner:account.sessions': { action: 'account', portal: 'partner', call: async (w, r) => (await w.partner(r)).account.sessions() },
  'partner:account.endSession': {
    action: 'account',
    portal: 'partner',
    // A handle of no session of the caller's: answered NOT_FOUND, whoever asks.
    alsoOk: ['NOT_FOUND'],
    call: async (w, r) => (await w.partner(r)).account.endSession({ handle: crypto.randomUUID() }),
  },
  'partner:account.endOtherSessions': { action: 'account', portal: 'partner', call: async (w, r) => (await w.partner(r)).account.endOtherSessions() },
  'staff:account.passkeys': { action: 'account', portal: 'staff', call: async (w, r) => (await w.staff(r)).account.passkeys() },
  'staff:account.passkeyRegistrationOptions': {
    action: 'account',
    portal: 'staff',
    // The matrix's callers have no session row to bind a challenge to (passkeys.test.ts has one): UNAUTHORIZED.
    alsoOk: ['UNAUTHORIZED'],
    call: async (w, r) => (await w.staff(r)).account.passkeyRegistrationOptions(),
  },
  'staff:account.registerPasskey': {
    action: 'account',
    portal: 'staff',
    alsoOk: ['UNAUTHORIZED'],
    call: async (w, r) => (await w.staff(r)).account.registerPasskey({ label: 'Nyckel', response: passkeyShape }),
  },
  'staff:account.removePasskey': {
    action: 'account',
    portal: 'staff',
    // A passkey id of nobody's: NOT_FOUND, whoever asks (a user with a factor would first need a step-up).
    alsoOk: ['NOT_FOUND', 'PRECONDITION_FAILED'],
    call: async (w, r) => (await w.staff(r)).account.removePasskey({ id: crypto.randomUUID() }),
  },
  'partner:account.passkeys': { action: 'account', portal: 'partner', call: async (w, r) => (await w.partner(r)).account.passkeys() },
  'partner:account.passkeyRegistrationOptions': {
    action: 'account',
    portal: 'partner',
    // The matrix's callers have no session row to bind a challenge to (passkeys.test.ts has one): UNAUTHORIZED.
    alsoOk: ['UNAUTHORIZED'],
    call: async (w, r) => (await w.partner(r)).account.passkeyRegistrationOptions(),
  },
  'partner:account.registerPasskey': {
    action: 'account',
    portal: 'partner',
    alsoOk: ['UNAUTHORIZED'],
    call: async (w, r) => (await w.partner(r)).account.registerPasskey({ label: 'Nyckel', response: passkeyShape }),
  },
  'partner:account.removePasskey': {
    action: 'account',
    portal: 'partner',
    // A passkey id of nobody's: NOT_FOUND, whoever asks (a user with a factor would first need a step-up).
    alsoOk: ['NOT_FOUND', 'PRECONDITION_FAILED'],
    call: async (w, r) => (await w.partner(r)).account.removePasskey({ id: crypto.randomUUID() }),
  },
  'staff:retention.report': { action: 'retention.read', portal: 'staff', call: async (w, r) => (await w.staff(r)).retention.report() },
  'staff:retention.propose': { action: 'retention.approve', portal: 'staff', call: async (w, r) => (await w.staff(r)).retention.propose() },
  'staff:retention.approve': {
    action: 'retention.approve',
    portal: 'staff',
    // No such run: an allowed role gets past authorization and finds nothing.
    alsoOk: ['NOT_FOUND'],
    call: async (w, r) => (await w.staff(r)).retention.approve({ id: crypto.randomUUID() }),
  },
  'partner:submission.get': {
    action: 'submission.read',
    portal: 'partner',
    recordScoped: true,
    call: async (w, r) => (await w.partner(r)).submission.get({ id: referralId }),
  },
};

// Case procedures (issue 6). Writes name a stale version (or hit a business rule), so an allowed role gets past
// authorization and need-to-know and stops at CONFLICT, leaving the case as it was for the next role.
const staffCall = (call: (c: Awaited<ReturnType<World['staff']>>) => Promise<unknown>) => async (w: World, r: Role | null) => call(await w.staff(r));
const caseEntries: Record<string, Entry> = {
  'staff:case.list': { action: 'case.list', portal: 'staff', call: staffCall((c) => c.case.list({})) },
  'staff:case.search': { action: 'case.search', portal: 'staff', call: staffCall((c) => c.case.search({ q: 'Ärendesson' })) },
  'staff:case.get': { action: 'case.read', portal: 'staff', call: staffCall((c) => c.case.get({ caseId })) },
  'staff:case.eligibility': { action: 'case.read', portal: 'staff', call: staffCall((c) => c.case.eligibility({ caseId })) },
  'staff:case.decisions': { action: 'case.read', portal: 'staff', call: staffCall((c) => c.case.decisions({ caseId })) },
  'staff:case.journal': { action: 'case.read', portal: 'staff', call: staffCall((c) => c.case.journal({ caseId })) },
  'staff:case.timeline': { action: 'case.read', portal: 'staff', call: staffCall((c) => c.case.timeline({ caseId })) },
  'staff:case.assignmentOptions': { action: 'case.assign', portal: 'staff', call: staffCall((c) => c.case.assignmentOptions({ caseId })) },
  'staff:case.assign': { action: 'case.assign', portal: 'staff', call: staffCall((c) => c.case.assign({ caseId, expectedVersion: stale })) },
  'staff:case.updateDetails': {
    action: 'case.edit',
    portal: 'staff',
    call: staffCall((c) => c.case.updateDetails({ caseId, expectedVersion: stale, ageBandReason: 'Skäl' })),
  },
  'staff:case.changeProgramme': {
    action: 'case.changeProgramme',
    portal: 'staff',
    call: staffCall((c) => c.case.changeProgramme({ caseId, expectedVersion: stale, programme: 'adultExitProgramme', reason: 'Motiverad' })),
  },
  'staff:case.close': { action: 'case.close', portal: 'staff', call: staffCall((c) => c.case.close({ caseId, expectedVersion: stale, outcome: 'completed' })) },
  // The case is open: reopening is refused as a transition, after authorization.
  'staff:case.reopen': { action: 'case.reopen', portal: 'staff', call: staffCall((c) => c.case.reopen({ caseId, expectedVersion: stale, reason: 'Återfall' })) },
  'staff:eligibility.record': {
    action: 'eligibility.record',
    portal: 'staff',
    call: staffCall((c) => c.eligibility.record({ caseId, expectedVersion: stale, criteria: {} })),
  },
  // An investigation is open: starting another is refused (CONFLICT).
  'staff:decision.save': { action: 'decision.draft', portal: 'staff', call: staffCall((c) => c.decision.save({ caseId })) },
  'staff:decision.sign': { action: 'decision.sign', portal: 'staff', call: staffCall((c) => c.decision.sign({ decisionId, expectedVersion: stale })) },
  'staff:journal.write': { action: 'journal.write', portal: 'staff', call: staffCall((c) => c.journal.write({ caseId, body: 'Samtal i dag.' })) },
  'staff:journal.edit': {
    action: 'journal.write',
    portal: 'staff',
    call: staffCall((c) => c.journal.edit({ entryId: unsignedEntryId, expectedVersion: stale, body: 'Ändrad' })),
  },
  'staff:journal.sign': { action: 'journal.sign', portal: 'staff', call: staffCall((c) => c.journal.sign({ entryId: unsignedEntryId, expectedVersion: stale })) },
  'staff:journal.amend': { action: 'journal.write', portal: 'staff', call: staffCall((c) => c.journal.amend({ entryId: signedEntryId, body: 'Rättelse' })) },
  'staff:commitment.record': {
    action: 'commitment.record',
    portal: 'staff',
    call: staffCall((c) => c.commitment.record({ caseId, signedOn: '2026-01-10', conditions: 'Avstå från brott och droger.' })),
  },
  'staff:followUp.record': {
    action: 'followUp.record',
    portal: 'staff',
    call: staffCall((c) => c.followUp.record({ caseId, kind: 'drugTest', occurredOn: '2026-01-12', result: 'negative' })),
  },
  'staff:task.complete': {
    action: 'task.complete',
    portal: 'staff',
    // A fresh open task per caller, so an allowed role finds one to complete.
    call: async (w, r) => {
      const task = await createTask(w, caseId);
      return (await w.staff(r)).task.complete({ taskId: task.id });
    },
  },
};
Object.assign(matrix, caseEntries);

// Support work (issue 7). Writes meet a stale version, an unknown item or a refused business rule, so an allowed
// role gets past authorization and need-to-know and stops at CONFLICT, NOT_FOUND or BAD_REQUEST-free paths.
const supportEntries: Record<string, Entry> = {
  'staff:interventionCatalogue.get': { action: 'interventionCatalogue.read', portal: 'staff', call: staffCall((c) => c.interventionCatalogue.get()) },
  'staff:interventionCatalogue.addType': {
    action: 'interventionCatalogue.manage',
    portal: 'staff',
    call: staffCall((c) => c.interventionCatalogue.addType({ name: `Egen insats ${crypto.randomUUID()}`, costKind: 'perMonth', price: '1000' } as never)),
  },
  'staff:interventionCatalogue.addProvider': {
    action: 'interventionCatalogue.manage',
    portal: 'staff',
    call: staffCall((c) => c.interventionCatalogue.addProvider({ name: `HVB ${crypto.randomUUID()}`, withinFrameworkAgreement: 'on' } as never)),
  },
  'staff:intervention.list': { action: 'intervention.read', portal: 'staff', call: staffCall((c) => c.intervention.list({ caseId })) },
  'staff:intervention.add': {
    action: 'intervention.write',
    portal: 'staff',
    call: staffCall((c) => c.intervention.add(interventionInput({ caseId, decisionId: grantId, interventionTypeId: hvbTypeId }))),
  },
  'staff:intervention.update': {
    action: 'intervention.write',
    portal: 'staff',
    call: staffCall((c) =>
      c.intervention.update({ id: interventionId, expectedVersion: stale, startDate: '2026-01-01', costKind: 'perDay', price: '1' } as never),
    ),
  },
  'staff:budget.overview': { action: 'budget.read', portal: 'staff', call: staffCall((c) => c.budget.overview({ year: 2026 })) },
  'staff:budget.set': {
    action: 'budget.manage',
    portal: 'staff',
    call: staffCall((c) => c.budget.set({ programme: 'sig', year: 2026, amount: '1', expectedVersion: stale } as never)),
  },
  'staff:stateFunding.get': { action: 'stateFunding.read', portal: 'staff', call: staffCall((c) => c.stateFunding.get({ caseId })) },
  'staff:stateFunding.record': {
    action: 'stateFunding.record',
    portal: 'staff',
    call: staffCall((c) => c.stateFunding.record({ caseId, expectedVersion: stale } as never)),
  },
  'staff:stateFunding.costStatement': {
    action: 'costStatement.read',
    portal: 'staff',
    call: staffCall((c) => c.stateFunding.costStatement({ caseId, from: '2026-01-01', to: '2026-12-31' })),
  },
  'staff:stateFunding.exportCostStatement': {
    action: 'costStatement.export',
    portal: 'staff',
    stepUp: true,
    call: staffCall((c) => c.stateFunding.exportCostStatement({ caseId, from: '2026-01-01', to: '2026-12-31' })),
  },
  'staff:plan.get': { action: 'plan.read', portal: 'staff', call: staffCall((c) => c.plan.get({ caseId })) },
  'staff:plan.addGoal': { action: 'plan.write', portal: 'staff', call: staffCall((c) => c.plan.addGoal({ caseId, expectedVersion: stale, text: 'Mål' })) },
  'staff:plan.setGoalStatus': {
    action: 'plan.write',
    portal: 'staff',
    call: staffCall((c) => c.plan.setGoalStatus({ caseId, expectedVersion: stale, goalId: caseId, status: 'achieved' })),
  },
  'staff:plan.addAction': {
    action: 'plan.write',
    portal: 'staff',
    call: staffCall((c) => c.plan.addAction({ caseId, expectedVersion: stale, text: 'Åtgärd', actor: 'police' } as never)),
  },
  'staff:plan.setActionStatus': {
    action: 'plan.write',
    portal: 'staff',
    call: staffCall((c) => c.plan.setActionStatus({ caseId, expectedVersion: stale, actionId: caseId, status: 'done' })),
  },
  'staff:plan.setOwnWords': { action: 'plan.write', portal: 'staff', call: staffCall((c) => c.plan.setOwnWords({ caseId, expectedVersion: stale, text: 'Ord' } as never)) },
  'staff:networkMeeting.list': { action: 'networkMeeting.read', portal: 'staff', call: staffCall((c) => c.networkMeeting.list({ caseId })) },
  'staff:networkMeeting.plan': {
    action: 'networkMeeting.write',
    portal: 'staff',
    call: staffCall((c) => c.networkMeeting.plan({ caseId, scheduledAt: '2030-01-01 10:00', place: 'Rum 1' } as never)),
  },
  'staff:networkMeeting.invite': {
    action: 'networkMeeting.write',
    portal: 'staff',
    call: staffCall((c) => c.networkMeeting.invite({ meetingId, userIds: [world.tenant.users.caseWorker.id] })),
  },
  'staff:networkMeeting.addAgendaItem': {
    action: 'networkMeeting.write',
    portal: 'staff',
    call: staffCall((c) => c.networkMeeting.addAgendaItem({ meetingId, title: 'Punkt' } as never)),
  },
  'staff:networkMeeting.setAttendance': {
    action: 'networkMeeting.write',
    portal: 'staff',
    call: staffCall((c) => c.networkMeeting.setAttendance({ meetingId, userId: world.tenant.users.caseWorker.id, attendance: 'attended' })),
  },
  'staff:networkMeeting.setStatus': {
    action: 'networkMeeting.write',
    portal: 'staff',
    call: staffCall((c) => c.networkMeeting.setStatus({ meetingId, expectedVersion: stale, status: 'held' } as never)),
  },
  'staff:networkMeeting.recordDecision': {
    action: 'networkMeeting.write',
    portal: 'staff',
    call: staffCall((c) => c.networkMeeting.recordDecision({ meetingId, text: 'Beslut', actor: 'socialServices' } as never)),
  },
  'staff:networkMeeting.reminders': { action: 'networkMeeting.reminders', portal: 'staff', call: staffCall((c) => c.networkMeeting.reminders()) },
  // Transfer (issue 6 item 9). Stale versions: allowed roles pass authorization and stop at the conflict check. The
  // first allowed role's offer succeeds; the next ones meet the open offer (CONFLICT).
  'staff:transfer.forCase': { action: 'transfer.readForCase', portal: 'staff', call: staffCall((c) => c.transfer.forCase({ caseId })) },
  'staff:transfer.offer': {
    action: 'transfer.offer',
    portal: 'staff',
    call: staffCall((c) =>
      c.transfer.offer({ caseId, toMunicipalityId: world.otherTenant.municipality.id, consentSignedOn: '2026-01-10', summary: 'Flyttar.' }),
    ),
  },
  'staff:transfer.withdraw': {
    action: 'transfer.withdraw',
    portal: 'staff',
    call: staffCall((c) => c.transfer.withdraw({ transferId: outgoingTransferId, expectedVersion: stale })),
  },
  'staff:transfer.listIncoming': { action: 'transfer.listIncoming', portal: 'staff', call: staffCall((c) => c.transfer.listIncoming()) },
  'staff:transfer.get': { action: 'transfer.read', portal: 'staff', call: staffCall((c) => c.transfer.get({ transferId: incomingTransferId })) },
  'staff:transfer.accept': {
    action: 'transfer.accept',
    portal: 'staff',
    call: staffCall((c) => c.transfer.accept({ transferId: incomingTransferId, expectedVersion: stale })),
  },
  'staff:transfer.decline': {
    action: 'transfer.decline',
    portal: 'staff',
    call: staffCall((c) => c.transfer.decline({ transferId: incomingTransferId, expectedVersion: stale, reason: 'Nej' })),
  },
  'partner:meetingInvitation.list': {
    action: 'meetingInvitation.list',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).meetingInvitation.list(),
  },
};
Object.assign(matrix, supportEntries);

/** A consent of the matrix's case (made once, on first use) for the revocation row, revoked with a stale version. */
let matrixConsent: Promise<string> | null = null;
const consentOf = (w: World) => (matrixConsent ??= grantConsent(w, caseId, w.tenant.organisations.police.id).then((k) => k.id));
// Consent register and disclosure log (issue 6 item 4).
const consentEntries: Record<string, Entry> = {
  'staff:consent.list': { action: 'consent.read', portal: 'staff', call: staffCall((c) => c.consent.list({ caseId })) },
  'staff:consent.record': {
    action: 'consent.record',
    portal: 'staff',
    call: staffCall((c) =>
      c.consent.record({ caseId, organisationId: world.tenant.organisations.school.id, purposes: ['statusUpdates'], signedOn: '2026-01-02', startDate: '2026-01-02' } as never),
    ),
  },
  'staff:consent.revoke': {
    action: 'consent.revoke',
    portal: 'staff',
    call: async (w, r) => {
      const consentId = await consentOf(w);
      return (await w.staff(r)).consent.revoke({ consentId, expectedVersion: stale, revokedOn: '2026-01-03', revokedBy: 'person', reason: 'Vill inte längre' });
    },
  },
  'staff:disclosure.list': { action: 'disclosure.read', portal: 'staff', call: staffCall((c) => c.disclosure.list({ caseId })) },
  'staff:disclosure.record': {
    action: 'disclosure.record',
    portal: 'staff',
    call: staffCall((c) =>
      c.disclosure.record({ caseId, organisationId: world.tenant.organisations.school.id, category: 'caseStatus', legalBasis: 'necessity', disclosedOn: '2026-01-02' } as never),
    ),
  },
};
Object.assign(matrix, consentEntries);
// Police assessments (issue 6 item 3). The answer is given once (a fresh key each call): the first police call
// answers, later ones meet CONFLICT; withdrawing names a stale version (CONFLICT for allowed roles).
const assessmentEntries: Record<string, Entry> = {
  'staff:policeAssessment.list': { action: 'policeAssessment.read', portal: 'staff', call: staffCall((c) => c.policeAssessment.list({ caseId })) },
  'staff:policeAssessment.request': {
    action: 'policeAssessment.request',
    portal: 'staff',
    call: staffCall((c) => c.policeAssessment.request({ caseId, organisationId: world.tenant.organisations.police.id, question: 'Hotbild?', legalBasis: 'necessity' })),
  },
  'staff:policeAssessment.withdraw': {
    action: 'policeAssessment.withdraw',
    portal: 'staff',
    call: staffCall((c) => c.policeAssessment.withdraw({ requestId: assessmentRequestId, expectedVersion: stale })),
  },
  'partner:assessmentRequest.list': { action: 'assessmentRequest.read', portal: 'partner', call: async (w, r) => (await w.partner(r)).assessmentRequest.list() },
  'partner:assessmentRequest.get': {
    action: 'assessmentRequest.read',
    portal: 'partner',
    call: async (w, r) => (await w.partner(r)).assessmentRequest.get({ id: assessmentRequestId }),
  },
  'partner:assessmentRequest.answer': {
    action: 'assessmentRequest.answer',
    portal: 'partner',
    call: async (w, r) => {
      const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      return (await w.partner(r)).assessmentRequest.answer({
        requestId: assessmentRequestId,
        idempotencyKey: crypto.randomUUID(),
        protectionNeed: 'concrete',
        threatSummary: 'Hot från tidigare gruppering.',
        validUntil,
      });
    },
  },
};
Object.assign(matrix, assessmentEntries);

const procedurePaths = (portal: string, router: { _def: { procedures: object } }) =>
  Object.keys(router._def.procedures).map((p) => `${portal}:${p}`);

it('covers every procedure of both routers', () => {
  const all = [...procedurePaths('staff', staffRouter), ...procedurePaths('partner', partnerRouter)].sort();
  expect(Object.keys(matrix).sort()).toEqual(all);
});

it('marks every procedure of a step-up action as needing one (and the matrix proves each refuses without it)', () => {
  const marked = Object.values(matrix).filter((e) => e.stepUp).map((e) => e.action);
  const needing = Object.values(matrix).filter((e) => e.action !== 'account' && e.action !== 'public' && needsStepUp(e.action)).map((e) => e.action);
  expect(marked.sort()).toEqual(needing.sort());
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
    if (expected === 'ok' && entry.stepUp) expect(got).toBe('PRECONDITION_FAILED');
    else if (expected === 'ok') {
      expect(['ok', 'CONFLICT', ...(entry.alsoOk ?? []), ...(entry.recordScoped && role !== 'police' ? ['NOT_FOUND'] : [])]).toContain(got);
    } else expect(got).toBe(expected);
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

// The same matrix once more with the API's own checks switched off (a test-only switch, see context.ts): every
// role of another municipality calls every procedure with the handler given this municipality's user of the same
// role, so every filter in the API points at this municipality's rows. Row-level security, set from the real
// session, must still leak none of them and let none be written.
describe('with the API checks switched off, RLS alone', () => {
  let victimRows: string;
  let markers: string[];
  const victimState = async () => {
    const m = world.tenant.municipality.id;
    const [row] = await world.t.db.execute<{ digest: string }>(sql`select md5(concat_ws('|',
      (select string_agg(r::text, ',' order by r.id) from referral r where r.municipality_id = ${m}),
      (select string_agg(p::text, ',' order by p.id) from person p where p.municipality_id = ${m}),
      (select string_agg(c::text, ',' order by c.id) from "case" c where c.municipality_id = ${m}),
      (select string_agg(d::text, ',' order by d.id) from referral_draft d where d.municipality_id = ${m}),
      (select string_agg(l::text, ',' order by l.id) from log_review l where l.municipality_id = ${m}),
      (select string_agg(u::text, ',' order by u.id) from app_user u where u.municipality_id = ${m}),
      (select string_agg(x::text, ',' order by x.id) from retention_run x where x.municipality_id = ${m}),
      (select count(*)::text from audit_entry a where a.municipality_id = ${m})
    )) as digest`);
    return row!.digest;
  };
  const rlsWorld = (): World => {
    const forged = async (role: Role | null, portal: 'staff' | 'partner') => {
      if (role === null) throw new Error('no tenant to forge for an anonymous caller');
      const ctx = createContext({
        db: world.t.db,
        user: await sessionUser(world.t.db, world.otherTenant.users[role].id),
        apiChecksOff: await sessionUser(world.t.db, world.tenant.users[role].id),
        log: silentLog,
      });
      return portal === 'staff' ? createCallerFactory(staffRouter)(ctx) : createCallerFactory(partnerRouter)(ctx);
    };
    return {
      ...world,
      staff: (role) => forged(role as Role, 'staff') as never,
      partner: (role) => forged(role as Role, 'partner') as never,
    };
  };

  beforeAll(async () => {
    // Everything of this municipality an answer could carry: ids of rows and reference numbers, and e-mails.
    const m = world.tenant.municipality.id;
    const rows = await world.t.db.execute<{ v: string }>(sql`
      select id::text as v from referral where municipality_id = ${m} union all select reference from referral where municipality_id = ${m}
      union all select id::text from person where municipality_id = ${m} union all select id::text from app_user where municipality_id = ${m}
      union all select email from app_user where municipality_id = ${m} union all select id::text from referral_draft where municipality_id = ${m}
      union all select id::text from log_review where municipality_id = ${m}`);
    markers = rows.map((r) => r.v);
    expect(markers.length).toBeGreaterThan(10);
    victimRows = await victimState();
  });

  const signedInRoles = roles.filter((r) => r !== null);
  describe.each(Object.entries(matrix))('%s', (_path, entry) => {
    it.each(signedInRoles)('as another municipality’s %s', async (role) => {
      let answer: unknown;
      const got = await codeOf(async () => (answer = await entry.call(rlsWorld(), role)));
      expect(got).not.toBe('INTERNAL_SERVER_ERROR');
      const text = JSON.stringify(answer ?? null);
      for (const marker of markers) expect(text).not.toContain(marker);
    });
  });

  // A control, so the run above cannot pass by testing nothing: with RLS lifted from the tables it reads, the same
  // forged call does read this municipality's referral.
  it('control: the forged call reads the referral once RLS is lifted', async () => {
    await world.t.db.execute(sql`alter table referral disable row level security; alter table person disable row level security; alter table app_user disable row level security`);
    try {
      const answer = await matrix['staff:referral.get']!.call(rlsWorld(), 'intake');
      expect(JSON.stringify(answer)).toContain(referralId);
    } finally {
      await world.t.db.execute(sql`alter table referral enable row level security; alter table person enable row level security; alter table app_user enable row level security`);
    }
  });

  it('left every row of this municipality as it was', async () => {
    expect(await victimState()).toBe(victimRows);
  });
});
