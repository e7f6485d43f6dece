// Valid inputs of the intake forms beside the police referral (harness.ts); override any part.
import { fictionalIdentityNumber } from '@utvag/domain';

const contact = (name: string) => ({ name, phone: '010-123 45 67', email: 'kontakt@test.utvag.invalid' });

export function probationInput(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: crypto.randomUUID(),
    person: { firstName: 'Milo', lastName: 'Exempelsson', identityNumber: fictionalIdentityNumber('1996-11-02', 3) },
    releaseDate: '2026-09-01',
    supervisionEndDate: '2027-03-01',
    statedMotivation: 'Säger att han vill bort från nätverket innan frigivningen.',
    reason: 'Villkorlig frigivning närmar sig; behöver boende och sysselsättning.',
    consentToContact: true,
    urgency: 'normal',
    contact: contact('Fia Frivårdare'),
    ...overrides,
  };
}

export function concernReportInput(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: crypto.randomUUID(),
    child: { firstName: 'Tyra', lastName: 'Testberg', birthDate: '2012-04-10' },
    schoolName: 'Exempelskolan',
    schoolClass: '8B',
    guardian1: { name: 'Vera Testberg', phone: '070-111 22 33' },
    guardian2: { name: '', phone: '' },
    observation: 'Har setts med äldre personer från ett kriminellt nätverk och har hög frånvaro.',
    guardiansInformed: 'yes' as const,
    suspectedViolenceAtHome: false,
    threatOrProtectionNeed: false,
    urgency: 'normal',
    contact: contact('Siv Skolkurator'),
    ...overrides,
  };
}

export function staffIntakeInput(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: crypto.randomUUID(),
    person: { firstName: 'Leon', lastName: 'Låtsasson', identityNumber: fictionalIdentityNumber('2001-03-14', 5) },
    applicant: 'self' as const,
    channel: 'phone' as const,
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    reason: 'Ringde själv och vill ha hjälp att lämna.',
    threatOrProtectionNeed: false,
    personWantsOut: true,
    consentToContact: true,
    urgency: 'normal',
    contact: { name: 'Leon Låtsasson', phone: '070-999 88 77' },
    ...overrides,
  };
}
