// The values a form shows: after a failed post the typed ones, from a reopened draft the saved ones, and the
// first time the signed-in sender's own contact details.
export function formValues(
  data: { draftValues: Record<string, string> | null; contact: { name: string; email: string } },
  form: { values?: Record<string, string> } | null | undefined,
): Record<string, string> {
  return form?.values ?? data.draftValues ?? { 'contact.name': data.contact.name, 'contact.email': data.contact.email };
}
