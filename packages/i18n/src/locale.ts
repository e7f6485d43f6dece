export const locales = ['sv', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'sv';

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (locales as readonly string[]).includes(x);
}

// Tolerates "sv-SE", "EN", " en " from cookies and old profile rows.
function normalise(x: string | null | undefined): Locale | undefined {
  const primary = x?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

/** User preference, then cookie, else Swedish. Accept-Language is ignored on purpose: Swedish first. */
export function resolveLocale(opts: { userPreference?: string | null; cookie?: string | null }): Locale {
  return normalise(opts.userPreference) ?? normalise(opts.cookie) ?? defaultLocale;
}
