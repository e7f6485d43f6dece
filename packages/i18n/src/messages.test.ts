import { describe, expect, it } from 'vitest';
import { findMissingKeys, flattenKeys, getTranslator, locales, messages } from './index.ts';

// Runs over every namespace, including the page authors' staff/partner texts.
describe('catalogs', () => {
  const svKeys = flattenKeys(messages.sv).sort();

  it.each(locales)('%s has exactly the Swedish key set', (locale) => {
    expect(flattenKeys(messages[locale]).sort()).toEqual(svKeys);
  });

  it.each(locales)('%s has no empty texts', (locale) => {
    expect(findMissingKeys(locale, flattenKeys(messages[locale]))).toEqual([]);
  });

  it.each(locales)('%s uses the same {{placeholders}} as Swedish in every text', (locale) => {
    const raw = (l: typeof locale, key: string) =>
      String(key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], messages[l]));
    const placeholders = (s: string) => (s.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();
    for (const key of svKeys) expect([key, placeholders(raw(locale, key))]).toEqual([key, placeholders(raw('sv', key))]);
  });

  it('has the validation keys the forms rely on', () => {
    const keys = flattenKeys(messages.sv.validation).sort();
    expect(keys).toEqual(
      [
        'required', 'tooLong', 'tooShort', 'invalidOption', 'invalidEmail', 'invalidPhone', 'invalidDate',
        'invalidUuid', 'identityNumber.format', 'identityNumber.checkDigit', 'identityNumber.date',
        'identityOrBirthDate', 'birthDateInFuture', 'programmeRequired', 'reasonRequired', 'invalid',
        // issue 5, intake forms
        'controlCharacters', 'dateInFuture', 'invalidDateTime', 'notAChild', 'dateOrder', 'guardianNameRequired', 'tooManyValues',
        // issue 6, cases
        'terminationReasonRequired', 'basisRequired', 'childImpactRequired', 'oralSourceFromRequired', 'oralSourceAtRequired', 'drugTestResultRequired',
        // issue 6 item 3, police assessments
        'validUntilNotAfterAnswer', 'validUntilTooLate',
        // issue 5, clock events
        'outcomeRequired', 'beforeReceived', 'delayReasonRequired',
        // issue 8, the follow-up report's period
        'periodOrder', 'periodTooLong',
        // issue 7, support work
        'invalidAmount', 'negativeAmount', 'endBeforeStart', 'invalidYear',
        // issue 6 item 9, transfer
        'sameMunicipality',
      ].sort(),
    );
  });
});

describe('getTranslator', () => {
  it('translates nested keys and interpolates without HTML escaping (Svelte escapes)', () => {
    const t = getTranslator('sv');
    expect(t('common.save')).toBe('Spara');
    expect(t('common.loggedInAs', { name: 'Anna <Ö>' })).toBe('Inloggad som Anna <Ö>');
    expect(t('validation.tooLong', { max: 200 })).toBe('Texten är för lång. Skriv högst 200 tecken.');
    expect(t('validation.identityNumber.checkDigit')).toContain('sista siffran');
    expect(getTranslator('en')('enum.urgency.immediate')).toBe('Immediate');
  });

  it('shows a missing key visibly instead of silently', () => {
    expect(getTranslator('sv')('common.doesNotExist')).toBe('⟦common.doesNotExist⟧');
    expect(getTranslator('en')('nope')).toBe('⟦nope⟧');
    // A key that names a group of texts is a bug too.
    expect(getTranslator('sv')('enum.urgency')).toBe('⟦enum.urgency⟧');
  });

  it('does not fall back to Swedish from English', () => {
    expect(getTranslator('en')('common.save')).toBe('Save');
  });

  it('findMissingKeys reports absent and group keys', () => {
    expect(findMissingKeys('sv', ['common.save', 'common.nope', 'enum.urgency'])).toEqual(['common.nope', 'enum.urgency']);
  });
});
