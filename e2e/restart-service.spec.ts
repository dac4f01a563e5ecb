import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from './support/demo-users';

async function openStack(page: Page, name: string) {
  await page.goto('/stacks');
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function act(page: Page, service: string, verb: string, stack: string) {
  await page.getByRole('button', { name: `${verb} ${service}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toContainText(`${service} in stack ${stack}?`);
  await dialog.getByRole('button', { name: verb, exact: true }).click();
}

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });
  test('restarts foo-jgi-doe/web and watches it go restarting → active', async ({ page }) => {
    await openStack(page, 'foo-jgi-doe');
    const web = page.getByTestId('service-web');
    await act(page, 'web', 'Restart', 'foo-jgi-doe');
    await expect(web.getByText('restarting').first()).toBeVisible();
    await expect(web.getByTestId('action-status')).toHaveText(/web restarted\./, { timeout: 30_000 });
    await expect(web.getByTitle('State: active')).toBeVisible();
    await expect(page.getByTestId('activity-item').filter({ hasText: 'fred restarted web' }).first()).toBeVisible();
  });
});

test.describe('barney', () => {
  test.use({ storageState: storageStateOf('barney') });
  test('restarts foo-jgi-doe/web as a member of csg', async ({ page }) => {
    await openStack(page, 'foo-jgi-doe');
    await act(page, 'web', 'Restart', 'foo-jgi-doe');
    await expect(page.getByTestId('service-web').getByTestId('action-status')).toHaveText(/web restarted\./, { timeout: 30_000 });
    await expect(page.getByTestId('activity-item').filter({ hasText: 'barney restarted web' }).first()).toBeVisible();
  });
});

test.describe('dino', () => {
  test.use({ storageState: storageStateOf('dino') });
  test('stops and starts crashy-nersc/app', async ({ page }) => {
    await openStack(page, 'crashy-nersc');
    const app = page.getByTestId('service-app');
    await act(page, 'app', 'Stop', 'crashy-nersc');
    await expect(app.getByTestId('action-status')).toHaveText(/app stopped\./, { timeout: 30_000 });
    await expect(app.getByTitle('State: inactive')).toBeVisible();
    await act(page, 'app', 'Start', 'crashy-nersc');
    await expect(app.getByTestId('action-status')).toHaveText(/app started\./, { timeout: 30_000 });
    const activity = page.getByTestId('activity-item');
    await expect(activity.filter({ hasText: 'dino stopped app' }).first()).toBeVisible();
    await expect(activity.filter({ hasText: 'dino started app' }).first()).toBeVisible();
  });
});
