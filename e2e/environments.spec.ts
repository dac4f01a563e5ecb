import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/accessibility';
import { storageStateOf } from './support/demo-users';

// DESIGN.md "Several environments": prod-cattle and dev-cattle in one portal, production visibly so.

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('sees each stack’s environment in the list and filters to one, in the URL', async ({ page }) => {
    await page.goto('/stacks');
    const prodRow = page.getByTestId('stack-row-foo-jgi-doe');
    const devRow = page.getByTestId('stack-row-foo-jgi-doe-dev');
    await expect(prodRow.getByTestId('environment-badge')).toHaveText('Productionprod-cattle');
    await expect(devRow.getByTestId('environment-badge')).toHaveText('dev-cattle');
    await expectNoSeriousViolations(page);

    await page.getByLabel('Environment').selectOption('dev-cattle');
    await expect(page).toHaveURL(/env=dev-cattle/);
    await expect(page.getByRole('table').getByRole('rowheader').getByRole('link')).toHaveText(['foo-jgi-doe-dev']);
  });

  test('a production stack says so in its header and breadcrumb; a dev stack names dev-cattle', async ({ page }) => {
    await page.goto('/stacks');
    await page.getByRole('link', { name: 'foo-jgi-doe', exact: true }).click();
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumb.getByTestId('environment-badge')).toHaveAttribute('data-production', 'true');
    await expect(page.locator('header').getByTestId('environment-badge')).toContainText('Production');
    await expectNoSeriousViolations(page);

    await breadcrumb.getByRole('link', { name: 'Stacks', exact: true }).click();
    await page.getByRole('link', { name: 'foo-jgi-doe-dev', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'foo-jgi-doe-dev' })).toBeVisible();
    await expect(breadcrumb.getByTestId('environment-badge')).toHaveText('dev-cattle');
    await expect(breadcrumb.getByTestId('environment-badge')).toHaveAttribute('data-production', 'false');
  });
});

test.describe('fred, changing things', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('the prod stop dialog asks for the stack’s name and says production; the dev one is one click', async ({ page }) => {
    await page.goto('/stacks');
    await page.getByRole('link', { name: 'foo-jgi-doe', exact: true }).click();
    await page.getByRole('button', { name: 'Stop web' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Stop service web in production stack foo-jgi-doe?');
    await expect(dialog.getByTestId('production-warning')).toContainText('prod-cattle');
    await expect(dialog.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();
    await dialog.getByLabel('Type foo-jgi-doe to confirm').fill('foo-jgi-do');
    await expect(dialog.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();
    await dialog.getByLabel('Type foo-jgi-doe to confirm').fill('foo-jgi-doe');
    await expect(dialog.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
    await expectNoSeriousViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.goto('/stacks');
    await page.getByRole('link', { name: 'foo-jgi-doe-dev', exact: true }).click();
    await page.getByRole('button', { name: 'Stop web' }).click();
    await expect(dialog.getByRole('heading')).toHaveText('Stop service web in stack foo-jgi-doe-dev?');
    await expect(dialog.getByTestId('production-warning')).toHaveCount(0);
    await expect(dialog.getByRole('textbox')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('promotes foo-jgi-doe-dev/web’s image to foo-jgi-doe/web through the prefilled prod form', async ({ page }) => {
    await page.goto('/stacks');
    await page.getByRole('link', { name: 'foo-jgi-doe-dev', exact: true }).click();
    await page.getByTestId('service-web').getByRole('link', { name: 'web', exact: true }).click();
    await page.getByRole('link', { name: 'Upgrade the same service in prod to this image' }).click();

    await expect(page).toHaveURL(/\/stacks\/1st1\/services\/1s1\?tab=upgrade&image=nginx%3A1\.17\.10-alpine/);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByTestId('environment-badge')).toContainText('Production');
    await expect(page.getByTestId('upgrade-prefilled')).toContainText('nginx:1.17.10-alpine');
    await expect(page.getByLabel('Tag')).toHaveValue('1.17.10-alpine');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page.getByTestId('upgrade-diff')).toContainText('1.17.10-alpine');
    await expect(page.getByTestId('policy-finding').and(page.locator('[data-severity="error"]'))).toHaveCount(0);
    await expectNoSeriousViolations(page);

    await page.getByRole('button', { name: 'Upgrade', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Upgrade web in production stack foo-jgi-doe?');
    await expect(dialog.getByRole('button', { name: 'Upgrade', exact: true })).toBeDisabled();
    await dialog.getByLabel('Type foo-jgi-doe to confirm').fill('foo-jgi-doe');
    await dialog.getByRole('button', { name: 'Upgrade', exact: true }).click();
    await expect(page.getByTestId('upgrade-status')).toContainText('Upgraded', { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'web' }).locator('..')).toContainText('nginx:1.17.10-alpine');

    // Roll back (the dialog says production), so the demo world's prod web is as it was.
    await page.getByRole('button', { name: 'Roll back', exact: true }).click();
    await expect(dialog.getByTestId('production-warning')).toBeVisible();
    await dialog.getByRole('button', { name: 'Roll back', exact: true }).click();
    await expect(page.getByTestId('upgrade-status')).toContainText('Rolled back', { timeout: 30_000 });
  });
});

test.describe('dino', () => {
  test.use({ storageState: storageStateOf('dino') });

  test('never sees fred’s dev stack', async ({ page }) => {
    await page.goto('/stacks');
    await expect(page.getByRole('link', { name: 'genome-browser-dev', exact: true })).toBeVisible();
    await expect(page.getByTestId('stack-row-foo-jgi-doe-dev')).toHaveCount(0);
  });
});
