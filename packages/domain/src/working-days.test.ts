import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from './dates.ts';
import {
  addCalendarDays,
  addWorkingDays,
  easterSunday,
  isSwedishWorkingDay,
  swedishNonWorkingHolidays,
  weekday,
  workingDaysBetween,
} from './working-days.ts';

// Published Swedish calendars (public holidays plus the three eves), as data to check the computation against.
const published: Record<number, string[]> = {
  2025: ['2025-01-01', '2025-01-06', '2025-04-18', '2025-04-20', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-08',
    '2025-06-06', '2025-06-20', '2025-06-21', '2025-11-01', '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-31'],
  2026: ['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-24',
    '2026-06-06', '2026-06-19', '2026-06-20', '2026-10-31', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31'],
  2027: ['2027-01-01', '2027-01-06', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-16',
    '2027-06-06', '2027-06-25', '2027-06-26', '2027-11-06', '2027-12-24', '2027-12-25', '2027-12-26', '2027-12-31'],
};

const anyDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => formatCalendarDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));

describe('Swedish holidays', () => {
  it.each(Object.entries(published))('matches the published calendar for %s', (year, days) => {
    expect(Object.values(swedishNonWorkingHolidays(Number(year))).sort()).toEqual([...days].sort());
  });

  it('knows Easter for known years', () => {
    expect([2024, 2025, 2026, 2027, 2038].map(easterSunday)).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25']);
  });

  it('places moving holidays on the right weekday and window in every year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const h = swedishNonWorkingHolidays(year);
        expect(weekday(h.easterSunday)).toBe(0);
        expect(h.easterSunday >= `${year}-03-22` && h.easterSunday <= `${year}-04-25`).toBe(true);
        expect(weekday(h.midsummerDay)).toBe(6);
        expect(h.midsummerDay >= `${year}-06-20` && h.midsummerDay <= `${year}-06-26`).toBe(true);
        expect(weekday(h.midsummerEve)).toBe(5);
        expect(weekday(h.allSaintsDay)).toBe(6);
        expect(h.allSaintsDay >= `${year}-10-31` && h.allSaintsDay <= `${year}-11-06`).toBe(true);
        expect(weekday(h.ascensionDay)).toBe(4);
      }),
    );
  });
});

describe('working days', () => {
  it('skips weekends and holidays', () => {
    expect(isSwedishWorkingDay('2026-06-15')).toBe(true); // Monday
    expect(isSwedishWorkingDay('2026-06-13')).toBe(false); // Saturday
    expect(isSwedishWorkingDay('2026-06-19')).toBe(false); // Midsummer Eve
    expect(addWorkingDays('2026-06-12', 2)).toBe('2026-06-16'); // Friday → Tuesday
    expect(addWorkingDays('2026-04-02', 2)).toBe('2026-04-08'); // Maundy Thursday, over Easter
    expect(addWorkingDays('2026-12-23', 2)).toBe('2026-12-29'); // over Christmas
    expect(addWorkingDays('2026-12-30', 1)).toBe('2027-01-04'); // New Year's Eve and Day, a weekend
    expect(addWorkingDays('2026-06-13', 0)).toBe('2026-06-15');
    expect(addWorkingDays('2085-12-19', 5)).toBe('2086-01-02'); // over Christmas and New Year, found by a property test
  });

  it('weekday agrees with the JavaScript calendar', () => {
    fc.assert(fc.property(anyDate, (d) => {
      expect(weekday(d)).toBe(new Date(`${d}T12:00:00Z`).getUTCDay());
    }));
  });

  it('always lands on a working day, after the start, n working days later', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const due = addWorkingDays(d, n);
        expect(isSwedishWorkingDay(due)).toBe(true);
        expect(due > d).toBe(true);
        expect(workingDaysBetween(d, due)).toBe(n);
        // The day before the due day still lacks one working day.
        expect(workingDaysBetween(d, addCalendarDays(due, -1))).toBe(n - 1);
      }),
    );
  });

  it('is monotonic and additive', () => {
    fc.assert(
      // From a working day, n = 0 is the day itself; from any day, each further step lands later.
      fc.property(anyDate, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 }), (d, a, b) => {
        if (a > 0 || isSwedishWorkingDay(d)) expect(addWorkingDays(d, a + 1) > addWorkingDays(d, a)).toBe(true);
        if (a > 0) expect(addWorkingDays(addWorkingDays(d, a), b)).toBe(addWorkingDays(d, a + b));
      }),
    );
  });

  // Two weekends plus Christmas Eve, Christmas, Boxing Day, New Year's Eve and Day: 10 days off in 1950–2150.
  it('never needs more than n + 10 calendar days for n ≤ 5 (the Christmas and New Year run is the longest)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 5 }), (d, n) => {
        const days = (Date.parse(addWorkingDays(d, n)) - Date.parse(d)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(n);
        expect(days).toBeLessThanOrEqual(n + 10);
      }),
    );
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    fc.assert(fc.property(anyDate, fc.integer({ min: -400, max: 400 }), (d, n) => {
      expect(addCalendarDays(addCalendarDays(d, n), -n)).toBe(d);
    }));
  });
});
