import { describe, expect, it } from 'vitest';
import { accessibilityReportHandleSchema, accessibilityReportInputSchema } from './accessibility-report.ts';
import { fieldErrors } from './schemas.ts';

const errorsOf = (input: unknown) => {
  const result = accessibilityReportInputSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
};

describe('accessibilityReportInputSchema', () => {
  it('accepts the form as posted, trimming and treating blank optional fields as absent', () => {
    expect(accessibilityReportInputSchema.parse({ message: '  Går inte att zooma.  ', page: ' ', contactEmail: '' })).toEqual({
      message: 'Går inte att zooma.',
    });
    expect(accessibilityReportInputSchema.parse({ message: 'Fel', page: '/login', contactEmail: ' A@Example.invalid ' })).toEqual({
      message: 'Fel',
      page: '/login',
      contactEmail: 'a@example.invalid',
    });
  });

  it('names each bad field with an i18n key', () => {
    expect(errorsOf({})).toEqual({ message: { key: 'validation.required' } });
    expect(errorsOf({ message: 'x'.repeat(2001) })).toEqual({ message: { key: 'validation.tooLong', params: { max: 2000 } } });
    expect(errorsOf({ message: 'ok', page: 'x'.repeat(501) })).toEqual({ page: { key: 'validation.tooLong', params: { max: 500 } } });
    expect(errorsOf({ message: 'ok', contactEmail: 'nej' })).toEqual({ contactEmail: { key: 'validation.invalidEmail' } });
    expect(errorsOf({ message: 'a\u0007b' })).toEqual({ message: { key: 'validation.controlCharacters' } });
  });

  it('strips fields the form does not have (a forged user id or portal)', () => {
    expect(accessibilityReportInputSchema.parse({ message: 'ok', userId: 'x', portal: 'staff' })).toEqual({ message: 'ok' });
  });

  it('takes a uuid to mark handled', () => {
    expect(accessibilityReportHandleSchema.safeParse({ id: 'nej' }).success).toBe(false);
  });
});
