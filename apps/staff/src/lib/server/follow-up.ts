// The follow-up pages' server side, shared by /uppfoljning (the municipality) and /uppfoljning/region (a region):
// reads the period from the query string (a plain GET form, so it works without JavaScript), calls the API in
// process, and turns each table into what the page shows: translated labels, formatted cells, a server-drawn chart.
import { error } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { describeError, isAllowed, type Action } from '@utvag/api';
import {
  isStorablePeriod,
  lastCompletedHalfYear,
  periodPresets,
  presetOf,
  reportRowLabelKey,
  suppressedLabel,
  tableDefinition,
  type ShownTable,
} from '@utvag/domain';
import { formatDateTime, getTranslator, type Locale, type Translate } from '@utvag/i18n';
import { callFromForm } from '@utvag/portal-kit/server';
import { callerFor } from './portal';
import { chartSvg, type ChartSpec } from './charts';

export type FollowUpKind = 'municipality' | 'region';

/** Columns that are sums, sample sizes or on another scale than the chart's (a count beside kronor): in the table,
 * not drawn as series. */
const notCharted = new Set(['received', 'total', 'measured', 'interventions', 'grantedKronor']);
const chartKind: Record<string, ChartSpec['kind']> = {
  caseFlow: 'bar',
  casesInitiatedByAgeAndGender: 'stackedBar',
  casesClosedByAgeAndGender: 'stackedBar',
  casesOpenByAgeAndGender: 'stackedBar',
  terminationReasons: 'stackedBar',
  returnsWithin12Months: 'bar',
  referralsBySource: 'stackedBar',
  responseTimes: 'bar',
  clocks: 'stackedBar',
  costsByProgramme: 'bar',
  costsByType: 'bar',
  policeFunding: 'bar',
  trends: 'line',
};

function presentTable(table: ShownTable, t: Translate, locale: Locale, threshold: number, exportBase: string | null) {
  const definition = tableDefinition(table.id);
  const number = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 });
  const rowLabel = (key: string) => {
    const half = /^(\d{4})-H([12])$/.exec(key);
    return half ? t('followUp.halfYear', { year: half[1], half: half[2] }) : t(reportRowLabelKey(key));
  };
  const columns = definition.columns.map((c) => ({ key: c.key, label: t(`followUp.column.${c.key}`) }));
  const rows = table.rows.map((row) => ({
    key: row.key,
    label: rowLabel(row.key),
    cells: definition.columns.map((c) => {
      const value = row.cells[c.key];
      if (value === 'suppressed') return { text: suppressedLabel(threshold), spoken: t('followUp.suppressedCell', { threshold }) };
      if (value === null || value === undefined) return { text: '–', spoken: null };
      return { text: number.format(value), spoken: null };
    }),
  }));
  const charted = table.rows.filter((r) => r.key !== 'total');
  const series = definition.columns
    .filter((c) => !notCharted.has(c.key) || (table.id === 'trends' && c.key === 'received'))
    .map((c) => ({
      name: t(`followUp.column.${c.key}`),
      values: charted.map((r) => {
        const v = r.cells[c.key];
        return typeof v === 'number' ? v : null;
      }),
    }));
  const title = t(`followUp.table.${table.id}.title`);
  return {
    id: table.id,
    title,
    rowHeader: t(`followUp.table.${table.id}.rowHeader`),
    columns,
    rows,
    chart: chartSvg({ kind: chartKind[table.id] ?? 'bar', categories: charted.map((r) => rowLabel(r.key)), series }),
    exports: exportBase
      ? [
          { href: `${exportBase}&format=csv&table=${table.id}`, label: t('followUp.exports.forTable', { format: 'CSV', table: title }), short: 'CSV' },
          { href: `${exportBase}&format=xlsx&table=${table.id}`, label: t('followUp.exports.forTable', { format: 'Excel', table: title }), short: 'Excel' },
        ]
      : [],
  };
}

export async function loadFollowUp(locals: App.Locals, url: URL, kind: FollowUpKind) {
  const t = getTranslator(locals.locale);
  const readAction: Action = kind === 'region' ? 'regionalReport.read' : 'followUpReport.read';
  const exportAction: Action = kind === 'region' ? 'regionalReport.export' : 'followUpReport.export';
  const recomputePermission: Action = kind === 'region' ? 'regionalReport.recompute' : 'followUpReport.recompute';
  if (!locals.user || !isAllowed(locals.user.role, readAction)) error(403, t('followUp.notAllowed'));
  const now = new Date();
  const values = {
    preset: url.searchParams.get('preset') ?? '',
    from: url.searchParams.get('from') ?? '',
    to: url.searchParams.get('to') ?? '',
  };
  const given = values.preset || values.from || values.to;
  if (!given) values.preset = presetOf(lastCompletedHalfYear(now)) ?? '';
  const presets = periodPresets(now, now.getFullYear() - 4).map((p) => {
    const [year, half] = p.split('-');
    return { value: p, label: half ? t(`followUp.period.${half}`, { year }) : t('followUp.period.year', { year }) };
  });
  const caller = callerFor(locals);
  try {
    const report = kind === 'region' ? await caller.followUpReport.regional(values) : await caller.followUpReport.get(values);
    const threshold = report.suppression.threshold;
    const base = `${kind === 'region' ? '/uppfoljning/region' : '/uppfoljning'}/export?from=${report.period.from}&to=${report.period.to}`;
    const canExport = isAllowed(locals.user.role, exportAction);
    return {
      kind,
      presets,
      values: { preset: report.preset ?? '', from: report.period.from, to: report.period.to },
      fieldErrors: {} as Record<string, string>,
      report: {
        period: report.period,
        scope: report.scope,
        suppression: report.suppression,
        // When the figures were computed (issue 9): stored ones say when; a completed half-year can be recomputed.
        figures: {
          text: t(report.figures.stored ? 'followUp.figures.stored' : 'followUp.figures.live', {
            at: formatDateTime(report.figures.computedAt, locals.locale),
          }),
          recompute:
            isAllowed(locals.user.role, recomputePermission) && report.preset && isStorablePeriod(report.period, now)
              ? { action: `?preset=${report.preset}&/recompute` }
              : null,
        },
        label: suppressedLabel(threshold),
        tables: report.tables.map((table) => presentTable(table, t, locals.locale, threshold, canExport ? base : null)),
        trends: presentTable(report.trends, t, locals.locale, threshold, canExport ? base : null),
        exports: canExport
          ? { pdf: `${base}&format=pdf`, xlsx: `${base}&format=xlsx` }
          : null,
      },
    };
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const described = describeError(e, locals.locale);
    if (described.httpStatus !== 400) error(described.httpStatus, described.message);
    return { kind, presets, values, fieldErrors: described.fieldErrors ?? {}, report: null };
  }
}

/** GET …/export?format=&table=&from=&to=: the file, with small numbers suppressed, as an attachment. */
export async function exportResponse(locals: App.Locals, url: URL, kind: FollowUpKind): Promise<Response> {
  const input = Object.fromEntries(['format', 'table', 'preset', 'from', 'to'].map((k) => [k, url.searchParams.get(k) ?? '']));
  const caller = callerFor(locals);
  try {
    // Unchecked here on purpose: the procedure's schema validates the query string and names a bad field.
    const file = kind === 'region' ? await caller.followUpReport.regionalExport(input as never) : await caller.followUpReport.export(input as never);
    return new Response(Buffer.from(file.base64, 'base64'), {
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const described = describeError(e, locals.locale);
    error(described.httpStatus, described.message);
  }
}

/** POST ?preset=…&/recompute (issue 9): the municipality's, or the region's, stored figures of a completed half-year
 * computed again. */
export async function recomputeAction(locals: App.Locals, request: Request, kind: FollowUpKind) {
  const preset = String((await request.formData()).get('preset') ?? '');
  const caller = callerFor(locals);
  const result = await callFromForm(locals.locale, { preset }, () =>
    kind === 'region' ? caller.followUpReport.regionalRecompute({ preset }) : caller.followUpReport.recompute({ preset }),
  );
  if (!('ok' in result) || result.ok !== true) return result;
  return { recomputedAt: result.value.computedAt };
}
