import { describe, expect, it } from 'vitest';
import { calendarDateInSweden, daysInMonth, formatCalendarDate, isLeapYear, isRealCalendarDate, parseCalendarDate, swedishWallClock } from './dates.ts';

describe('calendar dates', () => {
  it('knows leap years and month lengths', () => {
    expect([2000, 2024].map(isLeapYear)).toEqual([true, true]);
    expect([1900, 2026].map(isLeapYear)).toEqual([false, false]);
    expect([daysInMonth(2024, 2), daysInMonth(2026, 2), daysInMonth(2026, 4), daysInMonth(2026, 12)]).toEqual([29, 28, 30, 31]);
  });
  it('parses only real days', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '20260401', '']) {
      expect(isRealCalendarDate(bad)).toBe(false);
    }
  });
  it('formats with padding', () => {
    expect(formatCalendarDate({ year: 987, month: 3, day: 4 })).toBe('0987-03-04');
  });
  it('reads an instant as the Swedish day, winter and summer', () => {
    expect(calendarDateInSweden(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    expect(calendarDateInSweden(new Date('2026-01-14T22:30:00Z'))).toBe('2026-01-14');
    expect(calendarDateInSweden(new Date('2026-06-14T22:30:00Z'))).toBe('2026-06-15');
    expect(calendarDateInSweden('2026-06-14')).toBe('2026-06-14');
  });
  it('throws on invalid input', () => {
    expect(() => calendarDateInSweden(new Date('nope'))).toThrow(RangeError);
    expect(() => calendarDateInSweden('2026-02-30')).toThrow(RangeError);
  });
  it('reads the day from the offset cached per UTC hour as Intl does, around every clock change', () => {
    // The reference: Intl on each instant, no cache. Instants on both sides of the spring and autumn changes
    // (01:00 UTC), of midnight in both offsets, and spread over a century.
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
    const reference = (t: number) => {
      const p = Object.fromEntries(intl.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
      return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
    };
    const instants: number[] = [];
    for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '1980-04-06T01:00:00Z', '1916-05-14T22:00:00Z']) {
      for (let m = -150; m <= 150; m += 1) instants.push(Date.parse(change) + m * 60_000 - 1, Date.parse(change) + m * 60_000);
    }
    for (const midnight of ['2026-01-14T23:00:00Z', '2026-06-14T22:00:00Z']) instants.push(Date.parse(midnight) - 1, Date.parse(midnight));
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2040, 0, 1); t += 7_919_999_999) instants.push(t);
    for (const t of instants) {
      const wall = swedishWallClock(new Date(t))!;
      expect({ date: calendarDateInSweden(new Date(t)), hour: wall.getUTCHours() }, new Date(t).toISOString()).toEqual(reference(t));
    }
  });
  it('leaves instants before 1900 to Intl (local mean time, offsets with minutes and seconds)', () => {
    expect(swedishWallClock(new Date('1899-12-31T22:59:59Z'))).toBeNull();
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(1870, 0, 1, 22, 30); t < Date.UTC(1900, 0, 1); t += 86_400_000 * 97 + 60_000) {
      expect(calendarDateInSweden(new Date(t))).toBe(intl.format(new Date(t)));
    }
  });
});
