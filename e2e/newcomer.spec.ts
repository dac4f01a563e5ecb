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
    }
  });
});
