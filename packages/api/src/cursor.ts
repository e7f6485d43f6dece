// Keyset cursors travel as opaque base64url strings of "<ISO time>|<uuid>".
import type { InboxCursor, KeysetCursor } from '@utvag/db';
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
