// Pages read the translator from context, set once by the root layout from the page data's locale.
import { getContext, setContext } from 'svelte';
import { getTranslator, type Locale, type Translate } from '@utvag/i18n';

const key = Symbol('utvag-i18n');

export interface I18nContext {
  readonly locale: Locale;
  readonly t: Translate;
}

export function setI18n(getLocale: () => Locale) {
  setContext<I18nContext>(key, {
    get locale() {
      return getLocale();
    },
    get t() {
      return getTranslator(getLocale());
    },
  });
}

export function getI18n(): I18nContext {
  return getContext<I18nContext>(key);
}
