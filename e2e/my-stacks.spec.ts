import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/accessibility';
import { storageStateOf } from './support/demo-users';
import { simulatorAction, simulatorGet } from './support/simulator';

async function stackNames(page: Page): Promise<string[]> {
  await page.goto('/stacks');
  await expect(page.getByRole('heading', { level: 1, name: 'Stacks' })).toBeVisible();
  return (await page.getByRole('table').getByRole('rowheader').getByRole('link').allTextContents()).sort();
}

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('sees his stacks of both environments and nothing else', async ({ page }) => {
    expect(await stackNames(page)).toEqual(['bar-nersc', 'foo-jgi-doe', 'foo-jgi-doe-dev']);
    await expectNoSeriousViolations(page);
  });

  test('filters to his own stacks and searches by image, in the URL', async ({ page }) => {
    await page.goto('/stacks');
    await page.getByLabel('Search stacks, services, images, owners').fill('mysql');
    await expect(page).toHaveURL(/q=mysql/);
    await expect(page.getByRole('link', { name: 'foo-jgi-doe', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'bar-nersc' })).toHaveCount(0);
  });

  test('opens a stack page with services and containers, and sees a restart made outside the portal', async ({ page }) => {
    await page.goto('/stacks');
    await page.getByRole('link', { name: 'foo-jgi-doe', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'foo-jgi-doe' })).toBeVisible();
    const web = page.getByTestId('service-web');
    await expect(web.getByTitle('Image')).toContainText('nginx:');
    const container = page.getByTestId('container-foo-jgi-doe-web-1');
    await expect(container).toBeVisible();
    const startsBefore = Number(await container.getByRole('cell').nth(3).textContent());
    await expectNoSeriousViolations(page);

    const url = page.url();
    await simulatorAction('services/1s1', 'restart', { rollingRestartStrategy: { batchSize: 1, intervalMillis: 100 } });
    await expect(container.getByRole('cell').nth(3)).toHaveText(String(startsBefore + 1), { timeout: 20_000 });
    expect(page.url()).toBe(url);
  });

  test('sees a change made on Rancher in his list within 2 s, pushed by the server', async ({ page }) => {
    const changes = page.waitForEvent('websocket', (ws) => ws.url().endsWith('/api/v1/changes'));
    await page.goto('/stacks');
    const pushed = (await changes).waitForEvent('framereceived', (frame) => String(frame.payload).includes('stacks-changed'));
    const bar = page.getByTestId('stack-row-bar-nersc');
    await expect(bar).toContainText('(2 active)');
    // Give the socket a moment to open: a change before that is only seen at the next poll.
    await page.waitForTimeout(500);

    await simulatorAction('services/1s5', 'deactivate');
    await expect(bar).not.toContainText('(2 active)', { timeout: 2_000 });
    await pushed;
    await expect(bar).toContainText('1 inactive', { timeout: 20_000 });
    await simulatorAction('services/1s5', 'activate');
    await expect(bar).toContainText('(2 active)', { timeout: 20_000 });
  });
});

test.describe('fred, when the live channel drops', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('is told that live updates paused, and the notice goes when they resume', async ({ page }) => {
    let connections = 0;
    // The first socket is dropped by "the network"; the next ones reach the portal.
    await page.routeWebSocket('**/api/v1/changes', (ws) => {
      connections++;
      if (connections === 1) void ws.close();
      else ws.connectToServer();
    });
    await page.goto('/stacks');
    const notice = page.getByRole('status').filter({ hasText: 'Live updates paused' });
    await expect(notice).toBeVisible();
    await expect(notice).toBeHidden({ timeout: 10_000 });
    expect(connections).toBeGreaterThanOrEqual(2);
  });
});

test.describe('dino', () => {
  test.use({ storageState: storageStateOf('dino') });

  test('sees an upgrade left waiting pinned above his list, and finishes it from there', async ({ page }) => {
    await page.goto('/stacks');
    const pinned = page.getByRole('region', { name: 'Upgrades waiting for Finish or Roll back' });
    await expect(pinned).toHaveCount(0);
    // Upgraded behind the portal's back, as with the rancher CLI, and then forgotten.
    const web = await simulatorGet('services/1s6');
    const launchConfig = web.launchConfig as Record<string, unknown>;
    await simulatorAction('services/1s6', 'upgrade', { inServiceStrategy: { launchConfig: { ...launchConfig, imageUuid: `${String(launchConfig.imageUuid)}-rc1` }, batchSize: 1, intervalMillis: 100 } });
    const entry = pinned.getByTestId('awaiting-genome-browser-web');
    await expect(entry).toContainText('-rc1', { timeout: 20_000 });
    await entry.getByRole('button', { name: 'Finish upgrade genome-browser/web' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Finish upgrade of web in production stack genome-browser?');
    await dialog.getByRole('button', { name: 'Finish upgrade', exact: true }).click();
    await expect(pinned).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByTestId('stack-row-genome-browser')).not.toContainText('upgrade awaiting finish');
  });
});

test.describe('barney', () => {
  test.use({ storageState: storageStateOf('barney') });
  test('sees foo-jgi-doe and its dev stack through his group', async ({ page }) => {
    expect(await stackNames(page)).toEqual(['foo-jgi-doe', 'foo-jgi-doe-dev']);
  });
});

test.describe('pebbles', () => {
  test.use({ storageState: storageStateOf('pebbles') });
  test('sees the empty state that says how a stack gets tagged', async ({ page }) => {
    await page.goto('/stacks');
    await expect(page.getByRole('heading', { name: 'No stacks are shared with you yet' })).toBeVisible();
    await expect(page.getByText('owner:pebbles')).toBeVisible();
    const res = await page.goto('/stacks/1st1');
    expect(res?.status()).toBe(404);
  });
});

test.describe('wilma (staff)', () => {
  test.use({ storageState: storageStateOf('wilma') });
  test('sees all eight stacks of both environments, legacy-stack marked untagged', async ({ page }) => {
    expect(await stackNames(page)).toEqual(['bar-nersc', 'crashy-nersc', 'foo-jgi-doe', 'foo-jgi-doe-dev', 'genome-browser', 'genome-browser-dev', 'isg-monitor', 'legacy-stack']);
    await expect(page.getByText('Staff view')).toBeVisible();
    await expect(page.getByTestId('stack-row-legacy-stack').getByText('untagged')).toBeVisible();
    await expect(page.getByTestId('stack-row-foo-jgi-doe').getByText('untagged')).toHaveCount(0);
  });
});
