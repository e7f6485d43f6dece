// One test database with the demo data, both built portals and one Chromium per test file: `useHarness()`
// registers the beforeAll/afterAll that start and stop them and returns the handle the tests read.
import { loadDemoData } from '@utvag/db';
import { createTestDatabase, type TestDatabase } from '@utvag/db/testing';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, logIn } from './browser.ts';
import { startPortal, type Portal } from './portals.ts';

export const password = 'Utvag-demo-2026';

/** Demo accounts by role (README). */
export const account = {
  intake: 'mottagning@demo.utvag.se',
  caseWorker: 'handlaggare@demo.utvag.se',
  coordinator: 'samordnare@demo.utvag.se',
  unitManager: 'enhetschef@demo.utvag.se',
  administrator: 'admin@demo.utvag.se',
  regional: 'region@demo.utvag.se',
  police: 'polis@demo.utvag.se',
  probationOfficer: 'frivard@demo.utvag.se',
  schoolStaff: 'skola@demo.utvag.se',
} as const;
export type DemoRole = keyof typeof account;
export const portalOf = (role: DemoRole) =>
  role === 'police' || role === 'probationOfficer' || role === 'schoolStaff' ? 'partner' : 'staff';

export interface Harness {
  db: TestDatabase;
  staff: Portal;
  partner: Portal;
  browser: Browser;
  url(portal: 'staff' | 'partner'): string;
  /** A page in a fresh context. axe-core is injected inline, which the portals' CSP rightly forbids: bypassCSP. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A fresh page signed in as a demo role, on its portal's start page. */
  pageAs(role: DemoRole, options?: BrowserContextOptions): Promise<Page>;
}

export function useHarness(): Harness {
  const h = {} as Harness;
  h.url = (portal) => h[portal].url;
  h.newPage = async (options) => {
    const context = await h.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, ...options });
    return context.newPage();
  };
  h.pageAs = async (role, options) => {
    const page = await h.newPage(options);
    await logIn(page, h.url(portalOf(role)), account[role], password);
    return page;
  };
  beforeAll(async () => {
    h.db = await createTestDatabase();
    await loadDemoData(h.db.url);
    [h.staff, h.partner, h.browser] = await Promise.all([
      startPortal('staff', h.db.url),
      startPortal('partner', h.db.url),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await h.browser?.close();
    await Promise.all([h.staff?.stop(), h.partner?.stop()]);
    await h.db?.drop();
  });
  return h;
}
