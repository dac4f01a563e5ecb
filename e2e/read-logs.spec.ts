import { expect, test } from '@playwright/test';
import { storageStateOf } from './support/demo-users';
import { openService } from './support/navigation';

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('opens foo-jgi-doe/web logs, sees lines arrive, searches, pauses and resumes', async ({ page }) => {
    await openService(page, 'foo-jgi-doe', 'web');
    await page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Logs' }).click();
    const lines = page.getByTestId('log-line');
    await expect(lines.first()).toBeVisible();
    const before = await lines.count();
    await expect.poll(async () => page.getByTestId('log-line').last().textContent(), { timeout: 20_000 }).not.toBe(await lines.last().textContent());
    expect(before).toBeGreaterThan(0);

    await page.getByRole('searchbox', { name: 'Search logs' }).fill('GET');
    await expect(page.getByTestId('log-match-count')).toHaveText(/\d+ of \d+/);

    const follow = page.getByRole('checkbox', { name: 'Follow' });
    await expect(follow).toBeChecked();
    await follow.uncheck();
    await expect(follow).not.toBeChecked();
    await follow.check();
    await expect(follow).toBeChecked();

    await page.getByLabel('Time zone').selectOption('relative');
    await expect(lines.last().locator('time')).toHaveText(/^\s*\d+ (s|min) ago$/);
  });
});

test.describe('barney', () => {
  test.use({ storageState: storageStateOf('barney') });

  test('cannot open the logs of bar-nersc', async ({ page }) => {
    const res = await page.goto('/stacks/1st2/services/1s4?tab=logs');
    expect(res?.status()).toBe(404);
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://${location.host}/api/v1/containers/1i5/logs?tail=10&follow=0`);
          ws.onopen = () => resolve('opened');
          ws.onclose = () => resolve('refused');
        }),
    );
    expect(outcome).toBe('refused');
  });
});

test.describe('dino', () => {
  test.use({ storageState: storageStateOf('dino') });

  test('gets crash help on crashy-nersc/app', async ({ page }) => {
    await openService(page, 'crashy-nersc', 'app');
    const help = page.getByTestId('crash-help');
    await expect(help).toBeVisible({ timeout: 20_000 });
    await expect(help.getByTestId('crash-exit-code')).toHaveText('137', { timeout: 20_000 });
    expect(Number(await help.getByTestId('crash-start-count').textContent())).toBeGreaterThan(1);
    await expect(help.getByTestId('crash-log-lines')).not.toHaveText(/Loading|No log lines/);
    await help.getByRole('link', { name: 'Open the full log' }).click();
    await expect(page.getByTestId('log-line').first()).toBeVisible();
  });
});
