// Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).
// Rules per Skatteverket, DOMAIN.md §10: YYYYMMDD-NNNC, 10 digits shown and 12 stored, Luhn check digit over
// the 10-digit form, '+' instead of '-' from the year the person turns 100, coordination numbers add 60 to the day.
import { calendarDateInSweden, formatCalendarDate, parseCalendarDate } from './dates.ts';

export type IdentityNumberKind = 'personal' | 'coordination';

export interface IdentityNumber {
  /** Always 12 digits, YYYYMMDDNNNC; for a coordination number the day is the real day + 60. */
  digits: string;
  kind: IdentityNumberKind;
  /** YYYY-MM-DD, the real birth day (coordination offset removed). */
  birthDate: string;
}

export type IdentityNumberError = 'format' | 'checkDigit' | 'date';

export type IdentityNumberResult = { ok: true; value: IdentityNumber } | { ok: false; reason: IdentityNumberError };

const coordinationDayOffset = 60;
const inputPattern = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/;
const twelveDigits = /^\d{12}$/;

/** Luhn (mod 10) check digit for the first nine digits of the 10-digit form (YYMMDDNNN). */
export function luhnCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('luhnCheckDigit needs exactly 9 digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** Splits the day into the real day and the kind (coordination numbers have day + 60). */
function splitDay(day: number): { day: number; kind: IdentityNumberKind } {
  return day > coordinationDayOffset
    ? { day: day - coordinationDayOffset, kind: 'coordination' }
    : { day, kind: 'personal' };
}

/**
 * Parses 10 or 12 digits, with or without '-' (or '+' in the 10-digit form), whitespace trimmed.
 * A 10-digit number gets the latest century that does not put the birth year after `today`'s year;
 * '+' then moves it back a century (the sign changes in the year a person turns 100, so it is year-based).
 */
export function parseIdentityNumber(input: string, today: Date = new Date()): IdentityNumberResult {
  const match = inputPattern.exec(input.trim());
  if (!match) return { ok: false, reason: 'format' };
  const [, century, yymmdd = '', separator, serial = ''] = match;
  if (century !== undefined && separator === '+') return { ok: false, reason: 'format' };

  const ten = yymmdd + serial;
  if (luhnCheckDigit(ten.slice(0, 9)) !== Number(ten[9])) return { ok: false, reason: 'checkDigit' };

  const todayDate = calendarDateInSweden(today);
  const todayYear = Number(todayDate.slice(0, 4));
  const yy = Number(yymmdd.slice(0, 2));
  let year: number;
  if (century !== undefined) {
    year = Number(century) * 100 + yy;
  } else {
    year = todayYear - ((todayYear - yy) % 100 + 100) % 100;
    if (separator === '+') year -= 100;
  }

  const { day, kind } = splitDay(Number(yymmdd.slice(4, 6)));
  const month = Number(yymmdd.slice(2, 4));
  const birthDate = formatCalendarDate({ year, month, day });
  if (!parseCalendarDate(birthDate) || birthDate > todayDate) return { ok: false, reason: 'date' };

  const digits = String(year).padStart(4, '0') + ten.slice(2);
  return { ok: true, value: { digits, kind, birthDate } };
}

function assertTwelveDigits(digits12: string): void {
  if (!twelveDigits.test(digits12)) throw new RangeError('Expected 12 digits (YYYYMMDDNNNC)');
}

/** 'YYYYMMDD-NNNN': the 12-digit display form needs no '+' because the century is explicit. */
export function formatIdentityNumber(digits12: string): string {
  assertTwelveDigits(digits12);
  return `${digits12.slice(0, 8)}-${digits12.slice(8)}`;
}

/** 'YYYYMMDD-XXXX': the birth date is often needed on screen, the last four digits rarely. */
export function maskIdentityNumber(digits12: string): string {
  assertTwelveDigits(digits12);
  return `${digits12.slice(0, 8)}-XXXX`;
}

/** The real birth date in 12 stored digits (coordination offset removed). */
export function birthDateFromDigits(digits12: string): string {
  assertTwelveDigits(digits12);
  const { day } = splitDay(Number(digits12.slice(6, 8)));
  return formatCalendarDate({ year: Number(digits12.slice(0, 4)), month: Number(digits12.slice(4, 6)), day });
}

/**
 * Age in whole years at a date (a Date is read as a Swedish calendar day). Someone born 29 February turns a
 * year older on 1 March in a non-leap year, because (2, 28) still sorts before their (2, 29) birthday.
 */
export function ageAt(birthDate: string, at: Date | string): number {
  const birth = parseCalendarDate(birthDate);
  if (!birth) throw new RangeError(`Not a calendar date: ${birthDate}`);
  const on = parseCalendarDate(calendarDateInSweden(at));
  if (!on) throw new RangeError('Invalid date');
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

/** First birth number (NNN) of the fictional series. */
export const fictionalSeriesStart = 980;
export const fictionalSeriesSize = 20;

/**
 * A valid identity number for demo and test people. Utväg's demo data and test factories use ONLY birth
 * numbers 980–999 so that a demo number is recognisable on sight and by `isFictionalSeries`. The series is a
 * project convention, not a reserved range: never use it to decide anything about real data.
 */
export function fictionalIdentityNumber(
  birthDate: string,
  serial: number,
  kind: IdentityNumberKind = 'personal',
): string {
  const date = parseCalendarDate(birthDate);
  if (!date) throw new RangeError(`Not a calendar date: ${birthDate}`);
  if (!Number.isInteger(serial) || serial < 0 || serial >= fictionalSeriesSize) {
    throw new RangeError(`serial must be an integer 0..${fictionalSeriesSize - 1}`);
  }
  const day = date.day + (kind === 'coordination' ? coordinationDayOffset : 0);
  const yyyymmdd = birthDate.replaceAll('-', '').slice(0, 6) + String(day).padStart(2, '0');
  const nine = yyyymmdd.slice(2) + String(fictionalSeriesStart + serial);
  return yyyymmdd + nine.slice(6) + String(luhnCheckDigit(nine));
}

/** True when the birth number (NNN) is in the 980–999 demo/test series. */
export function isFictionalSeries(digits12: string): boolean {
  return twelveDigits.test(digits12) && Number(digits12.slice(8, 11)) >= fictionalSeriesStart;
}
