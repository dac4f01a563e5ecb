import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/accessibility';
import { storageStateOf } from './support/demo-users';
import { openService } from './support/navigation';

/** The "now" value of each line of a chart's text summary. */
async function currentValues(page: Page, metric: string): Promise<string[]> {
  const items = await page.getByTestId(`stats-summary-${metric}`).getByRole('listitem').allTextContents();
  return items.map((text) => /now ([\d.]+)/.exec(text)?.[1] ?? '');
}

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('sees two containers’ lines moving on foo-jgi-doe/web’s overview, in dark mode and on a phone', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openService(page, 'foo-jgi-doe', 'web');
    const charts = page.getByTestId('resource-charts');
    for (const metric of ['cpu', 'memory', 'network', 'disk']) await expect(charts.getByTestId(`stats-chart-${metric}`).locator('canvas')).toBeVisible();
    // Two containers, two lines, each with a current value once the first points arrived.
    await expect.poll(async () => (await currentValues(page, 'network')).filter(Boolean).length, { timeout: 15_000 }).toBe(2);
    await expect(page.getByTestId('stats-summary-memory')).toContainText('no memory limit');
    const first = await currentValues(page, 'network');
    await expect.poll(async () => (await currentValues(page, 'network')).join(' '), { timeout: 15_000 }).not.toBe(first.join(' '));
    await expectNoSeriousViolations(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const canvasWidth = await charts.getByTestId('stats-chart-cpu').locator('canvas').evaluate((c) => c.getBoundingClientRect().width);
    expect(canvasWidth).toBeLessThanOrEqual(390);
  });

  test('opens one container’s charts from its actions', async ({ page }) => {
    await openService(page, 'foo-jgi-doe', 'web');
    await page.getByRole('link', { name: 'Resources of foo-jgi-doe-web-2' }).click();
    await expect(page).toHaveURL(/tab=resources&container=/);
    await expect(page.getByRole('heading', { name: 'Resources of foo-jgi-doe-web-2' })).toBeVisible();
    await expect.poll(async () => currentValues(page, 'cpu'), { timeout: 15_000 }).toEqual([expect.stringMatching(/\d/)]);
    await expectNoSeriousViolations(page);
  });
});

test.describe('dino', () => {
  test.use({ storageState: storageStateOf('dino') });

  test('crashy-nersc’s crash card says out of memory, with the memory chart up to the 256 MiB limit', async ({ page }) => {
    await openService(page, 'crashy-nersc', 'app');
    const help = page.getByTestId('crash-help');
    await expect(help).toBeVisible({ timeout: 20_000 });
    await expect(help.getByTestId('crash-out-of-memory')).toContainText('out of memory', { timeout: 20_000 });
    const chart = help.getByTestId('stats-chart-memory');
    await expect(chart.locator('canvas')).toBeVisible();
    await expect(chart.getByTestId('stats-summary-memory')).toContainText('limit 256 MiB', { timeout: 20_000 });
    await expect(help).toContainText('raise its memory limit');
    await expectNoSeriousViolations(page);
  });

  test('the stack’s service list flags crashy-nersc/app as probably out of memory', async ({ page }) => {
    await page.goto('/stacks');
    await page.getByRole('link', { name: 'crashy-nersc', exact: true }).click();
    await expect(page.getByTestId('service-app').getByTestId('out-of-memory-badge')).toBeVisible({ timeout: 20_000 });
  });
});
