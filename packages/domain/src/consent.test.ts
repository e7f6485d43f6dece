import { describe, expect, it } from 'vitest';
import {
  consentCoversOrganisation,
  consentInputSchema,
  consentRevokeInputSchema,
  consentState,
  guardianSignatureProblem,
  missingConsentAuthorities,
} from './consent.ts';
import { disclosureInputSchema, legalBasisProblem, legalBases } from './disclosure.ts';

const caseId = '00000000-0000-4000-8000-000000000001';
const organisationId = '00000000-0000-4000-8000-000000000002';
const base = { startDate: '2026-01-01', endDate: '2026-06-30', revokedOn: null };

describe('consentState', () => {
  it('is pending before the start, active from start to end day, ended after', () => {
    expect(consentState(base, '2025-12-31')).toBe('pending');
    expect(consentState(base, '2026-01-01')).toBe('active');
    expect(consentState(base, '2026-06-30')).toBe('active');
    expect(consentState(base, '2026-07-01')).toBe('ended');
    expect(consentState({ ...base, endDate: null }, '2099-01-01')).toBe('active');
  });
  it('is revoked from the revocation day, whatever the dates', () => {
    expect(consentState({ ...base, revokedOn: '2026-03-01' }, '2026-03-01')).toBe('revoked');
    expect(consentState({ ...base, revokedOn: '2026-03-01' }, '2026-02-28')).toBe('active');
  });
});

describe('consentCoversOrganisation', () => {
  const consents = [{ ...base, organisationId, purposes: ['statusUpdates' as const] }];
  it('needs an active consent of that organisation, for the purpose when named', () => {
    expect(consentCoversOrganisation(consents, organisationId, '2026-02-01')).toBe(true);
    expect(consentCoversOrganisation(consents, organisationId, '2026-02-01', 'statusUpdates')).toBe(true);
    expect(consentCoversOrganisation(consents, organisationId, '2026-02-01', 'networkMeeting')).toBe(false);
    expect(consentCoversOrganisation(consents, caseId, '2026-02-01')).toBe(false);
    expect(consentCoversOrganisation(consents, organisationId, '2026-08-01')).toBe(false);
  });
});

describe('guardianSignatureProblem', () => {
  const signed = { signedOn: '2026-03-01', guardian1SignedOn: null, guardian2SignedOn: null };
  it('refuses a minor without a guardian signature, by age on the day signed', () => {
    expect(guardianSignatureProblem(signed, '2010-05-01')).toBe('consent.error.guardianSignatureRequired');
    expect(guardianSignatureProblem({ ...signed, guardian1SignedOn: '2026-03-02' }, '2010-05-01')).toBeNull();
    expect(guardianSignatureProblem({ ...signed, guardian2SignedOn: '2026-03-02' }, '2010-05-01')).toBeNull();
    // 18 on the day before: an adult.
    expect(guardianSignatureProblem(signed, '2008-02-28')).toBeNull();
    // 18 the day after: still a minor.
    expect(guardianSignatureProblem(signed, '2008-03-02')).toBe('consent.error.guardianSignatureRequired');
  });
  it('asks for a guardian when the birth date is unknown', () => {
    expect(guardianSignatureProblem(signed, null)).toBe('consent.error.guardianSignatureRequired');
  });
});

describe('missingConsentAuthorities', () => {
  const police = { id: organisationId, name: 'Polisen LPO', type: 'police' };
  const school = { id: caseId, name: 'Skolan', type: 'school' };
  const consents = [{ ...base, organisationId, purposes: ['networkMeeting' as const] }];
  it('names every involved organisation no active consent covers, in the exit programmes', () => {
    expect(missingConsentAuthorities('adultExitProgramme', [police, school, school], consents, '2026-02-01')).toEqual([school]);
    expect(missingConsentAuthorities('youthExitProgramme', [police], consents, '2026-08-01')).toEqual([police]);
    expect(missingConsentAuthorities('youthExitProgramme', [police], [], '2026-02-01')).toEqual([police]);
  });
  it('has no such rule for other programmes', () => {
    expect(missingConsentAuthorities('sig', [police, school], [], '2026-02-01')).toEqual([]);
    expect(missingConsentAuthorities('ordinarySupport', [school], [], '2026-02-01')).toEqual([]);
  });
});

describe('consentInputSchema', () => {
  const ok = { caseId, organisationId, purposes: ['networkMeeting'], signedOn: '2026-01-02', startDate: '2026-01-02', endDate: '2026-12-31' };
  it('accepts a consent and reads purposes from a form', () => {
    expect(consentInputSchema.parse(ok).purposes).toEqual(['networkMeeting']);
    const form = consentInputSchema.parse({ ...ok, purposes: { networkMeeting: 'on', statusUpdates: 'on' }, endDate: '' });
    expect(form.purposes).toEqual(['networkMeeting', 'statusUpdates']);
    expect(form.endDate).toBeUndefined();
  });
  it('refuses an end before the start at the end date', () => {
    const r = consentInputSchema.safeParse({ ...ok, endDate: '2026-01-01' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['endDate', 'validation.endBeforeStart']]);
  });
  it('refuses no purpose, an unknown purpose and a signature in the future', () => {
    expect(consentInputSchema.safeParse({ ...ok, purposes: [] }).error?.issues[0]?.path).toEqual(['purposes']);
    expect(consentInputSchema.safeParse({ ...ok, purposes: ['gossip'] }).success).toBe(false);
    expect(consentInputSchema.safeParse({ ...ok, signedOn: '2999-01-01' }).error?.issues[0]?.message).toBe('validation.dateInFuture');
  });
  it('refuses a second guardian without a first', () => {
    expect(consentInputSchema.safeParse({ ...ok, guardian2SignedOn: '2026-01-02' }).error?.issues[0]?.path).toEqual(['guardian1SignedOn']);
  });
  it('revocation needs a reason and who revoked', () => {
    const r = consentRevokeInputSchema.safeParse({ consentId: caseId, expectedVersion: 1, revokedOn: '2026-01-02', revokedBy: 'neighbour', reason: ' ' });
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(['reason', 'revokedBy']);
  });
});

describe('disclosure legal basis', () => {
  it('is exactly consent, the under-21 exception and necessity', () => {
    expect(legalBases).toEqual(['consent', 'crimePreventionUnder21', 'necessity']);
  });
  it('allows the under-21 exception only while the person is under 21', () => {
    expect(legalBasisProblem('crimePreventionUnder21', '2006-03-02', '2026-03-01')).toBeNull();
    expect(legalBasisProblem('crimePreventionUnder21', '2005-03-01', '2026-03-01')).toBe('consent.error.notUnder21');
    expect(legalBasisProblem('crimePreventionUnder21', null, '2026-03-01')).toBe('consent.error.notUnder21');
    expect(legalBasisProblem('necessity', '1980-01-01', '2026-03-01')).toBeNull();
    expect(legalBasisProblem('consent', null, '2026-03-01')).toBeNull();
  });
  it('validates a manual record', () => {
    const r = disclosureInputSchema.safeParse({ caseId, organisationId, category: 'phoneCall', legalBasis: 'hunch', disclosedOn: 'x' });
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(['category', 'disclosedOn', 'legalBasis']);
  });
});
