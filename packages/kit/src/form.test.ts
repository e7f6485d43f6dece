import { describe, expect, it } from 'vitest';
import { fieldId, flattenObject, formToObject, summaryErrors } from './form.ts';

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
