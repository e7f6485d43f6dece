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
  return (key, params) => String(t(key, params ?? {}));
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
