import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from './support/demo-users';

async function openUpgrade(page: Page, stackId: string, serviceId: string) {
  await page.goto(`/stacks/${stackId}/services/${serviceId}?tab=upgrade`);
  await expect(page.getByLabel('Tag')).toBeVisible();
}

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('upgrades foo-jgi-doe/web to a new tag, sees the diff, and finishes', async ({ page }) => {
    await openUpgrade(page, '1st1', '1s1');
    await page.getByLabel('Tag').fill('1.27.3-alpine');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const diff = page.getByTestId('upgrade-diff');
    await expect(diff).toContainText('1.27.3-alpine');
    await expect(page.getByTestId('policy-finding').and(page.locator('[data-severity="error"]'))).toHaveCount(0);
    await page.getByRole('button', { name: 'Upgrade', exact: true }).click();
    const status = page.getByTestId('upgrade-status');
    await expect(status).toContainText('Upgraded: check the service, then Finish or Roll back', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Finish upgrade', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Finish upgrade', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'web' }).locator('..')).toContainText('nginx:1.27.3-alpine', { timeout: 30_000 });
    await expect(page.getByTitle('State: active').first()).toBeVisible({ timeout: 30_000 });

    // Rollback is gone after Finish; Revert fills the form with the version the upgrade replaced.
    const revert = page.getByRole('region', { name: 'Revert to the previous version' });
    await expect(revert).toContainText('nginx:1.15.12-alpine');
    await revert.getByRole('button', { name: 'Fill the form with the previous version' }).click();
    await expect(page.getByLabel('Tag')).toHaveValue('1.15.12-alpine');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(diff).toContainText('1.27.3-alpine');
    await expect(diff).toContainText('1.15.12-alpine');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect(page.getByLabel('Tag')).toHaveValue('1.27.3-alpine');

    await page.goto('/stacks/1st1/services/1s1?tab=activity');
    await expect(page.getByTestId('activity-item').filter({ hasText: 'fred upgraded web' }).first()).toBeVisible();
  });

  test('adding privileged blocks the upgrade with the rule that says why', async ({ page }) => {
    await openUpgrade(page, '1st1', '1s2');
    await page.getByRole('button', { name: 'Advanced (YAML)' }).click();
    await page.getByLabel(/Launch configuration fields, as YAML/).fill('privileged: true\n');
    const finding = page.getByTestId('policy-finding').and(page.locator('[data-severity="error"]'));
    await expect(finding.first()).toContainText(/privileged/i);
    await expect(finding.first().getByRole('link', { name: /no-privileged/ })).toHaveAttribute('href', '/policy#no-privileged');
    await expect(page.getByRole('button', { name: 'Upgrade', exact: true })).toBeDisabled();
  });

  test('a latest tag without the pull label warns and needs an acknowledgement', async ({ page }) => {
    await openUpgrade(page, '1st2', '1s5');
    await page.getByLabel('Tag').fill('latest');
    const warning = page.getByTestId('policy-finding').and(page.locator('[data-severity="warning"]'));
    await expect(warning.first()).toBeVisible();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const upgrade = page.getByRole('button', { name: 'Upgrade', exact: true });
    await expect(upgrade).toBeDisabled();
    await page.getByLabel('I understand the warnings').check();
    await expect(upgrade).toBeEnabled();
  });
});

test.describe('dino', () => {
  test.use({ storageState: storageStateOf('dino') });

  test('rolls back an upgrade of genome-browser/app', async ({ page }) => {
    await openUpgrade(page, '1st3', '1s7');
    const tag = page.getByLabel('Tag');
    const before = await tag.inputValue();
    await tag.fill(`${before}-rc1`);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const acknowledge = page.getByLabel('I understand the warnings');
    if (await acknowledge.isVisible()) await acknowledge.check();
    await page.getByRole('button', { name: 'Upgrade', exact: true }).click();
    await expect(page.getByTestId('upgrade-status')).toContainText('Upgraded', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Roll back', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Roll back', exact: true }).click();
    await expect(page.getByTestId('upgrade-status')).toContainText('Rolled back', { timeout: 30_000 });
    await expect(page.getByLabel('Tag')).toHaveValue(before, { timeout: 30_000 });
  });
});
