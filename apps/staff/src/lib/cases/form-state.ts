// The posted values and field errors of one form among several on a case page.
type Failure = { form?: string; values?: Record<string, string>; fieldErrors?: Record<string, string> } | null | undefined;

export function formState(form: Failure, name: string) {
  const mine = form?.form === name;
  return {
    errors: (mine ? form?.fieldErrors : undefined) ?? ({} as Record<string, string>),
    values: (mine ? form?.values : undefined) ?? ({} as Record<string, string>),
  };
}
