// The follow-up report's tables (issue 8, DOMAIN.md §8): which rows and columns each has, so the SQL, the API, the
// dashboard, the exports and the tests build the same table. Labels are i18n keys derived from the ids
// (followUp.table.<id>, followUp.row.<key>, followUp.column.<key>).
import { reportingAgeBands } from './age-bands.ts';
import { genders, terminationReasons } from './case.ts';
import { clockCodes } from './clocks.ts';
import { intakeSources } from './intake.ts';
import { programmeCodes } from './programmes.ts';
import { referralOutcomes } from './referral.ts';
import { interventionTypeCodes } from './support/catalogue.ts';

/** count: a number of people or cases (suppressible); hours: a duration statistic over the people in `basedOn`;
 * kronor: money in whole kronor, summed like counts but never suppressed (a sum of costs names nobody, and
 * budgets and costs per programme are public in the committee's own reports). */
export type ColumnKind = 'count' | 'hours' | 'kronor';

export interface ColumnDefinition {
  key: string;
  kind: ColumnKind;
  /** For a statistic: the count column of the same row that says how many people it is computed over. */
  basedOn?: string;
}

export interface TableDefinition {
  id: string;
  rowKeys: readonly string[];
  columns: readonly ColumnDefinition[];
  /** The column that sums the row's other count columns. */
  totalColumn?: string;
  /** The last row (key 'total') sums the others. */
  totalRow: boolean;
}

export type Cell = number | null;
export interface ReportTableData {
  id: string;
  rows: { key: string; cells: Record<string, Cell> }[];
}

export type ShownCell = number | null | 'suppressed';
export interface ShownTable {
  id: string;
  rows: { key: string; cells: Record<string, ShownCell> }[];
  suppressedCells: number;
}

const count = (key: string): ColumnDefinition => ({ key, kind: 'count' });
const kronor = (key: string): ColumnDefinition => ({ key, kind: 'kronor' });
/** Kinds that add up across rows and columns (totals). */
const summed = (c: ColumnDefinition) => c.kind === 'count' || c.kind === 'kronor';

/** Referrals received in the period, by where they came from and what triage decided (pending: not yet). */
export const referralsBySourceTable = {
  id: 'referralsBySource',
  rowKeys: [...intakeSources, 'total'],
  columns: [...referralOutcomes.map(count), count('pending'), count('received')],
  totalColumn: 'received',
  totalRow: true,
} as const satisfies TableDefinition;

/** Time from receipt to first contact and to the triage decision (referrals received in the period), and from
 * first contact to a signed case decision (decisions signed in the period, DOMAIN.md §9.2). */
export const responseTimesTable = {
  id: 'responseTimes',
  rowKeys: ['firstContact', 'decision', 'caseDecision'],
  columns: [
    count('measured'),
    { key: 'medianHours', kind: 'hours', basedOn: 'measured' },
    { key: 'p90Hours', kind: 'hours', basedOn: 'measured' },
  ],
  totalRow: false,
} as const satisfies TableDefinition;

/** The intake clocks (clocks.ts) of referrals received in the period, as they stood at the period's end. */
export const clockOutcomes = ['metOnTime', 'metLate', 'missed', 'running'] as const;
export const clocksTable = {
  id: 'clocks',
  rowKeys: clockCodes,
  columns: [...clockOutcomes.map(count), count('total')],
  totalColumn: 'total',
  totalRow: false,
} as const satisfies TableDefinition;

/** Cases per programme: initiated in the period, closed in it (reached the goal, or terminated), open at its end.
 * A case closed before outcomes were recorded counts as completed. */
export const caseFlowTable = {
  id: 'caseFlow',
  rowKeys: [...programmeCodes, 'total'],
  columns: [count('initiated'), count('completed'), count('terminated'), count('openAtEnd')],
  totalRow: true,
} as const satisfies TableDefinition;

/** DOMAIN.md §8: initiated and terminated cases by age and gender. Age: the reporting band at the case's start. */
const byAgeAndGender = {
  rowKeys: [...reportingAgeBands.map((b) => b.id), 'unknownAge', 'total'],
  columns: [...genders.map(count), count('total')],
  totalColumn: 'total',
  totalRow: true,
} as const;
export const casesInitiatedByAgeAndGenderTable = { id: 'casesInitiatedByAgeAndGender', ...byAgeAndGender } as const satisfies TableDefinition;
export const casesClosedByAgeAndGenderTable = { id: 'casesClosedByAgeAndGender', ...byAgeAndGender } as const satisfies TableDefinition;
export const casesOpenByAgeAndGenderTable = { id: 'casesOpenByAgeAndGender', ...byAgeAndGender } as const satisfies TableDefinition;

/** Cases terminated in the period (closed without reaching the goal), by reason and programme. */
export const terminationReasonsTable = {
  id: 'terminationReasons',
  rowKeys: [...terminationReasons, 'total'],
  columns: [...programmeCodes.map(count), count('total')],
  totalColumn: 'total',
  totalRow: true,
} as const satisfies TableDefinition;

/** DOMAIN.md §10: of the cases closed in the period, how many people came back (a new referral or case) within
 * 12 months of the closing. For a recent period the 12 months have not all passed yet. */
export const returnsTable = {
  id: 'returnsWithin12Months',
  rowKeys: [...programmeCodes, 'total'],
  columns: [count('closed'), count('cameBack')],
  totalRow: true,
} as const satisfies TableDefinition;

/** DOMAIN.md §7–8: what the interventions cost in the period (VAT included, accrued day by day as in support/cost.ts)
 * per programme, against the programme's budget for the period (each year's budget in proportion to the period's
 * days in that year). The programme is the case's programme at the time of the report. */
export const costsByProgrammeTable = {
  id: 'costsByProgramme',
  rowKeys: [...programmeCodes, 'total'],
  columns: [count('interventions'), kronor('costKronor'), kronor('budgetKronor')],
  totalRow: true,
} as const satisfies TableDefinition;

/** The same costs by intervention type: the default catalogue's types, and the municipality's own types together. */
export const costsByTypeTable = {
  id: 'costsByType',
  rowKeys: [...interventionTypeCodes, 'ownTypes', 'total'],
  columns: [count('interventions'), kronor('costKronor')],
  totalRow: true,
} as const satisfies TableDefinition;

/** Police state funding (DOMAIN.md §7, §10): applications sent in the period, and decisions the police made in it. */
export const policeFundingTable = {
  id: 'policeFunding',
  rowKeys: [...programmeCodes, 'total'],
  columns: [count('applied'), count('granted'), count('denied'), kronor('grantedKronor')],
  totalRow: true,
} as const satisfies TableDefinition;

/** The dashboard's trends: one row per half-year (the rows are given when the table is built). */
export const trendsTable = {
  id: 'trends',
  rowKeys: [],
  columns: [count('received'), count('initiated'), count('closed')],
  totalRow: false,
} as const satisfies TableDefinition;

/** The report's tables in the order they are shown and exported. */
export const reportTables = [
  caseFlowTable,
  casesInitiatedByAgeAndGenderTable,
  casesClosedByAgeAndGenderTable,
  casesOpenByAgeAndGenderTable,
  terminationReasonsTable,
  returnsTable,
  referralsBySourceTable,
  responseTimesTable,
  clocksTable,
  costsByProgrammeTable,
  costsByTypeTable,
  policeFundingTable,
] as const satisfies readonly TableDefinition[];
export type ReportTableId = (typeof reportTables)[number]['id'];
export const exportableTableIds = [
  'caseFlow',
  'casesInitiatedByAgeAndGender',
  'casesClosedByAgeAndGender',
  'casesOpenByAgeAndGender',
  'terminationReasons',
  'returnsWithin12Months',
  'referralsBySource',
  'responseTimes',
  'clocks',
  'costsByProgramme',
  'costsByType',
  'policeFunding',
  'trends',
] as const satisfies readonly (ReportTableId | 'trends')[];

export function tableDefinition(id: string): TableDefinition {
  const found = ([...reportTables, trendsTable] as readonly TableDefinition[]).find((t) => t.id === id);
  if (!found) throw new RangeError(`Unknown report table ${id}`);
  return found;
}

/**
 * Builds a table from aggregate entries (row key, column key, value) as SQL returns them: missing cells are 0,
 * entries outside the definition are ignored, and the total column and total row are summed here so they always
 * agree with the cells.
 */
export function tableFromEntries(
  definition: TableDefinition,
  entries: readonly { row: string; column: string; value: number | null }[],
  rowKeys: readonly string[] = definition.rowKeys,
): ReportTableData {
  const rows = rowKeys.map((key) => ({
    key,
    cells: Object.fromEntries(definition.columns.map((c) => [c.key, summed(c) ? 0 : null])) as Record<string, Cell>,
  }));
  const rowOf = new Map(rows.map((r) => [r.key, r]));
  const known = new Set(definition.columns.map((c) => c.key));
  for (const e of entries) {
    const row = rowOf.get(e.row);
    if (row && known.has(e.column) && e.column !== definition.totalColumn && e.row !== 'total') row.cells[e.column] = e.value;
  }
  const counts = definition.columns.filter((c) => c.kind === 'count' && c.key !== definition.totalColumn);
  if (definition.totalColumn) {
    for (const row of rows) row.cells[definition.totalColumn] = counts.reduce((sum, c) => sum + (row.cells[c.key] ?? 0), 0);
  }
  if (definition.totalRow) {
    const total = rowOf.get('total')!;
    for (const c of definition.columns.filter(summed)) {
      total.cells[c.key] = rows.filter((r) => r.key !== 'total').reduce((sum, r) => sum + (r.cells[c.key] ?? 0), 0);
    }
  }
  return { id: definition.id, rows };
}

/** The i18n key of a row label: intervention types keep the catalogue's names (support.interventionType). */
export function reportRowLabelKey(key: string): string {
  return (interventionTypeCodes as readonly string[]).includes(key) ? `support.interventionType.${key}` : `followUp.row.${key}`;
}
