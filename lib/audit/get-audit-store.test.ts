import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '@/lib/config/env';
import { getAuditStore } from './get-audit-store';

describe('getAuditStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spin-audit-get-'));
  afterAll(async () => {
    await (await getAuditStore()).close();
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens one store per process from the environment, and retries after a failed open', async () => {
    vi.stubEnv('DATABASE_URL', 'mysql://db/spin');
    await expect(getAuditStore()).rejects.toBeInstanceOf(ConfigError);

    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('SQLITE_PATH', join(dir, 'nested', 'audit.db'));
    const store = await getAuditStore();
    expect(await getAuditStore()).toBe(store);
    expect(store.dialect).toBe('sqlite');
    await store.record({ actor: 'wilma', action: 'login.success', outcome: 'ok' });
    expect(await store.verify()).toMatchObject({ ok: true, rows: 1 });
  });
});
