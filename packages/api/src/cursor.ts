// Keyset cursors travel as opaque base64url strings of "<ISO time>|<uuid>".
import type { CaseCursor, InboxCursor, KeysetCursor } from '@utvag/db';
import { AppError } from './errors.ts';

export function encodeCursor(c: KeysetCursor): string {
  return Buffer.from(`${c.receivedAt.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(value: string | undefined): KeysetCursor | undefined {
  if (!value) return undefined;
  const [time, id] = Buffer.from(value, 'base64url').toString().split('|');
  const receivedAt = new Date(time ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(receivedAt.getTime())) {
    throw new AppError('BAD_REQUEST', 'error.badRequest', { cursor: { key: 'validation.invalid' } });
  }
  return { receivedAt, id };
}

/** The inbox's cursor adds the rank in front: "<rank>|<ISO time>|<uuid>". */
export function encodeInboxCursor(c: InboxCursor): string {
  return Buffer.from(`${c.rank}|${c.receivedAt.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeInboxCursor(value: string | undefined): InboxCursor | undefined {
  if (!value) return undefined;
  const [rank, ...rest] = Buffer.from(value, 'base64url').toString().split('|');
  const n = Number(rank);
  const keyset = decodeCursor(Buffer.from(rest.join('|')).toString('base64url'));
  if (!keyset || !Number.isInteger(n) || n < 0 || n > 3) {
    throw new AppError('BAD_REQUEST', 'error.badRequest', { cursor: { key: 'validation.invalid' } });
  }
  return { ...keyset, rank: n };
}

/** The case list's cursor: "<microseconds since the epoch>|<uuid>" of the last case shown (exact, see CaseCursor). */
export function encodeCaseCursor(c: CaseCursor): string {
  return Buffer.from(`${c.openedAtMicros}|${c.id}`).toString('base64url');
}

export function decodeCaseCursor(value: string | undefined): CaseCursor | undefined {
  if (!value) return undefined;
  const [micros, id, ...rest] = Buffer.from(value, 'base64url').toString().split('|');
  if (rest.length > 0 || !micros || !/^\d{1,17}$/.test(micros) || !id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new AppError('BAD_REQUEST', 'error.badRequest', { cursor: { key: 'validation.invalid' } });
  }
  return { openedAtMicros: micros, id };
}
