// Small-number suppression (issue 8): a count under the threshold (default 5) could point at a person, so it is
// shown as "<5" in every export and to everyone but the municipality's own staff. Zero is shown: "nobody" does
// not identify anyone. A duration statistic over fewer people than the threshold is suppressed too (a median of
// two is nearly one person's own time). Where a table shows totals, one suppressed cell in a row or column could
// be worked out by subtraction, so a second cell (the smallest other non-zero one, else the total) is suppressed
// with it: complementary suppression.
import type { ReportTableData, ShownCell, ShownTable, TableDefinition } from './report-tables.ts';

export const defaultSuppressionThreshold = 5;

export interface SuppressionPolicy {
  /** Counts 1 … threshold − 1 are suppressed. 0 or 1 turns suppression off. */
  threshold: number;
}

export const suppressed = 'suppressed' as const;

/** The text shown for a suppressed cell, e.g. "<5". */
export function suppressedLabel(threshold: number): string {
  return `<${threshold}`;
}

export function isSmallCount(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

type Grid = ShownCell[][];

/** Applies the policy to one table. `suppress: false` (the municipality's own staff on screen) returns it as is. */
export function suppressTable(definition: TableDefinition, data: ReportTableData, policy: SuppressionPolicy & { suppress: boolean }): ShownTable {
  const columns = definition.columns;
  const grid: Grid = data.rows.map((row) => columns.map((c) => row.cells[c.key] ?? null));
  const meta = { id: data.id, rowKeys: data.rows.map((r) => r.key), suppressedCells: 0 };
  if (!policy.suppress || policy.threshold <= 1) return toShown(meta, columns, grid);
  const t = policy.threshold;

  // 1. Primary: small counts, and statistics over too few people.
  grid.forEach((cells, r) => {
    columns.forEach((c, i) => {
      const value = cells[i];
      if (typeof value !== 'number') return;
      if (c.kind === 'count' && isSmallCount(value, t)) cells[i] = suppressed;
      if (c.kind === 'hours' && c.basedOn) {
        const n = data.rows[r]!.cells[c.basedOn];
        if (typeof n !== 'number' || n < t) cells[i] = suppressed;
      }
    });
  });

  // 2. Complementary: in a row with a total column, or a column with a total row, never leave one cell alone.
  const countColumns = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'count');
  const totalColumn = definition.totalColumn ? columns.findIndex((c) => c.key === definition.totalColumn) : -1;
  const totalRow = definition.totalRow ? data.rows.findIndex((r) => r.key === 'total') : -1;
  const lines: { cells: [number, number][]; total: [number, number] }[] = [];
  if (totalColumn >= 0) {
    grid.forEach((_, r) => {
      const parts = countColumns.filter(({ i }) => i !== totalColumn).map(({ i }) => [r, i] as [number, number]);
      lines.push({ cells: parts, total: [r, totalColumn] });
    });
  }
  if (totalRow >= 0) {
    for (const { i } of countColumns) {
      const parts = grid.map((_, r) => [r, i] as [number, number]).filter(([r]) => r !== totalRow);
      lines.push({ cells: parts, total: [totalRow, i] });
    }
  }
  for (let changed = true, rounds = 0; changed && rounds < 20; rounds++) {
    changed = false;
    for (const line of lines) {
      const hidden = line.cells.filter(([r, i]) => grid[r]![i] === suppressed);
      if (hidden.length !== 1 || grid[line.total[0]]![line.total[1]] === suppressed) continue;
      const candidates = line.cells
        .filter(([r, i]) => typeof grid[r]![i] === 'number' && (grid[r]![i] as number) > 0)
        .sort(([r1, i1], [r2, i2]) => (grid[r1]![i1] as number) - (grid[r2]![i2] as number));
      const [r, i] = candidates[0] ?? line.total;
      grid[r]![i] = suppressed;
      changed = true;
    }
  }
  return toShown(meta, columns, grid);
}

function toShown(meta: { id: string; rowKeys: string[]; suppressedCells: number }, columns: TableDefinition['columns'], grid: Grid): ShownTable {
  let count = 0;
  const rows = grid.map((cells, r) => ({
    key: meta.rowKeys[r]!,
    cells: Object.fromEntries(
      cells.map((value, i) => {
        if (value === suppressed) count++;
        return [columns[i]!.key, value];
      }),
    ),
  }));
  return { id: meta.id, rows, suppressedCells: count };
}
