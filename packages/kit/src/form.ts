// HTML forms post flat names; the API's schemas expect objects. `person.firstName` becomes
// { person: { firstName } }. Unchecked checkboxes send nothing, which the domain's `checkbox` reads as false.
// A group of checkboxes posts one name many times (`inviteeIds`): the action declares such names in `arrays` and
// gets every value, in order (an empty array when none is checked). Any other name keeps its last value, as before,
// so a single-valued field never turns into an array the API's schema would refuse.
export type FormObject = { [key: string]: string | string[] | FormObject };

const forbiddenKeys = new Set(['__proto__', 'prototype', 'constructor']);

export interface FormToObjectOptions {
  /** Full dotted names of the fields whose every value is kept. */
  arrays?: readonly string[];
}

const isNested = (v: FormObject[string] | undefined): v is FormObject => typeof v === 'object' && !Array.isArray(v);

function parentOf(out: FormObject, parts: string[]): FormObject {
  let node = out;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = isNested(next) ? next : (node[part] = {});
  }
  return node;
}

const pathOf = (name: string) => {
  const parts = name.split('.');
  return parts.some((p) => p === '' || forbiddenKeys.has(p)) ? null : parts;
};

export function formToObject(form: FormData, options: FormToObjectOptions = {}): FormObject {
  const arrays = new Set(options.arrays ?? []);
  const out: FormObject = {};
  for (const name of arrays) {
    const parts = pathOf(name);
    if (parts) parentOf(out, parts)[parts.at(-1)!] = [];
  }
  for (const [name, value] of form) {
    if (typeof value !== 'string') continue;
    const parts = pathOf(name);
    if (!parts) continue;
    const node = parentOf(out, parts);
    const key = parts.at(-1)!;
    const existing = node[key];
    if (arrays.has(name) && Array.isArray(existing)) existing.push(value);
    else node[key] = value;
  }
  return out;
}

/** Flattens back for re-filling a form after a failed submission; an array's values get the API's paths
 * (`inviteeIds.0`, `inviteeIds.1`), the same paths its field errors name. */
export function flattenObject(obj: FormObject, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value)) value.forEach((v, i) => (out[`${name}.${i}`] = v));
    else Object.assign(out, flattenObject(value, name));
  }
  return out;
}

/** The values of an array field from flattened values (`inviteeIds.0`, …), to re-check a group of checkboxes. */
export function flattenedArray(values: Record<string, string>, name: string): string[] {
  return Object.entries(values)
    .filter(([key]) => key.startsWith(`${name}.`) && /^\d+$/.test(key.slice(name.length + 1)))
    .sort(([a], [b]) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)))
    .map(([, v]) => v);
}

/** The id of the input for an API field path ("person.firstName" → "person-firstName"); a radio group's
 * first radio carries the bare name, so the error summary's link lands on the group. */
export const fieldId = (path: string) => path.replaceAll('.', '-');

/** Field errors as the error summary lists them. */
export const summaryErrors = (errors: Record<string, string>) =>
  Object.entries(errors).map(([path, message]) => ({ fieldId: fieldId(path), message }));
