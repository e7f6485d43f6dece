// Components ship as source; the apps compile them. Styles: import '@utvag/ui/styles.css' once in the root layout.
export { default as AppShell } from './AppShell.svelte';
export { default as Button } from './Button.svelte';
export { default as CheckboxField } from './CheckboxField.svelte';
export { default as DataTable } from './DataTable.svelte';
export { default as DescriptionList } from './DescriptionList.svelte';
export { default as ErrorSummary } from './ErrorSummary.svelte';
export { default as Field } from './Field.svelte';
export { default as LinkButton } from './LinkButton.svelte';
export { default as Notice } from './Notice.svelte';
export { default as PageHeader } from './PageHeader.svelte';
export { default as RadioGroup } from './RadioGroup.svelte';
export { default as SelectField } from './SelectField.svelte';
export { default as StatusBadge } from './StatusBadge.svelte';
