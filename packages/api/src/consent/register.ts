// The consent register and the disclosure log of a case (issue 6 item 4; DOMAIN.md §9.3, §10). Consent drives
// partner access (support/consent.ts asks the register through `case_consent_covers`); revoking cuts it at once.
// Every disclosure to a partner is logged with its legal basis. All of it through withCase: role, municipality,
// need-to-know, audited, under row-level security.
import {
  findConsent,
  findOrganisations,
  insertConsent,
  listConsents,
  listDisclosures,
  listInvolvedOrganisations,
  listPartnerOrganisations,
  recordDisclosure,
  revokeConsent,
  type CaseRow,
  type Tx,
} from '@utvag/db';
import {
  ageAt,
  birthDateFromDigits,
  calendarDateInSweden,
  consentCoversOrganisation,
  consentState,
  guardianSignatureProblem,
  isChild,
  legalBasisProblem,
  missingConsentAuthorities,
  type ConsentInput,
  type ConsentRevokeInput,
  type DisclosureInput,
} from '@utvag/domain';
import { withCase, type StaffContext } from '../cases/access.ts';
import { AppError, notFound } from '../errors.ts';
import { isAllowed } from '../permissions.ts';

const fieldError = (field: string, key: string) => new AppError('BAD_REQUEST', key, { [field]: { key } });

/** The person's birth date: stated, else read from the identity number; null when neither is known. */
export function birthDateOf(c: CaseRow): string | null {
  if (c.person.birthDate) return c.person.birthDate;
  return c.person.identityNumber ? birthDateFromDigits(c.person.identityNumber) : null;
}

async function consentRows(tx: Tx, c: CaseRow) {
  const rows = await listConsents(tx, { caseId: c.case.id, municipalityId: c.case.municipalityId });
  return rows.map((r) => ({ ...r.consent, organisationName: r.organisationName, organisationType: r.organisationType, recordedByName: r.recordedByName, revokedByName: r.revokedByName }));
}

/** A receiver named in input must be a partner organisation of the case's municipality. */
async function checkedOrganisation(tx: Tx, c: CaseRow, organisationId: string) {
  const [o] = await findOrganisations(tx, { municipalityId: c.case.municipalityId, ids: [organisationId] });
  if (!o) throw fieldError('organisationId', 'consent.error.unknownOrganisation');
  return o;
}

export async function listCaseConsents(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'consent.read', input.caseId, async (tx, c) => {
    const today = calendarDateInSweden(new Date());
    const of = { caseId: c.case.id, municipalityId: c.case.municipalityId };
    const [consents, involved, organisations] = await Promise.all([consentRows(tx, c), listInvolvedOrganisations(tx, of), listPartnerOrganisations(tx, of)]);
    const birthDate = birthDateOf(c);
    return {
      caseId: c.case.id,
      programme: c.case.programme,
      consents: consents.map((k) => ({
        id: k.id,
        version: k.version,
        organisationId: k.organisationId,
        organisationName: k.organisationName,
        purposes: k.purposes,
        signedOn: k.signedOn,
        guardian1SignedOn: k.guardian1SignedOn,
        guardian2SignedOn: k.guardian2SignedOn,
        startDate: k.startDate,
        endDate: k.endDate,
        state: consentState(k, today),
        recordedByName: k.recordedByName,
        recordedAt: k.recordedAt.toISOString(),
        revokedOn: k.revokedOn,
        revokedBy: k.revokedBy,
        revocationReason: k.revocationReason,
        revokedByName: k.revokedByName,
      })),
      /** The involved organisations no active consent covers (the exit programme's rule; empty elsewhere). */
      missing: missingConsentAuthorities(c.case.programme, involved, consents, today).map((o) => ({ id: o.id, name: o.name })),
      organisations,
      /** Whether the person is a minor today (the form then asks for the guardians' signatures); a yes or no only,
       * never the birth date. Null when the birth date is unknown. */
      minorToday: birthDate === null ? null : isChild(ageAt(birthDate, today)),
      can: {
        record: isAllowed(ctx.user.role, 'consent.record') && c.case.status === 'open',
        revoke: isAllowed(ctx.user.role, 'consent.revoke'),
      },
    };
  });
}

export async function recordConsent(ctx: StaffContext, input: ConsentInput) {
  return withCase(
    ctx,
    'consent.record',
    input.caseId,
    async (tx, c) => {
      await checkedOrganisation(tx, c, input.organisationId);
      const guardians = { signedOn: input.signedOn, guardian1SignedOn: input.guardian1SignedOn ?? null, guardian2SignedOn: input.guardian2SignedOn ?? null };
      const problem = guardianSignatureProblem(guardians, birthDateOf(c));
      if (problem) throw fieldError('guardian1SignedOn', problem);
      const row = await insertConsent(tx, {
        municipalityId: c.case.municipalityId,
        caseId: c.case.id,
        organisationId: input.organisationId,
        purposes: input.purposes,
        ...guardians,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        recordedByUserId: ctx.user.id,
      });
      return row;
    },
    { write: true, requireActive: true },
  );
}

/** The consent's case, looked up inside the transaction for withCase. */
const consentCase = (ctx: StaffContext, consentId: string) => async (tx: Tx) =>
  (await findConsent(tx, { id: consentId, municipalityId: ctx.user.municipalityId }))?.consent.caseId;

export async function revokeCaseConsent(ctx: StaffContext, input: ConsentRevokeInput) {
  return withCase(
    ctx,
    'consent.revoke',
    consentCase(ctx, input.consentId),
    async (tx, c) => {
      const current = await findConsent(tx, { id: input.consentId, municipalityId: c.case.municipalityId });
      if (!current) throw notFound();
      if (input.revokedOn < current.consent.signedOn) throw fieldError('revokedOn', 'consent.error.revokedBeforeSigned');
      const row = await revokeConsent(tx, { id: input.consentId, municipalityId: c.case.municipalityId, ...input, userId: ctx.user.id });
      if (!row) {
        // Stale or already revoked: say who changed it, never overwrite.
        throw new AppError('CONFLICT', 'consent.error.conflict', undefined, {
          by: current.revokedByName ?? '–',
          changes: current.consent.revokedOn ? ['consent.field.revocation'] : ['consent.field.consent'],
        });
      }
      return row;
    },
    { write: true },
  );
}

export async function listCaseDisclosures(ctx: StaffContext, input: { caseId: string }) {
  return withCase(ctx, 'disclosure.read', input.caseId, async (tx, c) => {
    const of = { caseId: c.case.id, municipalityId: c.case.municipalityId };
    const [rows, organisations] = await Promise.all([listDisclosures(tx, of), listPartnerOrganisations(tx, of)]);
    return {
      caseId: c.case.id,
      items: rows.map((r) => ({
        id: r.disclosure.id,
        organisationId: r.disclosure.organisationId,
        organisationName: r.organisationName,
        category: r.disclosure.category,
        legalBasis: r.disclosure.legalBasis,
        disclosedOn: r.disclosure.disclosedOn,
        note: r.disclosure.note,
        disclosedByName: r.disclosedByName,
        recordedAt: r.disclosure.recordedAt.toISOString(),
      })),
      organisations,
      can: { record: isAllowed(ctx.user.role, 'disclosure.record') },
    };
  });
}

export async function recordCaseDisclosure(ctx: StaffContext, input: DisclosureInput) {
  return withCase(
    ctx,
    'disclosure.record',
    input.caseId,
    async (tx, c) => {
      await checkedOrganisation(tx, c, input.organisationId);
      const problem = legalBasisProblem(input.legalBasis, birthDateOf(c), input.disclosedOn);
      if (problem) throw fieldError('legalBasis', problem);
      if (input.legalBasis === 'consent') {
        const consents = await consentRows(tx, c);
        if (!consentCoversOrganisation(consents, input.organisationId, input.disclosedOn)) throw fieldError('legalBasis', 'consent.error.noConsent');
      }
      const id = await recordDisclosure(tx, {
        municipalityId: c.case.municipalityId,
        caseId: c.case.id,
        organisationId: input.organisationId,
        category: input.category,
        legalBasis: input.legalBasis,
        disclosedOn: input.disclosedOn,
        note: input.note ?? null,
        disclosedByUserId: ctx.user.id,
      });
      return { id };
    },
    { write: true },
  );
}
