// Bad input of the support forms: a clear key on the field, in the shape the forms post.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../validation-keys.ts';
import { budgetInputSchema, interventionInputSchema, meetingInviteInputSchema, networkMeetingInputSchema, planActionInputSchema } from './schemas.ts';

const id = '11111111-1111-4111-8111-111111111111';
const intervention = {
  caseId: id, decisionId: id, interventionTypeId: id, providerId: '', startDate: '2026-01-15', plannedEndDate: '2026-06-30',
  actualEndDate: '', costKind: 'perDay', price: '2 800', vatHandling: 'none', vatRateBasisPoints: '0', note: '',
};
const errorsOf = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? {} : fieldErrors(r.error as never);
};

describe('intervention input', () => {
  it('takes kronor as typed and gives öre', () => {
    const r = interventionInputSchema.parse(intervention);
    expect(r).toMatchObject({ price: 280_000, providerId: undefined, actualEndDate: undefined, vatRateBasisPoints: 0 });
    expect(interventionInputSchema.parse({ ...intervention, price: 1234.5 }).price).toBe(123_450);
  });
  it('refuses a negative price, an end before the start and a missing decision', () => {
    expect(errorsOf(interventionInputSchema, { ...intervention, price: '-100' })).toEqual({ price: { key: 'validation.negativeAmount' } });
    expect(errorsOf(interventionInputSchema, { ...intervention, price: 'mycket' })).toEqual({ price: { key: 'validation.invalidAmount' } });
    expect(errorsOf(interventionInputSchema, { ...intervention, plannedEndDate: '2026-01-14' })).toEqual({ plannedEndDate: { key: 'validation.endBeforeStart' } });
    expect(errorsOf(interventionInputSchema, { ...intervention, actualEndDate: '2025-12-31' })).toEqual({ actualEndDate: { key: 'validation.endBeforeStart' } });
    expect(errorsOf(interventionInputSchema, { ...intervention, decisionId: '' })).toEqual({ decisionId: { key: 'validation.required' } });
    expect(errorsOf(interventionInputSchema, { ...intervention, startDate: '2026-02-30' })).toEqual({ startDate: { key: 'validation.invalidDate' } });
    expect(errorsOf(interventionInputSchema, { ...intervention, vatRateBasisPoints: '1900' })).toEqual({ vatRateBasisPoints: { key: 'validation.invalidOption' } });
  });
});

describe('other support inputs', () => {
  it('budget: year and amount', () => {
    expect(budgetInputSchema.parse({ programme: 'adultExitProgramme', year: '2026', amount: '3 500 000' })).toEqual({
      programme: 'adultExitProgramme', year: 2026, amount: 350_000_000, expectedVersion: 0,
    });
    expect(errorsOf(budgetInputSchema, { programme: 'adultExitProgramme', year: '26', amount: '-1' })).toEqual({
      year: { key: 'validation.invalidYear' }, amount: { key: 'validation.negativeAmount' },
    });
  });
  it('plan action: due date not before start', () => {
    expect(errorsOf(planActionInputSchema, { caseId: id, text: 'x', actor: 'police', startDate: '2026-02-01', dueDate: '2026-01-01' })).toEqual({
      dueDate: { key: 'validation.endBeforeStart' },
    });
    expect(errorsOf(planActionInputSchema, { caseId: id, text: 'x', actor: 'gang' })).toEqual({ actor: { key: 'validation.invalidOption' } });
  });
  it('meeting: a real local time, invitees as one or many ids', () => {
    expect(networkMeetingInputSchema.parse({ caseId: id, scheduledAt: '2026-03-01T09:30', place: 'Rum 2', inviteeIds: id }).inviteeIds).toEqual([id]);
    expect(networkMeetingInputSchema.parse({ caseId: id, scheduledAt: '2026-03-01 09:30', place: 'Rum 2' }).scheduledAt).toBe('2026-03-01T09:30');
    expect(errorsOf(networkMeetingInputSchema, { caseId: id, scheduledAt: '2026-03-01 25:00', place: 'Rum 2' })).toEqual({
      scheduledAt: { key: 'validation.invalidDateTime' },
    });
  });

  it('inviting more: one id or several, at least one', () => {
    const other = '22222222-2222-4222-8222-222222222222';
    expect(meetingInviteInputSchema.parse({ meetingId: id, userIds: id }).userIds).toEqual([id]);
    expect(meetingInviteInputSchema.parse({ meetingId: id, userIds: [id, other] }).userIds).toEqual([id, other]);
    expect(errorsOf(meetingInviteInputSchema, { meetingId: id, userIds: [] })).toEqual({ userIds: { key: 'validation.required' } });
    expect(errorsOf(meetingInviteInputSchema, { meetingId: id })).toEqual({ userIds: { key: 'validation.required' } });
    expect(Object.keys(errorsOf(meetingInviteInputSchema, { meetingId: id, userIds: ['x'] }))[0]).toMatch(/^userIds/);
  });
});
