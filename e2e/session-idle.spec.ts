import { expect, test } from '@playwright/test';
import { freshSignedInState } from './support/sign-in';

// The browser's clock is moved forward; the session's end comes from the server's answer, so the
// warning and the sign-out follow the moved clock while the server keeps its own.
test.describe('barney', () => {
  // Signing out ends the session on the server: each test signs in anew, leaving the setup's session alone.
  test.use({ storageState: async ({ playwright, baseURL }, provide) => provide(await freshSignedInState(playwright, baseURL, 'barney')) });

  test('is warned 5 minutes before an idle session ends, can stay, and is signed out at the end', async ({ page }) => {
    await page.clock.install();
    await page.goto('/stacks');
    await page.waitForLoadState('networkidle');
    const warning = page.getByRole('alert').filter({ hasText: 'You will be signed out' });
    await expect(warning).toHaveCount(0);

    await page.clock.fastForward('07:56:00');
    await expect(warning).toContainText(/signed out in [45] minutes/);
    const extended = page.waitForResponse((res) => res.url().endsWith('/api/auth/session') && res.status() === 200);
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await extended;
    await expect(warning).toHaveCount(0);

    await page.clock.fastForward('08:01:00');
    await expect(page).toHaveURL(/\/login\?idle=1/);
    await expect(page.getByRole('status').filter({ hasText: 'You were signed out after 8 hours without activity' })).toBeVisible();
    await page.goto('/stacks');
    await expect(page).toHaveURL(/\/login/);
  });

  test('stays signed in on an idle tab while another tab of the same browser is in use', async ({ page, context }) => {
    await page.clock.install();
    await page.goto('/stacks');
    await page.waitForLoadState('networkidle');
    const other = await context.newPage();
    await other.goto('/stacks/1st1');
    await other.waitForLoadState('networkidle');

    await page.clock.fastForward('07:56:00');
    const warningOn = (p: typeof page) => p.getByRole('alert').filter({ hasText: 'You will be signed out' });
    await expect(warningOn(page)).toBeVisible();
    await expect(warningOn(other)).toBeVisible();
    await warningOn(other).getByRole('button', { name: 'Stay signed in' }).click();
    await expect(warningOn(other)).toHaveCount(0);
    await expect(warningOn(page)).toHaveCount(0);

    await page.clock.fastForward('04:00:00');
    await expect(page).toHaveURL(/\/stacks$/);
  });
});
