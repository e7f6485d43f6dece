// [UNITMANAGER][REGIONAL][CASEWORKER][AXE][NO-JS] Issue 8: a unit manager opens the follow-up dashboard, picks a
// period with the plain GET form, reads every chart's numbers in the table beside it and downloads the exports;
// the regional account sees only suppressed sums; a case worker is refused. Zero axe violations, with and without
// JavaScript (the charts are drawn on the server).
import { lastCompletedHalfYear, presetOf } from '@utvag/domain';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations, describeViolations, submitAndWait } from './browser.ts';
import { postForm } from './forms.ts';
import { useHarness } from './harness.ts';

const h = useHarness();

async function expectNoViolations(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** Every table of the report: its caption, its header row and every row header, as a screen reader meets them. */
async function reportTables(page: Page) {
  return page.locator('main section table').evaluateAll((tables) =>
    tables.map((t) => ({
      caption: t.querySelector('caption')?.textContent?.trim() ?? '',
      columns: [...t.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent?.trim()),
      rowHeaders: [...t.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent?.trim()),
      cells: [...t.querySelectorAll('tbody td')].map((td) => td.textContent?.trim()),
    })),
  );
}

it('[UNITMANAGER][AXE] reads the half-year report as charts with accessible tables, changes the period and exports', async () => {
  const page = await h.pageAs('unitManager');
  // The nav link may be followed by SvelteKit's client router (no new document): wait for the address instead.
  await page.getByRole('navigation').getByRole('link', { name: 'Uppföljning' }).click();
  await page.waitForURL((url) => url.pathname === '/uppfoljning');
  await page.waitForLoadState('load');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Uppföljning');

  const tables = await reportTables(page);
  expect(tables.map((t) => t.caption)).toEqual([
    'Ärenden per program (tabell)',
    'Påbörjade ärenden efter ålder och kön (tabell)',
    'Avslutade ärenden efter ålder och kön (tabell)',
    'Öppna ärenden vid periodens slut efter ålder och kön (tabell)',
    'Avbrutna ärenden efter orsak och program (tabell)',
    'Återkomst inom 12 månader efter avslutat ärende (tabell)',
    'Hänvisningar efter källa och utfall (tabell)',
    'Tid från hänvisning till första kontakt och beslut (tabell)',
    'Tidsfrister som hölls och missades (tabell)',
    'Kostnader för insatser per program mot budget (tabell)',
    'Kostnader per typ av insats (tabell)',
    'Ansökningar om statlig ersättning från polisen (tabell)',
    'Utveckling per halvår (tabell)',
  ]);
  expect(tables[1]!.columns).toEqual(['Ålder vid start', 'Kvinnor', 'Män', 'Annat', 'Okänt kön', 'Totalt']);
  expect(tables[6]!.columns).toEqual(['Källa', 'Ärende öppnat', 'Till SIG', 'Ordinarie stöd', 'Inte aktuell', 'Inte beslutad', 'Inkomna']);
  expect(tables[6]!.rowHeaders).toEqual(['Polisen', 'Frivården', 'Skola', 'Direkt till socialtjänsten', 'Totalt']);
  expect(tables[9]!.columns).toEqual(['Program', 'Insatser', 'Kostnad (kr)', 'Budget för perioden (kr)']);
  // Costs by type use the catalogue's names, the municipality's own types in one row.
  expect(tables[10]!.rowHeaders).toContain('SiS-placering');
  expect(tables[10]!.rowHeaders.at(-2)).toBe('Kommunens egna insatstyper');
  expect(tables[12]!.rowHeaders).toHaveLength(8);
  // The municipality's own manager sees every number; the demo history has referrals in every half-year.
  expect(tables.flatMap((t) => t.cells).some((c) => c?.startsWith('<'))).toBe(false);
  // Each chart is an image with a name, drawn as SVG on the server, beside its table.
  const charts = page.locator('main [role="img"]');
  await expect(charts.count()).resolves.toBe(13);
  await expect(charts.first().getAttribute('aria-label')).resolves.toBe('Diagram: Ärenden per program. Samma siffror finns i tabellen.');
  await expect(page.locator('main [role="img"] svg').count()).resolves.toBe(13);
  await expectNoViolations(page);

  // A whole year instead: the GET form puts the period in the address.
  await page.getByLabel('Färdig period').selectOption({ label: `Hela ${new Date().getFullYear() - 1}` });
  await submitAndWait(page, () => page.getByRole('button', { name: 'Visa rapporten' }).click());
  expect(new URL(page.url()).searchParams.get('preset')).toBe(String(new Date().getFullYear() - 1));
  await expect(page.locator('main .scope').textContent()).resolves.toContain(`${new Date().getFullYear() - 1}-01-01 – ${new Date().getFullYear() - 1}-12-31`);

  // A range the wrong way round is refused at the field, with an error summary.
  await page.goto(`${h.staff.url}/uppfoljning?preset=&from=2026-03-01&to=2026-02-01`);
  await expect(page.locator('#to-error').textContent()).resolves.toContain('Periodens slutdatum kan inte vara före startdatumet.');
  await expect(page.locator('.error-summary').count()).resolves.toBe(1);
  await expectNoViolations(page);

  // Exports: CSV per table (small numbers suppressed even for the manager), the whole report as XLSX and PDF.
  await page.goto(`${h.staff.url}/uppfoljning`);
  const csvLink = page.getByRole('link', { name: 'CSV: Hänvisningar efter källa och utfall' });
  const csv = await page.request.get(new URL((await csvLink.getAttribute('href'))!, h.staff.url).toString());
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
  const rows: string[][] = parse(await csv.text(), { delimiter: ';', bom: true });
  expect(rows[0]![0]).toBe('Källa');
  for (const cell of rows.slice(1).flatMap((r) => r.slice(1))) expect(['1', '2', '3', '4']).not.toContain(cell);
  const pdf = await page.request.get(new URL((await page.getByRole('link', { name: 'Hela rapporten som PDF' }).getAttribute('href'))!, h.staff.url).toString());
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const xlsx = await page.request.get(new URL((await page.getByRole('link', { name: /Hela rapporten som Excel/ }).getAttribute('href'))!, h.staff.url).toString());
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  await page.context().close();
});

it('[UNITMANAGER][NO-JS] shows the charts, the tables and the period form without JavaScript', async () => {
  const page = await h.newPage({ javaScriptEnabled: false });
  const { logIn } = await import('./browser.ts');
  await logIn(page, h.staff.url, 'enhetschef@demo.utvag.se', 'Utvag-demo-2026');
  await page.goto(`${h.staff.url}/uppfoljning?preset=${new Date().getFullYear() - 1}-H2`);
  await expect(page.locator('main [role="img"] svg').count()).resolves.toBe(13);
  await expect(page.locator('main section table').count()).resolves.toBe(13);
  await page.getByLabel('Färdig period').selectOption('');
  await page.getByLabel('Från och med').fill('2025-01-01');
  await page.getByLabel('Till och med').fill('2025-03-31');
  await submitAndWait(page, () => page.getByRole('button', { name: 'Visa rapporten' }).click());
  await expect(page.locator('main .scope').textContent()).resolves.toContain('2025-01-01 – 2025-03-31');
  await page.context().close();
});

it('[REGIONAL][AXE] sees the region\'s sums with small numbers suppressed, and nothing else', async () => {
  const page = await h.pageAs('regional');
  // The regional account has no inbox: its start page is the regional view.
  expect(new URL(page.url()).pathname).toBe('/uppfoljning/region');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Regional uppföljning');
  await expect(page.locator('main .scope').textContent()).resolves.toContain('Grannby (demo)');
  const cells = (await reportTables(page)).flatMap((t) => t.cells);
  for (const cell of cells) expect(['1', '2', '3', '4']).not.toContain(cell);
  await expectNoViolations(page);
  const inbox = await page.goto(`${h.staff.url}/uppfoljning`);
  expect(inbox?.status()).toBe(403);
  await page.context().close();
});

it('[CASEWORKER] is refused the report and the regional view', async () => {
  const page = await h.pageAs('caseWorker');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Uppföljning' }).count()).resolves.toBe(0);
  expect((await page.goto(`${h.staff.url}/uppfoljning`))?.status()).toBe(403);
  expect((await page.goto(`${h.staff.url}/uppfoljning/region`))?.status()).toBe(403);
  expect((await page.goto(`${h.staff.url}/uppfoljning/export?format=pdf&preset=2026`))?.status()).toBe(403);
  await page.context().close();
});

it('[UNITMANAGER][NO-JS][AXE] says when a completed half-year’s figures were computed, and recomputes them on request', async () => {
  // Issue 9: a completed half-year is computed once and stored; the page says when, and a plain POST form has it
  // recomputed now. Without JavaScript, so the form must work as HTML.
  const page = await h.newPage({ javaScriptEnabled: false });
  const { logIn } = await import('./browser.ts');
  await logIn(page, h.staff.url, 'enhetschef@demo.utvag.se', 'Utvag-demo-2026');
  const preset = presetOf(lastCompletedHalfYear(new Date()))!;
  await page.goto(`${h.staff.url}/uppfoljning?preset=${preset}`);
  const computed = page.getByTestId('figures-computed');
  // Shown once more, so the figures come from the store (the first visit, here or earlier, stored them).
  await page.goto(`${h.staff.url}/uppfoljning?preset=${preset}`);
  const storedText = (await computed.textContent())!;
  expect(storedText).toMatch(/^Beräknad \d{4}-\d{2}-\d{2} \d{2}:\d{2}\. Siffrorna för ett avslutat halvår sparas/);

  const action = `?preset=${preset}&/recompute`;
  expect(await postForm(page, action)).toBe(200);
  await expect(page.getByText('Siffrorna har räknats om.').count()).resolves.toBe(1);
  expect(new URL(page.url()).searchParams.get('preset')).toBe(preset);
  const recomputed = (await computed.textContent())!;
  expect(recomputed).toMatch(/^Beräknad \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  expect(recomputed.slice(9, 25) >= storedText.slice(9, 25)).toBe(true);

  // The open half-year and a custom period are always computed live: no recompute button.
  await page.goto(`${h.staff.url}/uppfoljning?preset=&from=2025-01-01&to=2025-03-31`);
  await expect(computed.textContent()).resolves.toMatch(/nu när du öppnade rapporten/);
  await expect(page.getByRole('button', { name: 'Räkna om nu' }).count()).resolves.toBe(0);
  await page.context().close();

  // The same page with JavaScript, for axe (it runs in the page): the notice, the text and the form pass.
  const withJs = await h.pageAs('unitManager');
  await withJs.goto(`${h.staff.url}/uppfoljning?preset=${preset}`);
  await expect(withJs.getByRole('button', { name: 'Räkna om nu' }).count()).resolves.toBe(1);
  await expectNoViolations(withJs);
  await withJs.context().close();
});

it('[CASEWORKER] cannot have the figures recomputed', async () => {
  const page = await h.pageAs('caseWorker');
  const preset = presetOf(lastCompletedHalfYear(new Date()))!;
  const status = await page.evaluate(async (p) => {
    const body = new URLSearchParams({ preset: p });
    const r = await fetch(`/uppfoljning?preset=${p}&/recompute`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    return r.status;
  }, preset);
  expect(status).toBe(403);
  await page.context().close();
});
