import { describe, expect, it } from 'vitest';
import { caseListQuerySchema, caseSearchInputSchema } from './case-schemas.ts';
import { nameFoldFrom, nameFoldTo, nameKey, parseCaseSearch, prefixUpperBound } from './case-search.ts';
import { fictionalIdentityNumber } from './identity.ts';
import { fieldErrors } from './validation-keys.ts';

describe('reading a search term', () => {
  it('reads a valid identity number in any accepted form as its 12 stored digits', () => {
    const digits = fictionalIdentityNumber('1990-01-01', 3);
    for (const term of [digits, `${digits.slice(0, 8)}-${digits.slice(8)}`, `${digits.slice(2, 8)}-${digits.slice(8)}`, ` ${digits.slice(0, 8)} ${digits.slice(8)} `]) {
      expect(parseCaseSearch(term)).toEqual({ ok: true, value: { kind: 'identityNumber', digits } });
    }
  });

  it('refuses a number that is not a valid identity number instead of searching names with it', () => {
    const digits = fictionalIdentityNumber('1990-01-01', 3);
    const wrongCheck = digits.slice(0, 11) + String((Number(digits[11]) + 1) % 10);
    expect(parseCaseSearch(wrongCheck)).toEqual({ ok: false, error: 'validation.identityNumber.checkDigit' });
    expect(parseCaseSearch('1234')).toEqual({ ok: false, error: 'validation.identityNumber.format' });
  });

  it('reads a referral reference, in any letter case', () => {
    expect(parseCaseSearch('utv-2026-000123')).toEqual({ ok: true, value: { kind: 'reference', reference: 'UTV-2026-000123' } });
  });

  it('reads one word as the start of the first or the last name, folded', () => {
    expect(parseCaseSearch('Åsa')).toEqual({ ok: true, value: { kind: 'name', either: { from: 'asa', to: 'asb' } } });
  });

  it('reads two or more words as the start of the first name and of the last name', () => {
    expect(parseCaseSearch('Élin  von Öberg')).toEqual({
      ok: true,
      value: { kind: 'name', first: { from: 'elin', to: 'elio' }, last: { from: 'oberg', to: 'oberh' } },
    });
  });
});

describe('name folding', () => {
  it('maps every listed letter to one letter, upper and lower case alike', () => {
    expect([...nameFoldFrom]).toHaveLength([...nameFoldTo].length);
    expect(nameKey('ÅÄÖ åäö Éé Ü')).toBe('aao aao ee u');
    expect(nameKey('Ærø')).toBe('ærø'.replace('ø', 'o'));
  });

  it('bounds a prefix from above by its next string in code-point order', () => {
    expect(prefixUpperBound('al')).toBe('am');
    expect(prefixUpperBound('z')).toBe('{');
    expect(prefixUpperBound('a\u{10FFFF}')).toBe('b');
    expect(prefixUpperBound('\u{10FFFF}')).toBeNull();
    expect(prefixUpperBound('a\uD7FF')).toBe('a\uE000');
    expect('alva' >= 'al' && 'alva' < prefixUpperBound('al')!).toBe(true);
    expect('am' < prefixUpperBound('al')!).toBe(false);
  });
});

describe('caseSearchInputSchema', () => {
  it('keeps the list filters and parses the term', () => {
    const parsed = caseSearchInputSchema.parse({ q: 'Alva', status: 'open', scope: '' });
    expect(parsed).toMatchObject({ scope: 'all', status: 'open', limit: 100, q: { kind: 'name' } });
  });

  it('names the field q for a missing, short, long or invalid term', () => {
    const errorsOf = (input: unknown) => {
      const result = caseSearchInputSchema.safeParse(input);
      expect(result.success).toBe(false);
      return fieldErrors(result.error!);
    };
    expect(errorsOf({})).toMatchObject({ q: { key: 'validation.required' } });
    expect(errorsOf({ q: '   ' })).toMatchObject({ q: { key: 'validation.required' } });
    expect(errorsOf({ q: 'A' })).toMatchObject({ q: { key: 'validation.tooShort' } });
    expect(errorsOf({ q: 'A'.repeat(101) })).toMatchObject({ q: { key: 'validation.tooLong' } });
    expect(errorsOf({ q: 'Al\u0007va' })).toMatchObject({ q: { key: 'validation.controlCharacters' } });
    expect(errorsOf({ q: 'Al\uD800va' })).toMatchObject({ q: { key: 'validation.invalid' } });
    expect(errorsOf({ q: '19900101-0000' })).toMatchObject({ q: { key: 'validation.identityNumber.checkDigit' } });
  });

  it('takes an optional cursor on the list, bounded', () => {
    expect(caseListQuerySchema.parse({ cursor: '' }).cursor).toBeUndefined();
    expect(caseListQuerySchema.parse({ cursor: 'abc' }).cursor).toBe('abc');
    expect(caseListQuerySchema.safeParse({ cursor: 'x'.repeat(201) }).success).toBe(false);
  });
});
