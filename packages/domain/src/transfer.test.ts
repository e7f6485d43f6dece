import { describe, expect, it } from 'vitest';
import {
  canChangeTransferStatus,
  transferDeclineInputSchema,
  transferOfferInputSchema,
  transferStatuses,
  transferSummary,
  transferTargetErrors,
} from './transfer.ts';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('transfer status machine', () => {
  it('an offer can be accepted, declined or withdrawn', () => {
    for (const to of ['accepted', 'declined', 'withdrawn'] as const) expect(canChangeTransferStatus('offered', to)).toBe(true);
    expect(canChangeTransferStatus('offered', 'offered')).toBe(false);
  });
  it('an answer is final', () => {
    for (const from of ['accepted', 'declined', 'withdrawn'] as const) {
      for (const to of transferStatuses) expect(canChangeTransferStatus(from, to)).toBe(false);
    }
  });
});

describe('transfer target', () => {
  it('refuses the own municipality, naming the field', () => {
    expect(transferTargetErrors(id(1), id(1))).toEqual({ toMunicipalityId: { key: 'validation.sameMunicipality' } });
  });
  it('accepts another municipality', () => {
    expect(transferTargetErrors(id(1), id(2))).toEqual({});
  });
});

describe('transfer summary', () => {
  const base = {
    programme: 'adultExitProgramme' as const,
    ageAtStart: 23,
    protectedIdentity: true,
    decisions: [
      { outcome: 'granted' as const, signed: true },
      { outcome: 'denied' as const, signed: false },
      { outcome: null, signed: true },
    ],
    activeInterventionTypes: ['Stödboende', 'Samtalsstöd', 'Stödboende'],
    text: 'Behöver boende direkt.',
  };
  it('holds only what the consent allows: band, flag, signed outcomes, types, the text', () => {
    const s = transferSummary(base);
    expect(s).toEqual({
      programme: 'adultExitProgramme',
      ageBand: '21-25',
      protectedIdentity: true,
      decisionOutcomes: ['granted'],
      interventionTypes: ['Samtalsstöd', 'Stödboende'],
      text: 'Behöver boende direkt.',
    });
    expect(Object.keys(s)).not.toContain('age');
  });
  it('an unknown age gives no band', () => {
    expect(transferSummary({ ...base, ageAtStart: null }).ageBand).toBeNull();
  });
});

describe('transfer schemas', () => {
  const offer = { caseId: id(1), toMunicipalityId: id(2), consentSignedOn: '2026-01-10', summary: 'Flyttar till Grannby.' };
  it('accepts a complete offer', () => {
    expect(transferOfferInputSchema.safeParse(offer).success).toBe(true);
  });
  it('requires the consent date and refuses one in the future', () => {
    const missing = transferOfferInputSchema.safeParse({ ...offer, consentSignedOn: undefined });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(['consentSignedOn']);
    const future = transferOfferInputSchema.safeParse({ ...offer, consentSignedOn: '2999-01-01' });
    expect(future.error?.issues[0]?.message).toBe('validation.dateInFuture');
  });
  it('requires a summary and a reason to decline', () => {
    expect(transferOfferInputSchema.safeParse({ ...offer, summary: '  ' }).error?.issues[0]?.message).toBe('validation.required');
    const d = transferDeclineInputSchema.safeParse({ transferId: id(3), expectedVersion: 1, reason: '' });
    expect(d.error?.issues[0]?.path).toEqual(['reason']);
  });
});
