import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from './support/demo-users';

async function openStack(page: Page, name: string) {
  await page.goto('/stacks');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The demo stacks here are in prod-cattle: the dialog says production, and a stop asks for the stack's name. */
async function act(page: Page, service: string, verb: string, stack: string) {
  await page.getByRole('button', { name: `${verb} ${service}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toContainText(`${service} in production stack ${stack}?`);
  await expect(dialog.getByTestId('production-warning')).toContainText('prod-cattle');
  if (verb === 'Stop') {
    await expect(dialog.getByRole('button', { name: verb, exact: true })).toBeDisabled();
    await dialog.getByLabel(`Type ${stack} to confirm`).fill(stack);
  }
  await dialog.getByRole('button', { name: verb, exact: true }).click();
}

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });
  test('restarts foo-jgi-doe/web and watches it go restarting → active', async ({ page }) => {
    await openStack(page, 'foo-jgi-doe');
    const web = page.getByTestId('service-web');
    await act(page, 'web', 'Restart', 'foo-jgi-doe');
    // Held in the browser first, with Undo; once sent, the status says a restart cannot be undone.
    await expect(web.getByTestId('action-status')).toContainText(/Restarting web in \d s/);
    await expect(web.getByRole('button', { name: 'Undo' })).toBeFocused();
    await expect(web.getByText('restarting').first()).toBeVisible({ timeout: 10_000 });
    await expect(web.getByTestId('action-status')).toContainText('a restart once sent cannot be undone');
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

  test('undoes a stop within 5 s, and the portal never sends it', async ({ page }) => {
    const actionPosts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/services\/[^/]+\/(stop|restart)$/.test(request.url())) actionPosts.push(request.url());
    });
    await openStack(page, 'crashy-nersc');
    const app = page.getByTestId('service-app');
    await act(page, 'app', 'Stop', 'crashy-nersc');
    await expect(app.getByTestId('action-status')).toContainText(/Stopping app in \d s/);
    await expect(app.getByRole('button', { name: 'Stop app' })).toBeDisabled();
    await app.getByRole('button', { name: 'Undo' }).click();
    await expect(app.getByTestId('action-status')).toHaveText('');
    await expect(app.getByRole('button', { name: 'Undo' })).toHaveCount(0);
    // Past the end of the window: still nothing sent, and the service never stopped.
    await page.waitForTimeout(6_000);
    expect(actionPosts).toEqual([]);
    await expect(app.getByTitle('State: inactive')).toHaveCount(0);
  });

  test('leaving the page within the 5 s sends the stop at once', async ({ page }) => {
    await openStack(page, 'crashy-nersc');
    await act(page, 'app', 'Stop', 'crashy-nersc');
    await expect(page.getByTestId('service-app').getByTestId('action-status')).toContainText(/Stopping app in \d s/);
    const sent = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/stop'), { timeout: 2_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stacks' }).click();
    await sent;
    await page.getByRole('link', { name: 'crashy-nersc' }).click();
    const app = page.getByTestId('service-app');
    await expect(app.getByTitle('State: inactive')).toBeVisible({ timeout: 20_000 });
    await act(page, 'app', 'Start', 'crashy-nersc');
    await expect(app.getByTestId('action-status')).toHaveText(/app started\./, { timeout: 20_000 });
  });

  test('stops crashy-nersc/app, then starts it again from the status', async ({ page }) => {
    await openStack(page, 'crashy-nersc');
    const app = page.getByTestId('service-app');
    await act(page, 'app', 'Stop', 'crashy-nersc');
    await expect(app.getByTestId('action-status')).toHaveText(/app stopped\./, { timeout: 30_000 });
    await expect(app.getByTitle('State: inactive')).toBeVisible();
    await app.getByRole('button', { name: 'Start again' }).click();
    await expect(app.getByTestId('action-status')).toHaveText(/app started\./, { timeout: 30_000 });
    const activity = page.getByTestId('activity-item');
    await expect(activity.filter({ hasText: 'dino stopped app' }).first()).toBeVisible();
    await expect(activity.filter({ hasText: 'dino started app' }).first()).toBeVisible();
  });
});
