import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fictionalIdentityNumber } from './identity.ts';
import {
  checkbox,
  fieldErrors,
  identityNumberSchema,
  issueToMessage,
  listQuerySchema,
  loginInputSchema,
  officerContactSchema,
  optionalText,
  personInputSchema,
  policeReferralInputSchema,
  requiredText,
  triageDecisionInputSchema,
  validationKeys,
} from './schemas.ts';

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected failure, got ${JSON.stringify(result.data)}`);
  return fieldErrors(result.error);
};

const digits = fictionalIdentityNumber('2008-04-02', 3);
const uuid = '0b7e6a4c-3d2f-4a1b-9c8d-7e6f5a4b3c2d';
const person = { firstName: 'Testa', lastName: 'Testsson', identityNumber: digits };
const contact = { name: 'Polis Polisson', phone: '+46 70-123 45 67', email: ' LPO@Polisen.SE ' };
const referral = { idempotencyKey: uuid, person, reason: 'Vill lämna gruppen.', contact };

describe('checkbox', () => {
  it('reads HTML and JSON forms', () => {
    expect([true, false, 'on', 'true', 'false', undefined].map((v) => checkbox.parse(v))).toEqual([true, false, true, true, false, false]);
  });
  it('rejects anything else', () => {
    expect(errorsOf(z.object({ c: checkbox }), { c: 'yes' })).toEqual({ c: { key: 'validation.invalid' } });
  });
});

describe('text helpers', () => {
  it('trim; optional empty → undefined; required empty → required', () => {
    expect(optionalText(5).parse('  ')).toBeUndefined();
    expect(optionalText(5).parse(undefined)).toBeUndefined();
    expect(optionalText(5).parse(' abc ')).toBe('abc');
    expect(requiredText(5).parse(' abc ')).toBe('abc');
    expect(errorsOf(z.object({ t: requiredText(5) }), { t: '   ' })).toEqual({ t: { key: 'validation.required' } });
    expect(errorsOf(z.object({ t: requiredText(5) }), {})).toEqual({ t: { key: 'validation.required' } });
    expect(errorsOf(z.object({ t: requiredText(5) }), { t: 3 })).toEqual({ t: { key: 'validation.invalid' } });
  });
  it('too long carries max', () => {
    expect(errorsOf(z.object({ t: optionalText(3) }), { t: 'abcd' })).toEqual({ t: { key: 'validation.tooLong', params: { max: 3 } } });
    expect(errorsOf(z.object({ t: requiredText(3) }), { t: 'abcd' })).toEqual({ t: { key: 'validation.tooLong', params: { max: 3 } } });
  });
});

describe('identityNumberSchema', () => {
  it('outputs 12 digits', () => {
    expect(identityNumberSchema.parse(`${digits.slice(2, 8)}-${digits.slice(8)}`)).toBe(digits);
  });
  it('maps each failure to its key', () => {
    const wrongCheck = digits.slice(0, 11) + String((Number(digits[11]) + 1) % 10);
    const s = z.object({ n: identityNumberSchema });
    expect(errorsOf(s, { n: '12345' }).n?.key).toBe('validation.identityNumber.format');
    expect(errorsOf(s, { n: wrongCheck }).n?.key).toBe('validation.identityNumber.checkDigit');
    expect(errorsOf(s, { n: fictionalIdentityNumber('2099-01-01', 0) }).n?.key).toBe('validation.identityNumber.date');
    expect(errorsOf(s, {}).n?.key).toBe('validation.required');
  });
});

describe('personInputSchema', () => {
  it('accepts a number or a birth date, and strips forged fields', () => {
    expect(personInputSchema.parse({ ...person, isAdmin: true })).toEqual(person);
    expect(personInputSchema.parse({ firstName: 'A', lastName: 'B', birthDate: '2008-04-02', identityNumber: '' })).toEqual({
      firstName: 'A', lastName: 'B', birthDate: '2008-04-02',
    });
  });
  it('needs one of them, reported together with a missing name', () => {
    expect(errorsOf(personInputSchema, { firstName: 'A', identityNumber: ' ', birthDate: '' })).toEqual({
      lastName: { key: 'validation.required' },
      identityNumber: { key: 'validation.identityOrBirthDate' },
    });
  });
  it('checks the birth date and its agreement with the number', () => {
    expect(errorsOf(personInputSchema, { ...person, identityNumber: undefined, birthDate: '2008-02-30' })).toEqual({ birthDate: { key: 'validation.invalidDate' } });
    expect(errorsOf(personInputSchema, { ...person, identityNumber: undefined, birthDate: '2099-01-01' })).toEqual({ birthDate: { key: 'validation.birthDateInFuture' } });
    expect(errorsOf(personInputSchema, { ...person, birthDate: '2008-04-03' })).toEqual({ birthDate: { key: 'validation.invalidDate' } });
    expect(personInputSchema.parse({ ...person, birthDate: '2008-04-02' }).birthDate).toBe('2008-04-02');
  });
  it('rejects an invalid number and an over-long name', () => {
    expect(errorsOf(personInputSchema, { ...person, firstName: 'x'.repeat(101), identityNumber: '19990101-0001' })).toEqual({
      firstName: { key: 'validation.tooLong', params: { max: 100 } },
      identityNumber: { key: 'validation.identityNumber.checkDigit' },
    });
  });
});

describe('officerContactSchema', () => {
  it('trims and lowercases the email', () => {
    expect(officerContactSchema.parse(contact).email).toBe('lpo@polisen.se');
  });
  it('rejects bad phones and emails', () => {
    for (const phone of ['12345', 'ring mig', '070-123 45 67 ext 3', '+'.repeat(1) + '1'.repeat(21)]) {
      expect(errorsOf(officerContactSchema, { ...contact, phone }).phone?.key).toBe('validation.invalidPhone');
    }
    expect(errorsOf(officerContactSchema, { ...contact, phone: '' }).phone?.key).toBe('validation.required');
    expect(errorsOf(officerContactSchema, { ...contact, email: 'nope' }).email?.key).toBe('validation.invalidEmail');
    expect(errorsOf(officerContactSchema, { ...contact, email: '' }).email?.key).toBe('validation.required');
    expect(errorsOf(officerContactSchema, { ...contact, email: `${'a'.repeat(250)}@x.se` }).email).toEqual({ key: 'validation.tooLong', params: { max: 254 } });
  });
});

describe('policeReferralInputSchema', () => {
  it('parses a form post with defaults', () => {
    const parsed = policeReferralInputSchema.parse({ ...referral, personWantsOut: 'on', urgency: '', role: 'administrator' });
    expect(parsed).toMatchObject({ urgency: 'normal', personWantsOut: true, threatOrProtectionNeed: false, consentToContact: false });
    expect(parsed).not.toHaveProperty('role');
  });
  it('reports nested paths and unknown enum values', () => {
    expect(errorsOf(policeReferralInputSchema, { ...referral, urgency: 'yesterday', person: { ...person, identityNumber: 'x' }, idempotencyKey: 'abc' })).toEqual({
      urgency: { key: 'validation.invalidOption' },
      'person.identityNumber': { key: 'validation.identityNumber.format' },
      idempotencyKey: { key: 'validation.invalidUuid' },
    });
  });
  it('reports missing fields and over-long reasons', () => {
    const { reason: _reason, contact: _contact, ...rest } = referral;
    expect(errorsOf(policeReferralInputSchema, rest)).toEqual({ reason: { key: 'validation.required' }, contact: { key: 'validation.required' } });
    expect(errorsOf(policeReferralInputSchema, { ...referral, reason: 'x'.repeat(4001) }).reason).toEqual({ key: 'validation.tooLong', params: { max: 4000 } });
  });
});

describe('triageDecisionInputSchema', () => {
  const base = { referralId: uuid };
  it('needs a programme to open a case and a reason for notForUs', () => {
    expect(triageDecisionInputSchema.parse({ ...base, decision: 'openCase', programme: 'sig', reason: '' })).toEqual({ ...base, decision: 'openCase', programme: 'sig' });
    expect(errorsOf(triageDecisionInputSchema, { ...base, decision: 'openCase', programme: '' })).toEqual({ programme: { key: 'validation.programmeRequired' } });
    expect(errorsOf(triageDecisionInputSchema, { ...base, decision: 'notForUs', reason: '  ' })).toEqual({ reason: { key: 'validation.reasonRequired' } });
    expect(triageDecisionInputSchema.parse({ ...base, decision: 'passToSig' }).decision).toBe('passToSig');
  });
  it('rejects unknown decisions and programmes', () => {
    expect(errorsOf(triageDecisionInputSchema, { ...base, decision: 'jail' })).toEqual({ decision: { key: 'validation.invalidOption' } });
    expect(errorsOf(triageDecisionInputSchema, { ...base, decision: 'openCase', programme: 'boot camp' })).toEqual({ programme: { key: 'validation.invalidOption' } });
    expect(errorsOf(triageDecisionInputSchema, { decision: 'passToSig' })).toEqual({ referralId: { key: 'validation.required' } });
  });
});

describe('loginInputSchema and listQuerySchema', () => {
  it('normalises the email and keeps the password as typed', () => {
    expect(loginInputSchema.parse({ email: ' A@B.SE', password: ' pw ' })).toEqual({ email: 'a@b.se', password: ' pw ' });
    expect(errorsOf(loginInputSchema, { email: 'a@b.se', password: '' })).toEqual({ password: { key: 'validation.required' } });
    expect(errorsOf(loginInputSchema, { email: 'a@b.se', password: 'x'.repeat(201) }).password?.key).toBe('validation.tooLong');
  });
  it('coerces and bounds the limit', () => {
    expect(listQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(listQuerySchema.parse({ limit: '20', cursor: 'abc' })).toEqual({ limit: 20, cursor: 'abc' });
    expect(listQuerySchema.parse({ limit: '' })).toEqual({ limit: 50 });
    for (const limit of ['0', '101', '2.5', 'many']) expect(errorsOf(listQuerySchema, { limit }).limit?.key).toBe('validation.invalid');
  });
});

describe('issueToMessage', () => {
  const first = (schema: z.ZodType, input: unknown) => {
    const result = schema.safeParse(input);
    if (result.success || !result.error.issues[0]) throw new Error('expected an issue');
    return issueToMessage(result.error.issues[0]);
  };
  it('maps plain zod issues (schemas without our keys)', () => {
    expect(first(z.object({ a: z.string().max(2) }), { a: 'abc' })).toEqual({ path: 'a', key: 'validation.tooLong', params: { max: 2 } });
    expect(first(z.object({ a: z.string().min(3) }), { a: 'a' })).toEqual({ path: 'a', key: 'validation.tooShort', params: { min: 3 } });
    expect(first(z.string().min(1), '').key).toBe('validation.required');
    expect(first(z.object({ a: z.object({ b: z.string() }) }), { a: {} })).toEqual({ path: 'a.b', key: 'validation.required' });
    expect(first(z.string(), 4).key).toBe('validation.invalid');
    expect(first(z.enum(['a', 'b']), 'c').key).toBe('validation.invalidOption');
    expect(first(z.literal('a'), 'c').key).toBe('validation.invalidOption');
    expect(first(z.email(), 'x').key).toBe('validation.invalidEmail');
    expect(first(z.uuid(), 'x').key).toBe('validation.invalidUuid');
    expect(first(z.iso.date(), 'x').key).toBe('validation.invalidDate');
    expect(first(z.string().regex(/a/), 'b').key).toBe('validation.invalid');
    expect(first(z.number().max(3), 4).key).toBe('validation.invalid');
    expect(first(z.number().min(3), 1).key).toBe('validation.invalid');
    expect(first(z.string().refine(() => false, 'free text'), 'b').key).toBe('validation.invalid');
  });
  it('passes our keys through; the root path is empty', () => {
    expect(first(z.string().refine(() => false, { error: 'validation.reasonRequired' }), 'x')).toEqual({ path: '', key: 'validation.reasonRequired' });
  });
  it('every key it can return is in the catalog list', () => {
    // 16 + 7 intake forms + 3 clock events (issue 5) + 6 cases (issue 6) + 4 support work (issue 7) + 2 report periods (issue 8)
    // + 2 police assessments (issue 6 item 3) + 1 transfer (issue 6 item 9)
    expect(validationKeys).toHaveLength(41);
    expect(new Set(validationKeys).size).toBe(41);
  });
});
