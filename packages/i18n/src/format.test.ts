import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatWaiting, resolveLocale } from './index.ts';

// Intl may use non-breaking (U+00A0) or narrow non-breaking (U+202F) spaces and U+2212 for minus.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

describe('formats', () => {
  it('formats date and time in Swedish time', () => {
    // 12:30 UTC in winter is 13:30 in Stockholm; in summer 14:30.
    expect(formatDateTime('2026-01-15T12:30:00Z', 'sv')).toBe('2026-01-15 13:30');
    expect(formatDateTime(new Date('2026-07-15T12:30:00Z'), 'sv')).toBe('2026-07-15 14:30');
    expect(formatDateTime('2026-01-15T12:30:00Z', 'en')).toBe('15/01/2026, 13:30');
  });

  it('answers a repeated instant as the first time, per language, and still refuses a non-date', () => {
    // Answers are kept per instant and language (issue 9): the second call must not mix them up.
    for (let i = 0; i < 2; i++) {
      expect(formatDateTime('2026-03-29T00:59:59.999Z', 'sv')).toBe('2026-03-29 01:59');
      expect(formatDateTime('2026-03-29T01:00:00Z', 'sv')).toBe('2026-03-29 03:00');
      expect(formatDateTime(new Date('2026-03-29T01:00:00Z'), 'en')).toBe('29/03/2026, 03:00');
      expect(() => formatDateTime('not a date', 'sv')).toThrow(RangeError);
    }
  });

  it('formats dates; a plain calendar date is not shifted', () => {
    expect(formatDate('2026-12-31T23:30:00Z', 'sv')).toBe('2027-01-01');
    expect(formatDate('2008-03-14', 'sv')).toBe('2008-03-14');
    expect(formatDate('2008-03-14', 'en')).toBe('14/03/2008');
    expect(() => formatDate('not a date', 'sv')).toThrow(RangeError);
  });

  it('formats öre as kronor', () => {
    expect(plain(formatMoney(123450, 'sv'))).toBe('1 234,50 kr');
    expect(plain(formatMoney(5n, 'sv'))).toBe('0,05 kr');
    expect(plain(formatMoney(-100, 'sv'))).toBe('-1,00 kr');
    expect(plain(formatMoney(12345678901234567n, 'sv'))).toBe('123 456 789 012 345,67 kr');
    expect(plain(formatMoney(123450, 'en'))).toBe('SEK 1,234.50');
    expect(() => formatMoney(1.5, 'sv')).toThrow(RangeError);
  });

  it('formats waiting times briefly', () => {
    const min = 60_000;
    const h = 60 * min;
    expect(formatWaiting(3 * h + 5 * min, 'sv')).toBe('3 tim 5 min');
    expect(formatWaiting(3 * h + 5 * min, 'en')).toBe('3 h 5 min');
    expect(formatWaiting(52 * h + 30 * min, 'sv')).toBe('2 d 4 tim');
    expect(formatWaiting(48 * h, 'sv')).toBe('2 d');
    expect(formatWaiting(3 * h, 'sv')).toBe('3 tim');
    expect(formatWaiting(12 * min + 59_000, 'sv')).toBe('12 min');
    expect(formatWaiting(30_000, 'sv')).toBe('< 1 min');
    expect(formatWaiting(-5, 'sv')).toBe('< 1 min');
  });
});

describe('resolveLocale', () => {
  it('prefers the user, then the cookie, else Swedish', () => {
    expect(resolveLocale({ userPreference: 'en', cookie: 'sv' })).toBe('en');
    expect(resolveLocale({ userPreference: null, cookie: 'en' })).toBe('en');
    expect(resolveLocale({ userPreference: 'de', cookie: 'en' })).toBe('en');
    expect(resolveLocale({ cookie: 'EN-gb' })).toBe('en');
    expect(resolveLocale({ userPreference: 'fr', cookie: 'xx' })).toBe('sv');
    expect(resolveLocale({})).toBe('sv');
  });
});
