import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The page has no accessibility violation that axe rates serious or critical; a failure names the first elements at fault. */
export async function expectNoSeriousViolations(page: Page, context = '') {
  // Right after a client-side navigation Next streams the new page's metadata in, so for a moment there
  // is no <title>: judge the page once it has one. A page that never gets one still fails below.
  await page.waitForFunction(() => document.title !== '', null, { timeout: 5_000 }).catch(() => undefined);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} [${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}]`);
  expect(serious, context).toEqual([]);
}
