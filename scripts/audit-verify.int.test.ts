import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditStoreLocation } from '@/lib/audit/open-audit-database';
import { openAuditStore } from '@/lib/audit/open-audit-store';
import { auditBackends } from '@/test/helpers/audit-backends';

const script = fileURLToPath(new URL('./audit-verify.ts', import.meta.url));

function verify(location: AuditStoreLocation, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.SQLITE_PATH;
  if (location.databaseUrl) env.DATABASE_URL = location.databaseUrl;
  if (location.sqlitePath) env.SQLITE_PATH = location.sqlitePath;
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env, encoding: 'utf8', timeout: 20_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe.each(auditBackends.map((make) => [make().name, make] as const))('npm run audit:verify on %s', (_name, makeBackend) => {
  const backend = makeBackend();
  beforeAll(() => backend.start());
  afterAll(() => backend.stop());

  async function storeWithEvents(count: number) {
    const location = await backend.freshLocation();
    const store = await openAuditStore(location);
    const ids: string[] = [];
    try {
      for (let i = 0; i < count; i++) ids.push((await store.record({ actor: 'fred', action: 'service.restart', outcome: 'ok' })).id);
    } finally {
      await store.close();
    }
    return { location, ids };
  }

  it('reports an intact chain and exits 0', async () => {
    const { location } = await storeWithEvents(3);
    const run = verify(location);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/audit chain intact: 3 rows/);
    const json = verify(location, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, rows: 3 });
  });

  it('names the first broken row and exits 1', async () => {
    const { location, ids } = await storeWithEvents(4);
    await backend.tamper(location, "update audit_events set outcome = 'denied' where seq = 2");
    const run = verify(location);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`first broken row: #2 (id ${ids[1]})`);
    expect(run.out).toMatch(/reason: .*edited/);
  });

  it('exits 2 when there is no audit database to check', async () => {
    const location = await backend.freshLocation();
    const run = verify(location);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/audit:verify: (no audit database|could not check)/);
  });
});
