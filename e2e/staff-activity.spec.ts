import { expect, test } from '@playwright/test';
import { storageStateOf } from './support/demo-users';

test.describe('wilma (staff)', () => {
  test.use({ storageState: storageStateOf('wilma') });

  test('reads everyone’s activity, filters by person, and exports it', async ({ page, request }) => {
    await page.goto('/activity');
    await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
    await expect(page.getByTestId('activity-item').first()).toBeVisible();
    await page.getByLabel('Person (uid)').fill('fred');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/actor=fred/);
    const items = page.getByTestId('activity-item');
    await expect(items.first()).toContainText('fred');
    for (const text of await items.allTextContents()) expect(text.startsWith('fred ')).toBe(true);

    const csv = await request.get(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href') ?? '');
    expect(csv.headers()['content-type']).toContain('text/csv');
    const [header, ...rows] = (await csv.text()).trim().split('\r\n');
    expect(header).toMatch(/^id,time,actor,/);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(',')[2]).toBe('fred');
  });
});

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('has no everyone-activity page', async ({ page }) => {
    const res = await page.goto('/activity');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('link', { name: 'Activity' })).toHaveCount(0);
  });
});
