import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from './support/demo-users';

/** Upgrade on a prod-cattle stack: the form's button opens a dialog that asks for the stack's name. */
async function upgradeInProduction(page: Page, stackName: string) {
  await page.getByRole('button', { name: 'Upgrade', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toContainText(`in production stack ${stackName}?`);
  await dialog.getByLabel(`Type ${stackName} to confirm`).fill(stackName);
  await dialog.getByRole('button', { name: 'Upgrade', exact: true }).click();
}

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
    await upgradeInProduction(page, 'foo-jgi-doe');
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

  test('a Docker socket mount typed into the advanced YAML is blocked by the field, with the rule to read', async ({ page }) => {
    await openUpgrade(page, '1st1', '1s2');
    await page.getByRole('button', { name: 'Advanced (YAML)' }).click();
    const yaml = page.getByLabel(/Launch configuration fields, as YAML/);
    await yaml.fill('dataVolumes:\n  - //var/run/./docker.sock:/var/run/docker.sock:ro\n');
    // The finding is what the editor is described by: shown by the field at fault.
    await expect(yaml).toHaveAttribute('aria-describedby', /\S/);
    const described = page.locator(`[id="${await yaml.getAttribute('aria-describedby')}"]`);
    const block = described.getByTestId('policy-finding').and(page.locator('[data-severity="error"]'));
    await expect(block).toContainText('gives root on the node');
    await expect(block.getByRole('link', { name: 'host-path-allowed' })).toHaveAttribute('href', '/policy#host-path-allowed');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Upgrade', exact: true })).toBeDisabled();
    await expect(page.getByText('Spin policy blocks this upgrade')).toBeVisible();
    // An owner is never offered to accept it.
    await expect(page.getByLabel(/As Spin staff, I accept/)).toHaveCount(0);
  });

  test('a label asking Rancher for an environment key is blocked by the label', async ({ page }) => {
    await openUpgrade(page, '1st1', '1s2');
    const labels = page.getByRole('group', { name: 'Labels' });
    await labels.getByRole('button', { name: 'Add label' }).click();
    await labels.getByLabel('Name', { exact: true }).last().fill('io.rancher.container.create_agent');
    await labels.getByLabel('Value', { exact: true }).last().fill('true');
    const block = labels.getByTestId('policy-finding').and(page.locator('[data-severity="error"]'));
    await expect(block).toContainText('API key to the whole Spin environment');
    await expect(block.getByRole('link', { name: 'rancher-reserved-labels' })).toHaveAttribute('href', '/policy#rancher-reserved-labels');
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
    await upgradeInProduction(page, 'genome-browser');
    await expect(page.getByTestId('upgrade-status')).toContainText('Upgraded', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Roll back', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Roll back', exact: true }).click();
    await expect(page.getByTestId('upgrade-status')).toContainText('Rolled back', { timeout: 30_000 });
    await expect(page.getByLabel('Tag')).toHaveValue(before, { timeout: 30_000 });
  });
});

test.describe('wilma (staff)', () => {
  test.use({ storageState: storageStateOf('wilma') });

  test('may accept node-level access, which turns the block into a warning to acknowledge', async ({ page }) => {
    await openUpgrade(page, '1st1', '1s2');
    await page.getByRole('button', { name: 'Advanced (YAML)' }).click();
    await page.getByLabel(/Launch configuration fields, as YAML/).fill('dataVolumes:\n  - /var/run/docker.sock:/var/run/docker.sock:ro\n');
    const errors = page.getByTestId('policy-finding').and(page.locator('[data-severity="error"]'));
    await expect(errors.first()).toContainText('gives root on the node');
    await page.getByLabel(/As Spin staff, I accept the node-level access/).check();
    await expect(errors).toHaveCount(0);
    await expect(page.getByTestId('policy-finding').and(page.locator('[data-severity="warning"]')).filter({ hasText: 'gives root on the node' })).toBeVisible();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByLabel('I understand the warnings').check();
    await expect(page.getByRole('button', { name: 'Upgrade', exact: true })).toBeEnabled();
  });
});
