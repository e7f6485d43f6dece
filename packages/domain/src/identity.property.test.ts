import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from './dates.ts';
import { ageAt, fictionalIdentityNumber, isFictionalSeries, luhnCheckDigit, parseIdentityNumber } from './identity.ts';

const today = new Date('2026-06-15T10:00:00Z');
const todayIso = '2026-06-15';

/** Real calendar dates in [from, to] (UTC instants turned into YYYY-MM-DD). */
const dateBetween = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((d) => formatCalendarDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));

const kind = fc.constantFrom('personal' as const, 'coordination' as const);
const serial = fc.integer({ min: 0, max: 19 });

describe('identity numbers (properties)', () => {
  it('12 digits round-trip with and without separator', () => {
    fc.assert(
      fc.property(dateBetween('1850-01-01', todayIso), serial, kind, fc.boolean(), (birthDate, s, k, dash) => {
        const digits = fictionalIdentityNumber(birthDate, s, k);
        const input = dash ? `${digits.slice(0, 8)}-${digits.slice(8)}` : digits;
        expect(parseIdentityNumber(input, today)).toEqual({ ok: true, value: { digits, kind: k, birthDate } });
      }),
    );
  });

  it("10 digits round-trip: '-' (or none) under 100 in the year, '+' from the year of 100", () => {
    fc.assert(
      fc.property(dateBetween('1827-01-01', todayIso), serial, kind, fc.boolean(), (birthDate, s, k, withSeparator) => {
        const digits = fictionalIdentityNumber(birthDate, s, k);
        const centenarian = 2026 - Number(birthDate.slice(0, 4)) >= 100;
        const separator = centenarian ? '+' : withSeparator ? '-' : '';
        const input = digits.slice(2, 8) + separator + digits.slice(8);
        expect(parseIdentityNumber(input, today)).toEqual({ ok: true, value: { digits, kind: k, birthDate } });
      }),
    );
  });

  it('any change to the check digit is rejected', () => {
    fc.assert(
      fc.property(dateBetween('1900-01-01', todayIso), serial, kind, fc.integer({ min: 1, max: 9 }), (birthDate, s, k, delta) => {
        const digits = fictionalIdentityNumber(birthDate, s, k);
        const wrong = digits.slice(0, 11) + String((Number(digits[11]) + delta) % 10);
        expect(parseIdentityNumber(wrong, today)).toEqual({ ok: false, reason: 'checkDigit' });
      }),
    );
  });

  it('coordination numbers have day + 60 and the same birth date as the personal number', () => {
    fc.assert(
      fc.property(dateBetween('1900-01-01', todayIso), serial, (birthDate, s) => {
        const personal = fictionalIdentityNumber(birthDate, s, 'personal');
        const coordination = fictionalIdentityNumber(birthDate, s, 'coordination');
        expect(Number(coordination.slice(6, 8))).toBe(Number(personal.slice(6, 8)) + 60);
        const parsed = parseIdentityNumber(coordination, today);
        expect(parsed.ok && parsed.value.birthDate).toBe(birthDate);
        expect(parsed.ok && parsed.value.kind).toBe('coordination');
      }),
    );
  });

  it('every fictional number is in the fictional series and has a valid Luhn digit', () => {
    fc.assert(
      fc.property(dateBetween('1900-01-01', todayIso), serial, kind, (birthDate, s, k) => {
        const digits = fictionalIdentityNumber(birthDate, s, k);
        expect(isFictionalSeries(digits)).toBe(true);
        expect(luhnCheckDigit(digits.slice(2, 11))).toBe(Number(digits[11]));
      }),
    );
  });

  it('future birth dates are rejected', () => {
    fc.assert(
      fc.property(dateBetween('2026-06-16', '2099-12-31'), serial, (birthDate, s) => {
        expect(parseIdentityNumber(fictionalIdentityNumber(birthDate, s), today)).toEqual({ ok: false, reason: 'date' });
      }),
    );
  });
});

/** Naive age: count the birthdays (29 Feb → 1 Mar in non-leap years) that have passed. */
function naiveAge(birthDate: string, at: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  let age = -1;
  for (let year = by; ; year++) {
    const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
    const birthday = bm === 2 && bd === 29 && !leap ? `${year}-03-01` : `${year}-${birthDate.slice(5)}`;
    if (birthday > at) return age;
    age++;
  }
}

describe('ageAt (properties)', () => {
  it('matches a naive birthday count', () => {
    fc.assert(
      fc.property(dateBetween('1900-01-01', '2026-12-31'), dateBetween('1900-01-01', '2040-12-31'), (birth, at) => {
        fc.pre(birth <= at);
        expect(ageAt(birth, at)).toBe(naiveAge(birth, at));
      }),
    );
  });

  it('never decreases as time passes', () => {
    fc.assert(
      fc.property(dateBetween('1900-01-01', '2000-12-31'), dateBetween('2001-01-01', '2040-12-31'), dateBetween('2001-01-01', '2040-12-31'), (birth, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(ageAt(birth, early)).toBeLessThanOrEqual(ageAt(birth, late));
      }),
    );
  });
});
