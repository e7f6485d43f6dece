export { formToObject, flattenObject, fieldId, summaryErrors, type FormObject } from './form.ts';
export { setI18n, getI18n, type I18nContext } from './i18n.ts';
export { default as PortalLayout } from './components/PortalLayout.svelte';
export { default as LoginPage } from './components/LoginPage.svelte';
export { default as ErrorPage } from './components/ErrorPage.svelte';
export { default as AccessibilityStatement } from './components/AccessibilityStatement.svelte';
export { default as SecondFactorPage } from './components/SecondFactorPage.svelte';
