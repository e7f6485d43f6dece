import { describe, expect, it } from 'vitest';
import { fieldId, flattenedArray, flattenObject, formToObject, summaryErrors } from './form.ts';

describe('formToObject', () => {
  it('nests dotted names and keeps strings', () => {
    const form = new FormData();
    form.set('person.firstName', 'Alva');
    form.set('person.identityNumber', '20080517-9802');
    form.set('reason', 'x');
    expect(formToObject(form)).toEqual({ person: { firstName: 'Alva', identityNumber: '20080517-9802' }, reason: 'x' });
  });

  it('drops prototype-polluting and empty path segments', () => {
    const form = new FormData();
    form.set('__proto__.admin', 'yes');
    form.set('a..b', 'x');
    form.set('constructor.prototype.x', 'y');
    const out = formToObject(form);
    expect(out).toEqual({});
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('keeps every value of a field declared as an array, in order', () => {
    const form = new FormData();
    form.set('caseId', 'c1');
    for (const id of ['a', 'b', 'c']) form.append('inviteeIds', id);
    expect(formToObject(form, { arrays: ['inviteeIds'] })).toEqual({ caseId: 'c1', inviteeIds: ['a', 'b', 'c'] });
  });

  it('gives a declared array one value as an array, and none as an empty array', () => {
    const one = new FormData();
    one.append('inviteeIds', 'a');
    expect(formToObject(one, { arrays: ['inviteeIds'] })).toEqual({ inviteeIds: ['a'] });
    expect(formToObject(new FormData(), { arrays: ['inviteeIds', 'meeting.organisationIds'] })).toEqual({ inviteeIds: [], meeting: { organisationIds: [] } });
  });

  it('keeps dotted array names nested, and single-valued fields single (the last value) even when repeated', () => {
    const form = new FormData();
    form.append('item.organisationIds', 'o1');
    form.append('item.organisationIds', 'o2');
    form.append('item.title', 'first');
    form.append('item.title', 'second');
    expect(formToObject(form, { arrays: ['item.organisationIds'] })).toEqual({ item: { organisationIds: ['o1', 'o2'], title: 'second' } });
    // Without the declaration nothing changes: the last value wins, as before.
    expect(formToObject(form)).toEqual({ item: { organisationIds: 'o2', title: 'second' } });
  });

  it('refuses prototype-polluting array declarations too', () => {
    const form = new FormData();
    form.append('__proto__', 'x');
    expect(formToObject(form, { arrays: ['__proto__', 'a..b'] })).toEqual({});
  });

  it('flattens arrays to the API paths and reads them back', () => {
    const flat = flattenObject({ inviteeIds: ['a', 'b'], place: 'Rum 2' });
    expect(flat).toEqual({ 'inviteeIds.0': 'a', 'inviteeIds.1': 'b', place: 'Rum 2' });
    expect(flattenedArray({ ...flat, 'inviteeIdsX.0': 'z', 'inviteeIds.x': 'y' }, 'inviteeIds')).toEqual(['a', 'b']);
    expect(flattenedArray({}, 'inviteeIds')).toEqual([]);
  });

  it('round-trips through flattenObject', () => {
    const values = { person: { firstName: 'A', lastName: 'B' }, reason: 'r' };
    expect(flattenObject(values)).toEqual({ 'person.firstName': 'A', 'person.lastName': 'B', reason: 'r' });
  });
});

describe('field ids', () => {
  it('turns an API path into an element id and a summary link target', () => {
    expect(fieldId('person.firstName')).toBe('person-firstName');
    expect(summaryErrors({ reason: 'Fyll i' })).toEqual([{ fieldId: 'reason', message: 'Fyll i' }]);
  });
});
