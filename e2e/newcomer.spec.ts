import { expect, test } from '@playwright/test';
import { storageStateOf } from './support/demo-users';
import { simulatorAction, simulatorGet } from './support/simulator';

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('finds Logs, Shell and Restart on each container row of the stack page', async ({ page }) => {
    await page.goto('/stacks');
    await page.getByRole('link', { name: 'foo-jgi-doe', exact: true }).click();
    const row = page.getByRole('row', { name: /foo-jgi-doe-web-1/ });
    await expect(row.getByRole('link', { name: 'Shell in foo-jgi-doe-web-1' })).toBeVisible();
    await expect(row.getByRole('button', { name: 'Restart container foo-jgi-doe-web-1' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'web' }).getByRole('link', { name: 'Upgrade web' })).toHaveAttribute('href', /\?tab=upgrade$/);
    await row.getByRole('link', { name: 'Logs of foo-jgi-doe-web-1' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'web' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Logs', exact: true })).toHaveAttribute('aria-current', 'page');
  });

  test('the container restart dialog says a lone container takes its service down, and reads left to right like the others', async ({ page }) => {
    await page.goto('/stacks');
    await page.getByRole('link', { name: 'foo-jgi-doe', exact: true }).click();
    await page.getByRole('button', { name: 'Restart container foo-jgi-doe-db-1' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Restart container foo-jgi-doe-db-1 of db in production stack foo-jgi-doe?');
    await expect(dialog).toContainText('It is the only running container of db, so db is down until it is back');
    await expect(dialog).not.toContainText('keep serving');
    expect(await dialog.evaluate((el) => getComputedStyle(el).textAlign)).toMatch(/^(left|start)$/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Restart container foo-jgi-doe-web-1' }).click();
    await expect(dialog).toContainText("web's other running container keeps serving meanwhile");
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('during an upgrade, tells the old containers from the new and shows each one’s image', async ({ page }) => {
    const kv = await simulatorGet('services/1s5');
    const launchConfig = kv.launchConfig as Record<string, unknown>;
    const oldImage = String(launchConfig.imageUuid).replace(/^docker:/, '');
    await simulatorAction('services/1s5', 'upgrade', { inServiceStrategy: { launchConfig: { ...launchConfig, imageUuid: 'docker:redis:5.0.4-alpine' }, batchSize: 1, intervalMillis: 100 } });
    try {
      await page.goto('/stacks');
      await page.getByRole('link', { name: 'bar-nersc', exact: true }).click();
      const kvCard = page.getByRole('article', { name: 'kv' });
      const oldRow = kvCard.getByRole('row', { name: /old container/ });
      const newRow = kvCard.getByRole('row', { name: /new container/ });
      await expect(newRow).toContainText('redis:5.0.4-alpine', { timeout: 20_000 });
      await expect(oldRow).toContainText(oldImage);
    } finally {
      await simulatorAction('services/1s5', 'rollback');
      await expect.poll(async () => (await simulatorGet('services/1s5')).state, { timeout: 20_000 }).toBe('active');
    }
  });

  test('a service stopped on purpose reads "stopped", not unhealthy, and its stack is not degraded for it', async ({ page }) => {
    await expect.poll(async () => (await simulatorGet('services/1s5')).state, { timeout: 20_000 }).toBe('active');
    await simulatorAction('services/1s5', 'deactivate');
    try {
      await page.goto('/stacks');
      const row = page.getByTestId('stack-row-bar-nersc');
      await expect(row).toContainText('1 inactive', { timeout: 20_000 });
      await expect(row.getByTitle(/^Health: /)).not.toHaveText(/degraded|unhealthy/);
      await row.getByRole('link', { name: 'bar-nersc', exact: true }).click();
      const kv = page.getByRole('article', { name: 'kv' });
      await expect(kv.getByTitle('Health: stopped')).toBeVisible();
      await expect(kv.getByTitle('Health: unhealthy')).toHaveCount(0);
      await expect(kv.getByRole('button', { name: /^Restart container/ })).toHaveCount(0);
    } finally {
      await expect.poll(async () => (await simulatorGet('services/1s5')).state, { timeout: 20_000 }).toBe('inactive');
      await simulatorAction('services/1s5', 'activate');
    }
  });

  test('editing only the environment does not report the unchanged public port by the fields, and citations explain themselves', async ({ page }) => {
    await page.goto('/stacks/1st1/services/1s1?tab=upgrade');
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByRole('group', { name: 'New variable' }).getByLabel('Name').fill('GREETING');
    await page.getByRole('group', { name: 'GREETING' }).getByLabel('Value').fill('hello');
    const unchanged = page.getByTestId('unchanged-findings');
    await expect(unchanged).toContainText('about settings this edit does not change');
    await expect(page.getByTestId('policy-finding').filter({ hasText: 'Port 60000', visible: true })).toHaveCount(0);

    await page.goto('/policy');
    await expect(page.getByText('What the citations (BP18, L2, TE …) stand for')).toBeVisible();
    await expect(page.getByTitle('Spin Best Practices (NERSC, 2018)').first()).toBeVisible();
  });

  test('a running restart shows its elapsed time and what Rancher is doing, and a slow page change shows a progress bar and a spinner at the link', async ({ page }) => {
    await page.goto('/stacks');
    // The stack page (its document or its server-component payload) is slow to come.
    await page.route(
      (url) => url.pathname === '/stacks/1st1',
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      },
    );
    await page.getByRole('link', { name: 'foo-jgi-doe', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: 'Loading the page' })).toBeVisible();
    await expect(page.getByTestId('stack-row-foo-jgi-doe').getByTestId('link-pending')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'foo-jgi-doe' })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Loading the page' })).toHaveCount(0);

    await page.route('**/api/v1/stacks/1st1/services/1s3/restart', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Restart db' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restart', exact: true }).click();
    const status = page.getByTestId('service-db').getByTestId('action-status');
    await expect(status).toContainText(/Restarting db… \d+ s \(waiting for Rancher to answer\)/, { timeout: 10_000 });
    await expect(status).toContainText(/Restarting db… \d+ s \((restarting|active)/, { timeout: 15_000 });
    await expect(status).toHaveText(/db restarted\./, { timeout: 30_000 });
  });

  test('the Lines menu says what Rancher really sends', async ({ page }) => {
    await page.goto('/stacks/1st1/services/1s1?tab=logs');
    await expect(page.getByLabel('Lines').locator('option', { hasText: '500' })).toHaveText('500 (Rancher sends ~100)');
  });
});

test.describe('signed out', () => {
  test('a deep link to a log tab lands on that tab after sign-in, and the site has its icons', async ({ page }) => {
    await page.goto('/stacks/1st1/services/1s1?tab=logs');
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel('Username').fill('fred');
    await page.getByLabel('Password').fill('spin-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/stacks\/1st1\/services\/1s1\?tab=logs$/);
    await expect(page.getByRole('link', { name: 'Logs', exact: true })).toHaveAttribute('aria-current', 'page');

    await expect(page.locator('link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
    const manifest = await page.request.get((await page.locator('link[rel="manifest"]').getAttribute('href')) ?? '/missing');
    expect(manifest.ok()).toBe(true);
    for (const icon of ['/icon.svg', '/icon-32.png', '/apple-touch-icon.png']) expect((await page.request.get(icon)).ok(), icon).toBe(true);
  });
});

test.describe('wilma (staff)', () => {
  test.use({ storageState: storageStateOf('wilma') });
  test('sees "All stacks" as the heading of the list', async ({ page }) => {
    await page.goto('/stacks');
    await expect(page.getByRole('heading', { level: 1, name: 'All stacks' })).toBeVisible();
  });
});
