// A datetime-local value ('2026-03-01T09:30') means Swedish wall-clock time; store it as the instant it names.
import { swedishTimeZone } from '@utvag/domain';

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: swedishTimeZone, timeZoneName: 'longOffset' });

function offsetMinutes(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

export function swedishLocalTimeToInstant(local: string): Date {
  const asUtc = new Date(`${local}:00Z`);
  // Two passes settle the offset across a summer-time change.
  let at = new Date(asUtc.getTime() - offsetMinutes(asUtc) * 60_000);
  at = new Date(asUtc.getTime() - offsetMinutes(at) * 60_000);
  return at;
}
