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

test.describe('dino', () => {
  test.use({ storageState: storageStateOf('dino') });

  test('never sees fred’s dev stack', async ({ page }) => {
    await page.goto('/stacks');
    await expect(page.getByRole('link', { name: 'genome-browser-dev', exact: true })).toBeVisible();
    await expect(page.getByTestId('stack-row-foo-jgi-doe-dev')).toHaveCount(0);
  });
});
