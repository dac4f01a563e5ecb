import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from './support/demo-users';

async function terminalText(page: Page): Promise<string> {
  return (await page.getByTestId('terminal').locator('.xterm-rows').textContent()) ?? '';
}

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('opens a shell in foo-jgi-doe/app, runs echo and id', async ({ page }) => {
    await page.goto('/stacks/1st1/services/1s2?tab=shell');
    await expect(page.getByTestId('shell-status')).toHaveText(/Connected — bash/, { timeout: 15_000 });
    const terminal = page.getByTestId('terminal');
    await terminal.click();
    await page.keyboard.type('echo hello\n');
    await expect.poll(() => terminalText(page)).toMatch(/echo hello\s*hello/);
    await page.keyboard.type('id\n');
    await expect.poll(() => terminalText(page)).toMatch(/uid=\d+\(\w+\)/);
  });
});

test.describe('pebbles', () => {
  test.use({ storageState: storageStateOf('pebbles') });

  test('gets no shell on a stack that is not hers', async ({ page }) => {
    const res = await page.goto('/stacks/1st1/services/1s2?tab=shell');
    expect(res?.status()).toBe(404);
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://${location.host}/api/v1/containers/1i3/shell?cols=80&rows=24`);
          ws.onopen = () => resolve('opened');
          ws.onclose = () => resolve('refused');
        }),
    );
    expect(outcome).toBe('refused');
  });
});

test.describe('a page from another origin', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('cannot open a shell, even in a browser signed in to the portal', async ({ page, baseURL }) => {
    await page.route('http://evil.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>evil</title>' }));
    await page.goto('http://evil.example/');
    const portal = new URL(baseURL ?? '');
    const outcome = await page.evaluate(
      (host) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://${host}/api/v1/containers/1i3/shell?cols=80&rows=24`);
          ws.onopen = () => resolve('opened');
          ws.onclose = () => resolve('refused');
        }),
      portal.host,
    );
    expect(outcome).toBe('refused');
  });
});
