import { expect, test } from '@playwright/test';
import { storageStateOf } from './support/demo-users';

test.use({ storageState: storageStateOf('fred') });

const outage = {
  status: 503,
  contentType: 'application/problem+json',
  body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'Rancher is unavailable right now; try again in a minute.' }),
};

test('during a Rancher outage a stack page keeps what it showed, says how old it is, and recovers by itself', async ({ page }) => {
  test.setTimeout(60_000);
  // Without the pushed changes the page polls every 5 s, as it does whenever the change feed is down.
  await page.routeWebSocket(/\/api\/v1\/changes$/, (ws) => ws.close());
  await page.goto('/stacks');
  await page.getByRole('link', { name: 'foo-jgi-doe', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'foo-jgi-doe' })).toBeVisible();

  await page.route('**/api/v1/stacks/**', (route) => route.fulfill(outage));
  const alert = page.getByRole('alert').filter({ hasText: 'Rancher is unavailable right now; try again in a minute.' }).filter({ has: page.getByTestId('stale-since') });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert.getByTestId('stale-since')).toContainText(/Showing what the portal last saw, (.* ago|now)/);
  await expect(alert).toContainText('trying again by itself');
  await expect(page.getByRole('article', { name: 'web' })).toBeVisible();
  await expect(page.getByText(/quote/)).toHaveCount(0);

  await page.unroute('**/api/v1/stacks/**');
  // No click: the page reads again on its own within its retry interval.
  await expect(alert).toHaveCount(0, { timeout: 15_000 });
});
