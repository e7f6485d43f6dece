import { describe, expect, it } from 'vitest';
import {
  ageAt,
  birthDateFromDigits,
  fictionalIdentityNumber,
  formatIdentityNumber,
  isFictionalSeries,
  luhnCheckDigit,
  maskIdentityNumber,
  parseIdentityNumber,
} from './identity.ts';

const today = new Date('2026-06-15T10:00:00Z');

describe('luhnCheckDigit', () => {
  it('computes the Skatteverket example 811218-9876', () => {
    expect(luhnCheckDigit('811218987')).toBe(6);
  });
  it('gives 0 when the sum is a multiple of ten', () => {
    // 000000000 sums to 0
    expect(luhnCheckDigit('000000000')).toBe(0);
  });
  it('rejects anything but nine digits', () => {
    expect(() => luhnCheckDigit('12345678')).toThrow(RangeError);
    expect(() => luhnCheckDigit('12345678a')).toThrow(RangeError);
  });
});

describe('parseIdentityNumber', () => {
  it('accepts the 10-digit form with a dash', () => {
    expect(parseIdentityNumber('811218-9876', today)).toEqual({
      ok: true,
      value: { digits: '198112189876', kind: 'personal', birthDate: '1981-12-18' },
    });
  });
  it('accepts 12 digits, with or without dash, trimming whitespace', () => {
    for (const input of ['198112189876', '19811218-9876', '  8112189876 ']) {
      expect(parseIdentityNumber(input, today)).toMatchObject({ ok: true, value: { digits: '198112189876' } });
    }
  });
  it("'+' moves a 10-digit number back a century", () => {
    expect(parseIdentityNumber('811218+9876', today)).toMatchObject({ ok: true, value: { digits: '188112189876' } });
  });
  it('recognises a coordination number (day + 60)', () => {
    const digits = fictionalIdentityNumber('1990-03-05', 3, 'coordination');
    expect(digits.slice(6, 8)).toBe('65');
    expect(parseIdentityNumber(digits, today)).toEqual({
      ok: true,
      value: { digits, kind: 'coordination', birthDate: '1990-03-05' },
    });
  });
  it('rejects bad formats', () => {
    for (const input of ['', '81121-89876', '8112189876x', '811218 9876', '19811218+9876', '1981121898761', 'abc']) {
      expect(parseIdentityNumber(input, today)).toEqual({ ok: false, reason: 'format' });
    }
  });
  it('rejects a wrong check digit', () => {
    expect(parseIdentityNumber('811218-9875', today)).toEqual({ ok: false, reason: 'checkDigit' });
  });
  it('rejects impossible and future dates', () => {
    const withCheck = (yymmddnnn: string) => yymmddnnn + String(luhnCheckDigit(yymmddnnn));
    expect(parseIdentityNumber(withCheck('810230987'), today)).toEqual({ ok: false, reason: 'date' });
    expect(parseIdentityNumber(withCheck('811318987'), today)).toEqual({ ok: false, reason: 'date' });
    expect(parseIdentityNumber(withCheck('810292987'), today)).toEqual({ ok: false, reason: 'date' }); // 92-60=32
    expect(parseIdentityNumber('20' + withCheck('261224987'), today)).toEqual({ ok: false, reason: 'date' });
  });
  it('puts a 10-digit number born later this year last century (it cannot be in the future)', () => {
    const tenDigits = fictionalIdentityNumber('1926-12-24', 0).slice(2);
    expect(parseIdentityNumber(tenDigits, today)).toEqual({ ok: false, reason: 'date' });
    expect(parseIdentityNumber(tenDigits.slice(0, 6) + '+' + tenDigits.slice(6), today)).toMatchObject({
      ok: true,
      value: { birthDate: '1926-12-24' },
    });
  });
  it('accepts 29 February in a leap year only', () => {
    expect(parseIdentityNumber(fictionalIdentityNumber('2004-02-29', 1), today).ok).toBe(true);
    const nine = '050229981';
    expect(parseIdentityNumber('20' + nine + luhnCheckDigit(nine), today)).toEqual({ ok: false, reason: 'date' });
  });
  it('defaults today to now', () => {
    expect(parseIdentityNumber('19811218-9876').ok).toBe(true);
  });
});

describe('formatting', () => {
  it('formats and masks 12 digits', () => {
    expect(formatIdentityNumber('198112189876')).toBe('19811218-9876');
    expect(maskIdentityNumber('198112189876')).toBe('19811218-XXXX');
  });
  it('throws on anything but 12 digits', () => {
    expect(() => formatIdentityNumber('8112189876')).toThrow(RangeError);
    expect(() => maskIdentityNumber('19811218-9876')).toThrow(RangeError);
  });
  it('reads the real birth date, also from a coordination number', () => {
    expect(birthDateFromDigits('198112189876')).toBe('1981-12-18');
    expect(birthDateFromDigits(fictionalIdentityNumber('1990-03-05', 0, 'coordination'))).toBe('1990-03-05');
  });
});

describe('ageAt', () => {
  it('counts whole years', () => {
    expect(ageAt('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageAt('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageAt('2010-06-15', today)).toBe(16);
  });
  it('a 29 February birthday turns older on 1 March in non-leap years', () => {
    expect(ageAt('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageAt('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageAt('2008-02-29', '2028-02-29')).toBe(20);
  });
  it('reads a Date as the Swedish calendar day', () => {
    // 23:30 UTC on 14 June is 01:30 on 15 June in Stockholm (summer time).
    expect(ageAt('2010-06-15', new Date('2026-06-14T23:30:00Z'))).toBe(16);
  });
  it('throws on a non-date', () => {
    expect(() => ageAt('2010-02-30', today)).toThrow(RangeError);
    expect(() => ageAt('2010-02-01', 'soon')).toThrow(RangeError);
  });
});

describe('fictional series', () => {
  it('uses birth numbers 980–999 with a valid check digit', () => {
    expect(fictionalIdentityNumber('1990-01-01', 0)).toBe('19900101980' + luhnCheckDigit('900101980'));
    expect(fictionalIdentityNumber('1990-01-01', 19).slice(8, 11)).toBe('999');
    expect(isFictionalSeries(fictionalIdentityNumber('1990-01-01', 7))).toBe(true);
  });
  it('does not flag other numbers', () => {
    // Skatteverket's own example 811218-9876 has birth number 987, so it IS in the series (and fictional).
    expect(isFictionalSeries('198112189876')).toBe(true);
    expect(isFictionalSeries('19900101123' + luhnCheckDigit('900101123'))).toBe(false);
    expect(isFictionalSeries('19900101979' + luhnCheckDigit('900101979'))).toBe(false);
    expect(isFictionalSeries('8112189876')).toBe(false);
  });
  it('rejects a serial outside 0..19 and a bad date', () => {
    expect(() => fictionalIdentityNumber('1990-01-01', 20)).toThrow(RangeError);
    expect(() => fictionalIdentityNumber('1990-01-01', -1)).toThrow(RangeError);
    expect(() => fictionalIdentityNumber('1990-01-01', 1.5)).toThrow(RangeError);
    expect(() => fictionalIdentityNumber('1990-02-30', 1)).toThrow(RangeError);
  });
});
