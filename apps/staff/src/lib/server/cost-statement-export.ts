// The state-funding cost statement (issue 7 item 4) as an export document for @utvag/export: translated
// labels, kronor with two decimals as numbers (so the XLSX sums), and only the application's fields.
import type { ExportDocument, ExportTable } from '@utvag/export';
import { formatDate, getTranslator, type Locale } from '@utvag/i18n';

interface Statement {
  reference: string;
  programme: string;
  period: { from: string; to: string };
  policeJudgementOn: string | null;
  meetsCriteria: boolean;
  lines: { type: string; provider: string | null; from: string; to: string; days: number; costKind: string; netOre: number; vatOre: number; totalOre: number }[];
  totals: { netOre: number; vatOre: number; totalOre: number };
}

/** Öre as a number of kronor with two decimals; exact for any amount the statement can hold. */
const kronor = (ore: number) => Number((ore / 100).toFixed(2));

export function costStatementDocument(s: Statement, municipalityName: string, locale: Locale): ExportDocument {
  const t = getTranslator(locale);
  const c = (key: string) => t(`support.stateFunding.col.${key}`);
  const table: ExportTable = {
    title: t('support.stateFunding.statementTitle'),
    columns: [
      { key: 'type', label: c('type') },
      { key: 'provider', label: c('provider') },
      { key: 'from', label: c('from') },
      { key: 'to', label: c('to') },
      { key: 'days', label: c('days') },
      { key: 'costKind', label: c('costKind') },
      { key: 'net', label: c('net') },
      { key: 'vat', label: c('vat') },
      { key: 'total', label: c('total') },
    ],
    rows: [
      ...s.lines.map((l) => ({
        type: l.type,
        provider: l.provider,
        from: l.from,
        to: l.to,
        days: l.days,
        costKind: t(`support.costKind.${l.costKind}`),
        net: kronor(l.netOre),
        vat: kronor(l.vatOre),
        total: kronor(l.totalOre),
      })),
      { type: t('support.stateFunding.total'), provider: null, from: null, to: null, days: null, costKind: null, net: kronor(s.totals.netOre), vat: kronor(s.totals.vatOre), total: kronor(s.totals.totalOre) },
    ],
  };
  return {
    title: t('support.stateFunding.statementTitle'),
    subtitle: [
      `${t('support.stateFunding.municipality')}: ${municipalityName}`,
      `${t('support.stateFunding.reference')}: ${s.reference} · ${t(`enum.programme.${s.programme}`)}`,
      `${t('support.stateFunding.period')}: ${formatDate(s.period.from, locale)} – ${formatDate(s.period.to, locale)}`,
      `${t('support.stateFunding.meetsCriteria')}: ${s.meetsCriteria ? t('support.stateFunding.yes') : t('support.stateFunding.no')}` +
        (s.policeJudgementOn ? ` · ${t('support.stateFunding.policeJudgementOn')}: ${formatDate(s.policeJudgementOn, locale)}` : ''),
    ],
    tables: [table],
  };
}
