import { createInstance, type i18n } from 'i18next';
import { locales, type Locale } from './locale.ts';
import { messages } from './messages/index.ts';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** How a key without a text is shown: visible in the page so it is reported, never blank. */
export const missing = (key: string): string => `⟦${key}⟧`;

function createTranslator(locale: Locale): Translate {
  const instance: i18n = createInstance();
  // Resources are bundled, so init is synchronous and needs no backend.
  void instance.init({
    lng: locale,
    // No fallback to Swedish: a missing English text must show as missing, not silently switch language.
    fallbackLng: false,
    resources: { [locale]: { translation: messages[locale] } },
    initAsync: false,
    showSupportNotice: false, // keeps server logs clean
    nsSeparator: false,
    keySeparator: '.',
    interpolation: { escapeValue: false }, // Svelte escapes on output.
    returnNull: false,
    returnEmptyString: false,
    parseMissingKeyHandler: (key: string) => missing(key),
    // A key that names a group of texts (e.g. "enum.urgency") is a bug, not a text.
    returnedObjectHandler: (key: string) => missing(key),
  });
  const t = instance.getFixedT(locale);
  const slow: Translate = (key, params) => String(t(key, params ?? {}));
  return fastPath(messages[locale], slow);
}

// i18next's t() costs several microseconds a call, and a page of 50 inbox rows makes about a thousand calls (it
// was the largest single item in the inbox page's CPU profile). The catalogs are static, have no plurals, no
// nesting and only plain {{name}} placeholders, so the common case is a lookup and a replace. Anything else
// (an option i18next interprets, a missing text or placeholder value, a key naming a group) goes to i18next, so
// the results are the same; translate.test.ts compares both over every key.
const i18nextOptions = new Set(['count', 'context', 'lng', 'lngs', 'ns', 'defaultValue', 'replace', 'returnObjects', 'joinArrays', 'postProcess', 'interpolation', 'keySeparator', 'nsSeparator', 'ordinal']);
const placeholder = /\{\{\s*(\w+)\s*\}\}/g;
/** Bounded: keys are code, but a key built from unexpected data must not grow the cache without end. */
const maxCachedKeys = 10_000;

export function fastPath(catalog: object, slow: Translate): Translate {
  const texts = new Map<string, string | null>();
  const textOf = (key: string): string | null => {
    let text = texts.get(key);
    if (text !== undefined) return text;
    let node: unknown = catalog;
    for (const part of key.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    text = typeof node === 'string' && node !== '' ? node : null;
    if (texts.size < maxCachedKeys) texts.set(key, text);
    return text;
  };
  return (key, params) => {
    const text = textOf(key);
    if (text === null) return slow(key, params);
    if (params) {
      for (const name in params) {
        const v = params[name];
        if (i18nextOptions.has(name) || (typeof v !== 'string' && typeof v !== 'number')) return slow(key, params);
      }
    }
    if (!text.includes('{{')) return text;
    let complete = true;
    const result = text.replace(placeholder, (whole, name: string) => {
      const v = params?.[name];
      if (typeof v === 'string' || typeof v === 'number') return String(v);
      complete = false;
      return whole;
    });
    return complete ? result : slow(key, params);
  };
}

const translators = new Map<Locale, Translate>(locales.map((l) => [l, createTranslator(l)]));

export function getTranslator(locale: Locale): Translate {
  return translators.get(locale)!;
}

/** Dotted paths of every text in a catalog ("common.save", "validation.identityNumber.format", …). */
export function flattenKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? flattenKeys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** The keys among `keys` that have no non-empty text in `locale`. */
export function findMissingKeys(locale: Locale, keys: Iterable<string>): string[] {
  return [...keys].filter((key) => {
    let node: unknown = messages[locale];
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return typeof node !== 'string' || node.trim() === '';
  });
}
