import { expect, type Page } from '@playwright/test';

/** Opens a service's page the way a person does: the stack list, the stack, then the service's link. */
export async function openService(page: Page, stack: string, service: string) {
  await page.goto('/stacks');
  await page.getByRole('link', { name: stack, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: stack })).toBeVisible();
  await page.getByTestId(`service-${service}`).getByRole('link', { name: service, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: service })).toBeVisible();
}
