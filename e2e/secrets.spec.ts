import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/accessibility';
import { storageStateOf } from './support/demo-users';
import { simulatorGet } from './support/simulator';

// The demo world's bar-nersc/kv (1st2/1s5, prod-cattle) runs with REDIS_PASSWORD in its environment.

test.describe('fred', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('sees the stack’s secrets, who mounts each, and the create form', async ({ page }) => {
    await page.goto('/stacks/1st1');
    const section = page.getByRole('region', { name: 'Secrets' });
    await expect(section.getByTestId('secret-row-db.foo-jgi-doe.mysql_password')).toContainText('db');
    await section.getByLabel('File name').fill('api_key');
    await expect(section.getByTestId('new-secret-name')).toHaveText('web.foo-jgi-doe.api_key');
    await expect(section.getByLabel('Description')).toHaveValue('owner:fred');
    await expectNoSeriousViolations(page);
  });

  test('moves kv’s REDIS_PASSWORD to a secret, upgrades and finishes; the finding is gone', async ({ page }) => {
    await page.goto('/stacks/1st2/services/1s5?tab=upgrade');
    await page.getByRole('button', { name: 'Move REDIS_PASSWORD to a secret' }).click();

    const diff = page.getByTestId('upgrade-diff');
    await expect(diff).toContainText('REDIS_PASSWORD_FILE');
    // The diff redacts values of secret-looking names, the new path included; the mount shows its file.
    await expect(diff).toContainText('"name":"redis_password"');
    await expect(page.getByRole('group', { name: 'Secret mount redis_password' }).getByLabel('Secret', { exact: true })).toHaveValue(/^1se\d+$/);
    await expect(page.getByTestId('policy-finding').and(page.locator('[data-severity="error"]'))).toHaveCount(0);
    await expectNoSeriousViolations(page);

    const acknowledge = page.getByLabel('I understand the warnings');
    if (await acknowledge.isVisible()) await acknowledge.check();
    await page.getByRole('button', { name: 'Upgrade', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Type bar-nersc to confirm').fill('bar-nersc');
    await dialog.getByRole('button', { name: 'Upgrade', exact: true }).click();
    await expect(page.getByTestId('upgrade-status')).toContainText('Upgraded', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Finish upgrade', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Finish upgrade', exact: true }).click();
    await expect(page.getByLabel('Tag')).toBeVisible({ timeout: 30_000 });

    const kv = await simulatorGet('services/1s5');
    const launchConfig = kv.launchConfig as { environment: Record<string, string>; secrets: { secretId: string; name: string; mode: string }[] };
    expect(launchConfig.environment).not.toHaveProperty('REDIS_PASSWORD');
    expect(launchConfig.environment.REDIS_PASSWORD_FILE).toBe('/run/secrets/redis_password');
    expect(launchConfig.secrets).toEqual([expect.objectContaining({ name: 'redis_password', mode: '0400' })]);
    const secret = await simulatorGet(`secrets/${launchConfig.secrets[0]?.secretId}`);
    expect(secret).toMatchObject({ name: 'kv.bar-nersc.redis_password', value: null });

    await expect(page.getByRole('button', { name: /Move .* to a secret/ })).toHaveCount(0);
    const ruleIds = async (config: Record<string, unknown>) => {
      const check = await page.request.post('/api/v1/policy/check', {
        headers: { origin: new URL(page.url()).origin },
        data: { stackName: 'bar-nersc', service: 'kv', stackTags: 'owner:fred, staff-owner:wilma', current: config, proposed: config },
      });
      return ((await check.json()) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    };
    expect(await ruleIds({ ...launchConfig, environment: { ...launchConfig.environment, REDIS_PASSWORD: 'x' } })).toContain('secret-not-in-env');
    expect(await ruleIds(launchConfig)).not.toContain('secret-not-in-env');

    await page.goto('/stacks/1st2');
    await expect(page.getByRole('region', { name: 'Secrets' }).getByTestId('secret-row-kv.bar-nersc.redis_password')).toContainText('kv');
  });
});

test.describe('fred rotates a secret', () => {
  test.use({ storageState: storageStateOf('fred') });

  test('Replace value: a new version, one upgrade and one finish for db, then the old secret removed', async ({ page }) => {
    await page.goto('/stacks/1st1');
    const section = page.getByRole('region', { name: 'Secrets' });
    await section.getByRole('button', { name: 'Replace the value of db.foo-jgi-doe.mysql_password' }).click();
    const replace = page.getByRole('dialog');
    await replace.getByLabel('New value').fill('a-new-demo-password');
    await replace.getByRole('button', { name: 'Create new version' }).click();

    const rotation = section.getByRole('region', { name: /^Replacing db\.foo-jgi-doe\.mysql_password by/ });
    await expect(rotation.getByTestId('rotation-preview')).toContainText('db: mounts /run/secrets/mysql_password.v2');
    await rotation.getByRole('button', { name: 'Upgrade db' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByLabel('Type foo-jgi-doe to confirm').fill('foo-jgi-doe');
    await confirm.getByRole('button', { name: 'Upgrade', exact: true }).click();
    await rotation.getByRole('button', { name: 'Finish upgrade' }).click({ timeout: 30_000 });
    await rotation.getByRole('button', { name: 'Remove db.foo-jgi-doe.mysql_password', exact: true }).click({ timeout: 30_000 });

    await expect(section.getByTestId('secret-row-db.foo-jgi-doe.mysql_password')).toHaveCount(0);
    await expect(section.getByTestId('secret-row-db.foo-jgi-doe.mysql_password.v2')).toContainText('db');
    const db = await simulatorGet('services/1s3');
    const launchConfig = db.launchConfig as { environment: Record<string, string>; secrets: { name: string }[] };
    expect(launchConfig.secrets.map((s) => s.name)).toEqual(['mysql_password.v2']);
    expect(launchConfig.environment.MYSQL_PASSWORD_FILE).toBe('/run/secrets/mysql_password.v2');
    await expectNoSeriousViolations(page);
  });
});

test.describe('dino', () => {
  test.use({ storageState: storageStateOf('dino') });

  test('cannot list fred’s secrets', async ({ page }) => {
    const res = await page.request.get('/api/v1/stacks/1st1/secrets');
    expect(res.status()).toBe(404);
  });
});
