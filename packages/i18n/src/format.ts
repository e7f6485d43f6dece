import type { Locale } from './locale.ts';

const timeZone = 'Europe/Stockholm';
const bcp47: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: Locale, kind: 'date' | 'dateTime', zone = timeZone): Intl.DateTimeFormat {
  const id = `${locale}|${kind}|${zone}`;
  let f = dateTimeFormats.get(id);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === 'date' ? { dateStyle: 'short', timeZone: zone } : { dateStyle: 'short', timeStyle: 'short', timeZone: zone };
    f = new Intl.DateTimeFormat(bcp47[locale], opts);
    dateTimeFormats.set(id, f);
  }
  return f;
}

function toDate(d: Date | string): Date {
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(d)}`);
  return date;
}

// The inbox formats two to four instants per row on every request (the receipt and the clocks' due times, which
// are the ends of a few days), and Intl's format was 1–2 % of the page's CPU (issue 9): answers kept per instant.
const formattedDateTimes = new Map<string, string>();
const maxFormattedDateTimes = 20_000;

/** "2026-11-23 14:05" (sv) / "23/11/2026, 14:05" (en), in Swedish time. */
export function formatDateTime(d: Date | string, locale: Locale): string {
  const key = `${locale}|${typeof d === 'string' ? d : d.getTime()}`;
  const cached = formattedDateTimes.get(key);
  if (cached !== undefined) return cached;
  const text = dtf(locale, 'dateTime').format(toDate(d));
  if (formattedDateTimes.size >= maxFormattedDateTimes) formattedDateTimes.clear();
  formattedDateTimes.set(key, text);
  return text;
}

/** "2026-11-23" (sv) / "23/11/2026" (en). A plain "YYYY-MM-DD" (e.g. a birth date) is a calendar day, not shifted by time zone. */
export function formatDate(d: Date | string, locale: Locale): string {
  if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) return dtf(locale, 'date', 'UTC').format(toDate(`${d}T00:00:00Z`));
  return dtf(locale, 'date').format(toDate(d));
}

const moneyFormats: Record<Locale, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'SEK' }),
};

/** Integer öre in, kronor out: 123450 → "1 234,50 kr". Goes through a decimal string so large amounts stay exact. */
export function formatMoney(ore: number | bigint, locale: Locale): string {
  if (typeof ore === 'number' && !Number.isSafeInteger(ore)) throw new RangeError(`Öre must be an integer: ${ore}`);
  const n = BigInt(ore);
  const abs = n < 0n ? -n : n;
  const decimal = `${n < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  // Intl accepts decimal strings at runtime (exact); TypeScript's lib types lag behind.
  return moneyFormats[locale].format(decimal as unknown as number);
}

const units: Record<Locale, { d: string; h: string; min: string; lessThanMinute: string }> = {
  sv: { d: 'd', h: 'tim', min: 'min', lessThanMinute: '< 1 min' },
  en: { d: 'd', h: 'h', min: 'min', lessThanMinute: '< 1 min' },
};

/** Short waiting time with the two largest units: "2 d 4 tim", "3 tim 5 min", "12 min". */
export function formatWaiting(ms: number, locale: Locale): string {
  const u = units[locale];
  const totalMinutes = Math.floor(Math.max(0, ms) / 60_000);
  if (totalMinutes < 1) return u.lessThanMinute;
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts =
    days > 0 ? [[days, u.d], [hours, u.h]] : hours > 0 ? [[hours, u.h], [minutes, u.min]] : [[minutes, u.min]];
  return parts
    .filter(([n], i) => i === 0 || n !== 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
}
