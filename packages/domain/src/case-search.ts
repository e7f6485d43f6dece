// Searching the case list (issue 9 item 1): one text field that is read as an identity number, a referral
// reference or the start of a name, in that order. The term is personal data: it travels in a POST body, never
// in a URL, and is never written to the audit log (the result's subjects are).
import { z } from 'zod';
import { parseIdentityNumber } from './identity.ts';
import { referenceNumberPattern } from './referral.ts';
import { noControlCharacters } from './schemas.ts';
import { keyError } from './validation-keys.ts';

/**
 * Name folding for prefix search: case- and accent-insensitive by a fixed table, the same in SQL (the
 * `utvag_name_key` function of migration 0026, whose result person stores and indexes) and here, so the index and
 * the term agree whatever the database's locale. Letters outside the table are compared as written.
 */
export const nameFoldFrom =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅàáâãäåÆæÇçÈÉÊËèéêëÌÍÎÏìíîïÐðÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŠšŽžŁł';
export const nameFoldTo =
  'abcdefghijklmnopqrstuvwxyzaaaaaaaaaaaaææcceeeeeeeeiiiiiiiiððnnoooooooooooouuuuuuuuyyysszzll';

const fold = new Map([...nameFoldFrom].map((c, i) => [c, [...nameFoldTo][i]!]));

export function nameKey(name: string): string {
  return [...name].map((c) => fold.get(c) ?? c).join('');
}

/** The smallest string above every string that starts with `prefix` (code-point order, which is the byte order of
 * UTF-8 and so of the "C" collation): a prefix match becomes an index range scan, even in a prepared statement. */
export function prefixUpperBound(prefix: string): string | null {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!;
    // The last code point has no successor; the surrogates are skipped (they are not characters on their own).
    if (last < 0x10ffff) return points.join('') + String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1);
  }
  return null;
}

export interface NamePrefix {
  /** Folded prefix and its exclusive upper bound (null: none, every string from `from` on). */
  from: string;
  to: string | null;
}

export type CaseSearch =
  | { kind: 'identityNumber'; digits: string }
  | { kind: 'reference'; reference: string }
  /** One word: the start of the first or the last name; two or more: the first name's start and the last's. */
  | { kind: 'name'; first?: NamePrefix; last?: NamePrefix; either?: NamePrefix };

const prefix = (word: string): NamePrefix => {
  const from = nameKey(word);
  return { from, to: prefixUpperBound(from) };
};

/** Digits with separators only: meant as an identity number, so an invalid one is an error, not a name search. */
const numberLike = /^[\d\s+-]+$/;

export function parseCaseSearch(term: string): { ok: true; value: CaseSearch } | { ok: false; error: string } {
  const value = term.trim();
  if (numberLike.test(value)) {
    const parsed = parseIdentityNumber(value.replace(/\s+/g, ''));
    return parsed.ok
      ? { ok: true, value: { kind: 'identityNumber', digits: parsed.value.digits } }
      : { ok: false, error: `validation.identityNumber.${parsed.reason}` };
  }
  const reference = value.toUpperCase();
  if (referenceNumberPattern.test(reference)) return { ok: true, value: { kind: 'reference', reference } };
  const words = value.split(/\s+/);
  if (words.length === 1) return { ok: true, value: { kind: 'name', either: prefix(words[0]!) } };
  return { ok: true, value: { kind: 'name', first: prefix(words[0]!), last: prefix(words.at(-1)!) } };
}

/** The search field `q`: at least two characters, so a search narrows the list rather than walks it. */
export const caseSearchTermSchema = z
  .string({ error: keyError('validation.required') })
  .trim()
  .min(1, { error: 'validation.required' })
  .min(2, { error: 'validation.tooShort' })
  .max(100, { error: 'validation.tooLong' })
  .refine(noControlCharacters, { error: 'validation.controlCharacters', abort: true })
  // A lone surrogate is no character: it cannot be stored or compared as text.
  .refine((value) => !/[\uD800-\uDFFF]/u.test(value), { error: 'validation.invalid', abort: true })
  .transform((value, ctx) => {
    const result = parseCaseSearch(value);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: result.error, input: value });
    return z.NEVER;
  });
