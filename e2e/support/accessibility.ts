import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The page has no accessibility violation that axe rates serious or critical; a failure names the first elements at fault. */
export async function expectNoSeriousViolations(page: Page, context = '') {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} [${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}]`);
  expect(serious, context).toEqual([]);
}
