// [ANY][SCREENSHOTS] Pictures of the main pages of both portals from the demo data, for the README. Every run
// renders them and checks they are real images; `npm run screenshots` writes them to docs/screenshots/.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHarness, type DemoRole } from './harness.ts';

const h = useHarness();
const target = process.env.UTVAG_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'utvag-screenshots-'));

const shots: { file: string; role: DemoRole; path: string; portal: 'staff' | 'partner' }[] = [
  { file: 'staff-inbox.png', role: 'intake', path: '/', portal: 'staff' },
  { file: 'partner-submissions.png', role: 'police', path: '/', portal: 'partner' },
  { file: 'partner-new-referral.png', role: 'police', path: '/hanvisningar/ny', portal: 'partner' },
];

const isPng = (file: string) => readFileSync(file).subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));

describe('[ANY][SCREENSHOTS] the main pages', () => {
  it.each(shots)('$file', async ({ file, role, path, portal }) => {
    mkdirSync(target, { recursive: true });
    const page = await h.pageAs(role, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${h.url(portal)}${path}`);
    const out = join(target, file);
    await page.screenshot({ path: out, fullPage: false });
    expect(isPng(out)).toBe(true);
    await page.context().close();
  });

  it('includes the referral page with its triage form', async () => {
    const page = await h.pageAs('intake', { viewport: { width: 1280, height: 800 } });
    await page.locator('tbody a').first().click();
    await page.waitForURL(/\/hanvisningar\//);
    const out = join(target, 'staff-referral.png');
    await page.screenshot({ path: out, fullPage: true });
    expect(isPng(out)).toBe(true);
    await page.context().close();
  });
});
