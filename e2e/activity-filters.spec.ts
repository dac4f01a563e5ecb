import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/accessibility';
import { storageStateOf } from './support/demo-users';

// Issue 20 items 3 and 4 (activity scoped to a service, views folded; staff filters by names and words)
// and issue 25's "Activity records the environment; filters by it".

interface ListedStack {
  id: string;
  name: string;
  services: { id: string; name: string }[];
}

async function stackNamed(request: APIRequestContext, name: string) {
  const { stacks } = (await (await request.get('/api/v1/stacks')).json()) as { stacks: ListedStack[] };
  const stack = stacks.find((s) => s.name === name);
  if (!stack) throw new Error(`no stack ${name}`);
  const service = (serviceName: string) => {
    const found = stack.services.find((s) => s.name === serviceName);
    if (!found) throw new Error(`no service ${name}/${serviceName}`);
    return found;
  };
  return { ...stack, service };
}

/**
 * Restarts a service through the API, as the stack page's Restart does once its undo window is over;
 * tried again while an earlier restart of it is still under way (409).
 */
async function restart(page: Page, stackName: string, serviceName: string) {
  const stack = await stackNamed(page.request, stackName);
  const url = `/api/v1/stacks/${stack.id}/services/${stack.service(serviceName).id}/restart`;
  const post = () => page.request.post(url, { headers: { origin: new URL(page.url()).origin }, data: {} });
  await expect.poll(async () => (await post()).status(), { timeout: 30_000, intervals: [1_000] }).toBe(202);
}

/** Opens and closes a service's first container's logs, as the Logs tab does: one open and one close row. */
async function viewLogs(page: Page, stackName: string, serviceName: string) {
  const stack = await stackNamed(page.request, stackName);
  const detail = (await (await page.request.get(`/api/v1/stacks/${stack.id}/services/${stack.service(serviceName).id}`)).json()) as { containers: { id: string }[] };
  const containerId = detail.containers[0]?.id;
  const outcome = await page.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/api/v1/containers/${id}/logs?tail=5&follow=0`);
        ws.onopen = () => setTimeout(() => ws.close(), 200);
        ws.onclose = () => resolve('closed');
      }),
    containerId,
  );
  expect(outcome).toBe('closed');
}

/** Some activity by fred on both environments, from his own browser. */
async function fredActs(browser: Browser) {
  const context = await browser.newContext({ storageState: storageStateOf('fred') });
  const page = await context.newPage();
  await page.goto('/stacks');
  await viewLogs(page, 'foo-jgi-doe', 'web');
  await restart(page, 'foo-jgi-doe-dev', 'app');
  await context.close();
}

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('a service’s Activity tab shows that service only, with log views folded so a restart stands out', async ({ page }) => {
    await page.goto('/stacks');
    await viewLogs(page, 'foo-jgi-doe-dev', 'web');
    await viewLogs(page, 'foo-jgi-doe-dev', 'web');
    await restart(page, 'foo-jgi-doe-dev', 'web');
    await restart(page, 'foo-jgi-doe-dev', 'app');
    const stack = await stackNamed(page.request, 'foo-jgi-doe-dev');
    await page.goto(`/stacks/${stack.id}/services/${stack.service('web').id}?tab=activity`);

    const timeline = page.getByRole('list', { name: 'Activity' });
    await expect(timeline.getByTestId('activity-item').filter({ hasText: 'fred restarted web' }).first()).toBeVisible();
    await expect(timeline.getByText('restarted app')).toHaveCount(0);
    // The log views are one folded row, above the restart, not four rows burying it.
    await expect(timeline.getByTestId('activity-item').filter({ hasText: 'the logs of' })).toHaveCount(0);
    const views = timeline.getByText(/^\d+ log views?$/).first();
    await expect(views).toBeVisible();
    await expect(page.getByTestId('activity-view-item').first()).toBeHidden();
    await views.click();
    await expect(page.getByTestId('activity-view-item').filter({ hasText: 'fred opened the logs of' }).first()).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

test.describe('wilma (staff)', () => {
  test.use({ storageState: storageStateOf('wilma') });

  test('filters by a stack’s name with suggestions and by the words rows show, says when nothing matches, and shows exact times', async ({ page, browser }) => {
    await fredActs(browser);
    await page.goto('/activity');
    await expect(page.locator('#activity-stack-names option[value="foo-jgi-doe-dev"]')).toHaveCount(1);
    await page.getByLabel('Stack', { exact: true }).fill('foo-jgi-doe-dev');
    await page.getByLabel('Action').selectOption({ label: 'restarted' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/stackName=foo-jgi-doe-dev/);
    await expect(page).toHaveURL(/action=service\.restart/);
    const items = page.getByTestId('activity-item');
    await expect(items.first()).toContainText('fred restarted app');
    for (const text of await items.allTextContents()) {
      expect(text).toMatch(/^fred (tried to )?restart/);
      expect(text).toContain('in foo-jgi-doe-dev');
    }

    await page.getByRole('checkbox', { name: 'Show exact times' }).check();
    await expect(items.first().locator('time')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);

    await page.getByLabel('Person (uid)').fill('nobody-did-this');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('No matching activity.')).toBeVisible();
    await expect(page.getByText('Nothing recorded yet.')).toHaveCount(0);
    await expectNoSeriousViolations(page);
  });

  test('filters by environment, each row badged with its environment, production distinct', async ({ page, browser }) => {
    await fredActs(browser);
    await page.goto('/activity');
    await page.getByLabel('Environment').selectOption({ label: 'dev-cattle' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/environment=1a7/);
    const items = page.getByTestId('activity-item');
    await expect(items.first()).toBeVisible();
    // The rows of the unfiltered page may still be there for a moment after the address changed.
    await expect.poll(async () => (await items.allTextContents()).filter((text) => !text.includes('in foo-jgi-doe-dev'))).toEqual([]);
    await expect(items.getByTestId('environment-badge').first()).toHaveText('dev-cattle');
    await expect(items.locator('[data-testid="environment-badge"][data-production="true"]')).toHaveCount(0);

    await page.getByLabel('Environment').selectOption({ label: 'prod-cattle (production)' });
    await page.getByLabel('Action').selectOption({ label: 'opened the logs of' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/environment=1a5/);
    const badge = items.first().getByTestId('environment-badge');
    await expect(badge).toHaveText('Productionprod-cattle');
    await expect(badge).toHaveAttribute('data-production', 'true');
    await expectNoSeriousViolations(page);
  });
});
