import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/accessibility';
import { storageStateOf } from './support/demo-users';

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred'), permissions: ['clipboard-read', 'clipboard-write'] });

  test('makes an API token limited to one stack, sees its secret once, uses it, and revokes it', async ({ page, playwright, baseURL }) => {
    await page.goto('/stacks');
    await page.getByRole('link', { name: 'API tokens' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
    await expectNoSeriousViolations(page);

    const form = page.getByRole('form', { name: 'New API token' });
    await form.getByLabel('Name').fill('e2e deploy');
    await form.getByLabel('Expires after (days)').fill('7');
    await form.getByLabel('Only some of my stacks').check();
    await form.getByRole('list', { name: 'Stacks the token may reach' }).getByLabel(/^foo-jgi-doe \(prod-cattle\)/).check();
    await form.getByRole('button', { name: 'Create token' }).click();

    const notice = page.getByRole('region', { name: 'Token “e2e deploy” created' });
    await expect(notice).toBeVisible();
    const token = (await notice.getByLabel('API token', { exact: true }).textContent()) ?? '';
    expect(token).toMatch(/^spinpat_[a-z0-9]{12}_[A-Za-z0-9]{40}$/);
    const [accessKey, secretKey] = token.split(/_(?=[A-Za-z0-9]{40}$)/);
    await expect(notice.getByLabel('Access key', { exact: true })).toHaveText(accessKey ?? '');
    await expect(notice.getByLabel('Secret key', { exact: true })).toHaveText(secretKey ?? '');
    await notice.getByRole('button', { name: 'Copy API token' }).click();
    await expect(notice.getByRole('button', { name: 'Copy API token' })).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await expectNoSeriousViolations(page);

    // The token works on its own, without the browser's cookie (with it, it is refused), and reaches only its stack.
    const noCookies = { cookies: [], origins: [] };
    const api = await playwright.request.newContext({ baseURL, storageState: noCookies, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const answer = await api.get('/api/v1/stacks');
    expect(answer.status(), await answer.text()).toBe(200);
    const listed = (await answer.json()) as { stacks: { name: string }[] };
    expect(listed.stacks.map((s) => s.name)).toEqual(['foo-jgi-doe']);

    // Once dismissed, the secret is gone from the page, and a reload does not bring it back.
    await notice.getByRole('button', { name: 'I have copied it' }).click();
    await expect(notice).toBeHidden();
    await page.reload();
    const row = page.getByTestId('token-row').filter({ hasText: 'e2e deploy' });
    await expect(row).toContainText('foo-jgi-doe; all rights');
    await expect(row).toContainText('127.0.0.1');
    expect(await page.content()).not.toContain(secretKey);

    await row.getByRole('button', { name: 'Revoke token e2e deploy' }).click();
    await page.getByRole('dialog', { name: 'Revoke token e2e deploy?' }).getByRole('button', { name: 'Revoke' }).click();
    await expect(row).toBeHidden();
    expect((await api.get('/api/v1/stacks')).status()).toBe(401);
    await api.dispose();
  });
});

test.describe('wilma (staff)', () => {
  test.use({ storageState: storageStateOf('wilma') });

  test('sees everyone’s tokens with their owners', async ({ page }) => {
    await page.goto('/tokens');
    await expect(page.getByRole('heading', { level: 2, name: 'Everyone’s tokens' })).toBeVisible();
    await page.getByRole('form', { name: 'New API token' }).getByLabel('Name').fill('staff audit');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect(page.getByRole('columnheader', { name: 'Owner' })).toBeVisible();
    await expect(page.getByTestId('token-row').filter({ hasText: 'staff audit' })).toContainText('wilma');
  });
});
