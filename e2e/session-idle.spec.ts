import { expect, test } from '@playwright/test';
import { storageStateOf } from './support/demo-users';

// The browser's clock is moved forward; the session's end comes from the server's answer, so the
// warning and the sign-out follow the moved clock while the server keeps its own.
test.describe('barney', () => {
  test.use({ storageState: storageStateOf('barney') });

  test('is warned 5 minutes before an idle session ends, can stay, and is signed out at the end', async ({ page }) => {
    await page.clock.install();
    await page.goto('/stacks');
    await page.waitForLoadState('networkidle');
    const warning = page.getByRole('alert').filter({ hasText: 'You will be signed out' });
    await expect(warning).toHaveCount(0);

    await page.clock.fastForward('07:56:00');
    await expect(warning).toContainText('signed out in 4 minutes');
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
});
