import { expect, test } from '@playwright/test';
import { storageStateOf } from './support/demo-users';

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('lists the shortcuts with ?, searches with /, and types freely in the search box', async ({ page }) => {
    await page.goto('/stacks');
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('/');
    const search = page.getByLabel('Search stacks, services, images, owners');
    await expect(search).toBeFocused();
    // Keys typed in a field are text, not shortcuts: "g s" must not navigate.
    await page.keyboard.type('g s');
    await expect(search).toHaveValue('g s');
    await expect(page).toHaveURL(/\/stacks\?q=g/);
    await search.fill('');
    await search.blur();

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    const list = dialog.getByTestId('shortcut-list');
    await expect(list).toContainText('Go to the stacks');
    await expect(list).toContainText('Search the stacks');
    await expect(list).not.toContainText('activity of every stack');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('opens a service’s logs with l and its shell with s; keys in the terminal stay there', async ({ page }) => {
    await page.goto('/stacks/1st1/services/1s2');
    await expect(page.getByRole('heading', { level: 1, name: 'app' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('l');
    await expect(page).toHaveURL(/tab=logs/);
    await expect(page.getByTestId('log-line').first()).toBeVisible();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('s');
    await expect(page).toHaveURL(/tab=shell/);
    await expect(page.getByTestId('shell-status')).toHaveText(/Connected — bash/, { timeout: 15_000 });
    await page.getByTestId('terminal').click();
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.waitForTimeout(500);
    await expect(page).toHaveURL(/tab=shell/);
  });
});

test.describe('wilma (staff)', () => {
  test.use({ storageState: storageStateOf('wilma') });

  test('moves between the stacks with the arrow keys, Home and End, and opens one with Enter', async ({ page }) => {
    await page.goto('/stacks');
    await page.waitForLoadState('networkidle');
    const links = page.getByRole('table').getByRole('rowheader').getByRole('link');
    const names = await links.allTextContents();
    expect(names.length).toBeGreaterThan(2);
    await links.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(links.last()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.last()).toBeFocused();
    await page.keyboard.press('Home');
    await expect(links.first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: names[1] })).toBeVisible();
  });

  test('goes to the activity with g a', async ({ page }) => {
    await page.goto('/stacks');
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await expect(page).toHaveURL(/\/activity$/);
  });
});
