import { expect, test } from '@playwright/test';

test('fred logs in, sees his name, and signs out', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Username').fill('fred');
  await page.getByLabel('Password').fill('spin-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText('Fred Flintstone');
  await expect(page.getByText('Staff', { exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
});

test('staff see a staff badge', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Username').fill('wilma');
  await page.getByLabel('Password').fill('spin-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-user')).toContainText('wilma');
  await expect(page.getByText('Staff', { exact: true })).toBeVisible();
});

test('login returns to the page that was asked for', async ({ page }) => {
  await page.goto('/login?callbackUrl=%2Fno-such-page');
  await page.getByLabel('Username').fill('barney');
  await page.getByLabel('Password').fill('spin-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/no-such-page$/);
});

test('a wrong password says so, and the sixth wrong try shows the wait', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Username').fill('bamm-bamm');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Password').fill(`wrong-${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('Wrong username or password.');
  }
  await page.getByLabel('Password').fill('wrong-6');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('login-error')).toHaveText(/^Too many attempts, wait 1[45] minutes\.$/);
  // Even the right password waits until the lock ends.
  await page.getByLabel('Password').fill('spin-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('login-error')).toHaveText(/Too many attempts/);
});
