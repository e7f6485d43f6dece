import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { fastPath } from './translate.ts';
import { flattenKeys, getTranslator, locales, messages, type Translate } from './index.ts';

/** i18next as the translator used it before the fast path, configured the same way. */
function plainI18next(locale: (typeof locales)[number]): Translate {
  const instance = createInstance();
  void instance.init({
    lng: locale, fallbackLng: false, resources: { [locale]: { translation: messages[locale] } }, initAsync: false,
    showSupportNotice: false, nsSeparator: false, keySeparator: '.', interpolation: { escapeValue: false },
    returnNull: false, returnEmptyString: false, parseMissingKeyHandler: (key: string) => `⟦${key}⟧`,
    returnedObjectHandler: (key: string) => `⟦${key}⟧`,
  });
  const t = instance.getFixedT(locale);
  return (key, params) => String(t(key, params ?? {}));
}

const placeholdersOf = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);

describe('the translator’s fast path gives what i18next gives', () => {
  it.each(locales)('%s: every key, without and with values for its placeholders', (locale) => {
    const fast = getTranslator(locale);
    const reference = plainI18next(locale);
    const keys = flattenKeys(messages[locale]);
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) {
      expect([key, fast(key)]).toEqual([key, reference(key)]);
      const text = String(key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], messages[locale]));
      const names = placeholdersOf(text);
      const values = Object.fromEntries(names.map((n, i) => [n, i % 2 ? 42 : `<${n} & $&>`]));
      expect([key, fast(key, values)]).toEqual([key, reference(key, values)]);
      if (names.length) expect(fast(key, values)).not.toContain('{{');
    }
  });

  it.each(locales)('%s: a missing key, a group of texts, an unknown key with values', (locale) => {
    const fast = getTranslator(locale);
    const reference = plainI18next(locale);
    for (const key of ['no.such.key', 'enum.urgency', 'staff', 'common.save.deeper']) {
      expect(fast(key)).toEqual(reference(key));
      expect(fast(key)).toMatch(/^⟦/);
      expect(fast(key, { x: 'y' })).toEqual(reference(key, { x: 'y' }));
    }
  });

  it('falls back to i18next for its own options and values it would format', () => {
    const calls: unknown[] = [];
    const slow: Translate = (key, params) => {
      calls.push([key, params]);
      return 'slow';
    };
    const t = fastPath({ a: { b: 'Hej {{name}}', c: 'Klar' } }, slow);
    expect(t('a.b', { name: 'Kim' })).toBe('Hej Kim');
    expect(t('a.c')).toBe('Klar');
    expect(calls).toEqual([]);
    expect(t('a.b')).toBe('slow'); // a placeholder without a value
    expect(t('a.c', { count: 2 })).toBe('slow'); // plural option
    expect(t('a.b', { name: new Date(0) })).toBe('slow'); // a value i18next would stringify its own way
    expect(t('a.x')).toBe('slow'); // missing
    expect(t('a')).toBe('slow'); // a group
    expect(calls).toHaveLength(5);
  });
});
