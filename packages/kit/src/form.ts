// HTML forms post flat names; the API's schemas expect objects. `person.firstName` becomes
// { person: { firstName } }. Unchecked checkboxes send nothing, which the domain's `checkbox` reads as false.
export type FormObject = { [key: string]: string | FormObject };

const forbiddenKeys = new Set(['__proto__', 'prototype', 'constructor']);

export function formToObject(form: FormData): FormObject {
  const out: FormObject = {};
  for (const [name, value] of form) {
    if (typeof value !== 'string') continue;
    const parts = name.split('.');
    if (parts.some((p) => p === '' || forbiddenKeys.has(p))) continue;
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = typeof next === 'object' ? next : (node[part] = {});
    }
    node[parts.at(-1)!] = value;
  }
  return out;
}

/** Flattens back for re-filling a form after a failed submission. */
export function flattenObject(obj: FormObject, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[name] = value;
    else Object.assign(out, flattenObject(value, name));
  }
  return out;
}

/** The id of the input for an API field path ("person.firstName" → "person-firstName"); a radio group's
 * first radio carries the bare name, so the error summary's link lands on the group. */
export const fieldId = (path: string) => path.replaceAll('.', '-');

/** Field errors as the error summary lists them. */
export const summaryErrors = (errors: Record<string, string>) =>
  Object.entries(errors).map(([path, message]) => ({ fieldId: fieldId(path), message }));
