export { locales, defaultLocale, isLocale, resolveLocale, type Locale } from './locale.ts';
export { getTranslator, findMissingKeys, flattenKeys, missing, type Translate } from './translate.ts';
export { formatDate, formatDateTime, formatMoney, formatWaiting } from './format.ts';
export { messages, type Messages } from './messages/index.ts';
