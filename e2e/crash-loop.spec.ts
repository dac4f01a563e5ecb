import { expect, test, type Locator } from '@playwright/test';
import { storageStateOf } from './support/demo-users';

test.use({ storageState: storageStateOf('dino') });

/** Samples `marker` every half second for `ms` and answers how often it was missing. */
async function missingWhileWatching(marker: Locator, ms: number): Promise<number> {
  let missing = 0;
  for (const until = Date.now() + ms; Date.now() < until; ) {
    if (!(await marker.isVisible())) missing++;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return missing;
}

test('crashy-nersc stays marked "crash looping" and needing attention across 30 s of live updates', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/stacks?attention=1');
  await expect(page.getByRole('checkbox', { name: 'Needs attention' })).toBeChecked();
  const row = page.getByRole('row', { name: /crashy-nersc/ });
  const marker = row.getByText(/crash looping/);
  await expect(marker).toBeVisible({ timeout: 20_000 });
  expect(await missingWhileWatching(marker, 30_000)).toBe(0);

  await row.getByRole('link', { name: 'crashy-nersc', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'crashy-nersc' })).toBeVisible();
  const app = page.getByRole('article', { name: 'app' });
  await expect(app.getByText(/crash looping/)).toBeVisible();
  await expect(page.locator('header').filter({ has: page.getByRole('heading', { level: 1, name: 'crashy-nersc' }) }).getByText(/crash looping/)).toBeVisible();

  await app.getByRole('link', { name: 'app', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'app' })).toBeVisible();
  await expect(page.getByText(/crash looping/).first()).toBeVisible();
  // The last exit code stays shown while Rancher runs the container again (it reports none then).
  const exitCode = page.getByTestId('crash-exit-code');
  await expect(exitCode).toHaveText('137', { timeout: 20_000 });
  for (let i = 0; i < 10; i++) {
    await expect(exitCode).toHaveText('137');
    await page.waitForTimeout(500);
  }
  await expect(page.getByRole('row', { name: /crashy-nersc-app-1/ }).getByRole('cell', { name: '137', exact: true })).toBeVisible();
});

test('the log view follows a crashing container across its restarts without a Reconnect', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/stacks');
  await page.getByRole('link', { name: 'crashy-nersc', exact: true }).click();
  await page.getByRole('article', { name: 'app' }).getByRole('link', { name: 'app', exact: true }).click();
  await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByTestId('log-line').first()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search logs' }).fill('writes queued in memory');
  const matches = page.getByTestId('log-match-count');
  await expect(matches).toHaveText(/of \d+/);
  const total = async () => Number(/of (\d+)/.exec((await matches.textContent()) ?? '')?.[1] ?? 0);
  const first = await total();
  // Each crash ends with this warning before the kernel kills the process; new ones keep arriving only
  // if the view follows the restarts.
  await expect.poll(total, { timeout: 30_000 }).toBeGreaterThanOrEqual(first + 3);
  await expect(page.getByText(/^Closed:/)).toHaveCount(0);
});
