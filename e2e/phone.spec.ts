import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/accessibility';
import { storageStateOf, type DemoUser } from './support/demo-users';

test.use({ viewport: { width: 390, height: 844 } });

/** The page is no wider than the phone: nothing scrolls the whole page sideways. On failure, names what sticks out. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => {
    const view = window.innerWidth;
    const sticksOut = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > view + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > view + 1))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').split(' ').slice(0, 4).join('.')}`);
    return { page: document.documentElement.scrollWidth, view, sticksOut };
  });
  expect(widths.page, `${where} is ${widths.page} px wide: ${widths.sticksOut.join(', ')}`).toBeLessThanOrEqual(widths.view);
}

async function expectPhoneReady(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('main#main')).toBeVisible();
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await expectNoSidewaysScroll(page, path);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page, colorScheme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const pagesOf: Record<string, { user: DemoUser | null; paths: string[] }> = {
  visitor: { user: null, paths: ['/', '/login', '/policy'] },
  fred: {
    user: 'fred',
    paths: [
      '/stacks',
      '/stacks/1st1',
      ...['overview', 'resources', 'config', 'upgrade', 'logs', 'shell', 'activity'].map((tab) => `/stacks/1st1/services/1s1?tab=${tab}`),
      '/sessions',
      '/tokens',
      '/no-such-page',
    ],
  },
  wilma: { user: 'wilma', paths: ['/stacks', '/activity'] },
};

for (const [who, { user, paths }] of Object.entries(pagesOf)) {
  test.describe(who, () => {
    if (user) test.use({ storageState: storageStateOf(user) });
    for (const path of paths) {
      test(`${path} fits a 390 px phone, light and dark`, async ({ page }) => {
        // Two axe runs over a long page (the policy catalog) on a busy machine.
        test.slow();
        await expectPhoneReady(page, path);
      });
    }
  });
}

test.describe('fred on a phone', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('the header takes at most two lines and dialogs fit the screen', async ({ page }) => {
    await page.goto('/stacks/1st1');
    const header = page.locator('body > header');
    const box = await header.boundingBox();
    expect(box?.height ?? 0).toBeLessThanOrEqual(2 * 56 + 2);

    for (const opener of [page.getByRole('button', { name: 'Restart container foo-jgi-doe-web-1' }), page.getByRole('button', { name: 'Stop web' })]) {
      await opener.click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      const shown = await dialog.boundingBox();
      expect(shown).not.toBeNull();
      if (shown) {
        expect(shown.x).toBeGreaterThanOrEqual(0);
        expect(shown.y).toBeGreaterThanOrEqual(0);
        expect(shown.x + shown.width).toBeLessThanOrEqual(390);
        expect(shown.y + shown.height).toBeLessThanOrEqual(844);
      }
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
    }
  });
});
