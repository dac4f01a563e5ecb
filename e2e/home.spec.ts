import { expect, test } from '@playwright/test';

test('a visitor opens the portal and sees what it is for', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') violations.push(msg.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Spin Portal' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Spin Portal' })).toHaveAttribute('href', '/');
  // The CSP forbids inline scripts without the nonce: a missing nonce shows up as a console error.
  expect(violations.filter((v) => v.includes('Content Security Policy'))).toEqual([]);
});

test('the skip link moves keyboard users to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('an unknown address shows the not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
