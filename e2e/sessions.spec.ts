import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/accessibility';
import { storageStateOf } from './support/demo-users';
import { freshSignedInState, signInWith } from './support/sign-in';

// Ending all of pebbles' sessions ends the one the setup project saved too: save a new one for later specs.
test.afterAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signInWith(request, 'pebbles');
  await request.storageState({ path: storageStateOf('pebbles') });
  await request.dispose();
});

test.describe('pebbles', () => {

  test('signs out everywhere from Your sessions, and another browser is signed out too', async ({ browser, playwright, baseURL }) => {
    const elsewhere = await browser.newContext({ storageState: await freshSignedInState(playwright, baseURL, 'pebbles') });
    const otherPage = await elsewhere.newPage();
    await otherPage.goto('/stacks');
    await expect(otherPage.getByRole('heading', { level: 1, name: 'Stacks' })).toBeVisible();

    const here = await browser.newContext({ storageState: await freshSignedInState(playwright, baseURL, 'pebbles') });
    const page = await here.newPage();
    await page.goto('/stacks');
    await page.getByRole('link', { name: 'Your sessions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();
    const rows = page.getByTestId('session-row');
    await expect(rows.filter({ hasText: 'This browser' })).toHaveCount(1);
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await expectNoSeriousViolations(page);

    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('dialog', { name: 'Sign out everywhere?' }).getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(page).toHaveURL(/\/login/);

    await otherPage.goto('/stacks');
    await expect(otherPage).toHaveURL(/\/login/);
    await Promise.all([elsewhere.close(), here.close()]);
  });
});

test.describe('wilma (staff)', () => {
  test.use({ storageState: storageStateOf('wilma') });

  test('signs a person out everywhere from the activity page', async ({ page, browser, playwright, baseURL }) => {
    const theirs = await browser.newContext({ storageState: await freshSignedInState(playwright, baseURL, 'pebbles') });
    const theirPage = await theirs.newPage();
    await theirPage.goto('/stacks');
    await expect(theirPage.getByRole('heading', { level: 1, name: 'Stacks' })).toBeVisible();

    await page.goto('/activity');
    await page.getByLabel('Sign out a person everywhere (uid)').fill('pebbles');
    await page.getByRole('button', { name: 'End all sessions' }).click();
    await page.getByRole('dialog', { name: 'Sign pebbles out everywhere?' }).getByRole('button', { name: 'End all sessions' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Ended \d+ sessions? of pebbles/ })).toBeVisible();

    await theirPage.goto('/stacks');
    await expect(theirPage).toHaveURL(/\/login/);
    await theirs.close();
  });
});
