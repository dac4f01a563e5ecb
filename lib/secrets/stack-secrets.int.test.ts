import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '@/test/helpers/portal-session';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';
import { settledService } from '@/test/helpers/sim-state';

// Stack secrets against the built portal and the simulator (DESIGN.md "Stack secrets"). Every response
// of the flow is kept, and at the end the portal's log output, every table of its audit database and
// those responses are searched for the marker values: a secret value never comes back out.
// Demo ids: foo-jgi-doe 1st1 (db 1s3), bar-nersc 1st2 (kv 1s5 with REDIS_PASSWORD), genome-browser 1st3 (app 1s7).

const marker = `spin-marker-${Math.random().toString(36).slice(2)}`;
const rotated = `${marker}-rotated`;
const kvPassword = 'demo-only-kv-password';
const forbidden = [marker, rotated, kvPassword].flatMap((v) => [v, Buffer.from(v).toString('base64')]);

let world: PortalWorld;
let dataDir: string;
let fred: string;
let dino: string;
const responses: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'spin-secrets-audit-'));
  world = await startPortalWorld({}, { SQLITE_PATH: join(dataDir, 'audit.db'), LOG_LEVEL: 'debug' });
  fred = await signIn(world.portal.url, 'fred');
  dino = await signIn(world.portal.url, 'dino');
}, 300_000);

afterAll(async () => {
  await world?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(cookie: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { cookie, origin: world.portal.url };
  if (method !== 'GET') headers['content-type'] = 'application/json';
  const res = await fetch(`${world.portal.url}/api/v1/stacks/${path}`, { method, headers, body: body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body) });
  const text = await res.text();
  responses.push(`${res.status} ${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${text}`);
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const secretsOf = async (cookie: string, stackId: string) => (await call(cookie, 'GET', `${stackId}/secrets`)).body.secrets as { id: string; name: string; mountedBy: { serviceName: string }[] }[];
const mountsOn = (serviceId: string) => world.sim.world.containersOf(serviceId).filter((c) => c.state === 'running').map((c) => c.secrets);

async function upgradeAndFinish(cookie: string, path: string, launchConfig: unknown): Promise<void> {
  const res = await call(cookie, 'POST', `${path}/upgrade`, { launchConfig, intervalMillis: 10 });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  await settledService(world.sim, path.split('/').at(-1) ?? '');
  expect((await call(cookie, 'POST', `${path}/finish-upgrade`)).status).toBe(202);
  await settledService(world.sim, path.split('/').at(-1) ?? '');
}

describe('stack secrets', () => {
  let apiKey: { id: string; name: string };

  it('fred lists foo-jgi-doe’s secrets with who mounts each, never a value', async () => {
    const list = await secretsOf(fred, '1st1');
    expect(list).toEqual([expect.objectContaining({ name: 'db.foo-jgi-doe.mysql_password', filename: 'mysql_password', service: 'db', mountedBy: [{ serviceId: '1s3', serviceName: 'db' }] })]);
    expect(JSON.stringify(list)).not.toContain('demo-only-not-a-real-password');
  });

  it('a name outside the convention is 422 with the expected form', async () => {
    const res = await call(fred, 'POST', '1st1/secrets', { name: 'api_key', value: marker });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: 'secret-name', expected: '<service>.foo-jgi-doe.<filename> or foo-jgi-doe.<filename>', errors: [{ path: 'name' }] });
    expect((await call(fred, 'POST', '1st1/secrets', { name: 'db.bar-nersc.api_key', value: marker })).status).toBe(422);
  });

  it('a value over 64 KiB is 413', async () => {
    const res = await call(fred, 'POST', '1st1/secrets', { name: 'db.foo-jgi-doe.big', value: 'x'.repeat(64 * 1024 + 1) });
    expect(res.status).toBe(413);
  });

  it('fred creates db.foo-jgi-doe.api_key; the answer has no value', async () => {
    const res = await call(fred, 'POST', '1st1/secrets', { name: 'db.foo-jgi-doe.api_key', value: marker, description: 'owner:fred' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'db.foo-jgi-doe.api_key', filename: 'api_key', service: 'db', description: 'owner:fred', mountedBy: [] });
    expect(Object.keys(res.body)).not.toContain('value');
    apiKey = res.body as { id: string; name: string };
    expect(world.sim.world.secretValues.get(apiKey.id)).toBe(marker);
  });

  it('fred mounts it on db, upgrades and finishes; the simulator’s containers have the mount', async () => {
    const db = world.sim.world.services.get('1s3');
    const current = (db?.launchConfig.secrets ?? []) as Record<string, unknown>[];
    const mount = { secretId: apiKey.id, name: 'api_key', mode: '0400', uid: '0', gid: '0' };
    await upgradeAndFinish(fred, '1st1/services/1s3', { secrets: [...current, mount] });
    for (const mounts of mountsOn('1s3')) expect(mounts).toEqual(expect.arrayContaining([expect.objectContaining(mount)]));
    expect((await secretsOf(fred, '1st1')).find((s) => s.id === apiKey.id)?.mountedBy).toEqual([{ serviceId: '1s3', serviceName: 'db' }]);
  });

  it('dino cannot list, mount or remove it', async () => {
    expect((await call(dino, 'GET', '1st1/secrets')).status).toBe(404);
    expect((await call(dino, 'DELETE', `1st1/secrets/${apiKey.id}`)).status).toBe(404);
    expect((await call(dino, 'POST', `1st1/secrets/${apiKey.id}/replace`, { value: marker })).status).toBe(404);
    expect((await secretsOf(dino, '1st3')).map((s) => s.id)).not.toContain(apiKey.id);
    const mount = await call(dino, 'POST', '1st3/services/1s7/upgrade', { launchConfig: { secrets: [{ secretId: apiKey.id, name: 'api_key' }] } });
    expect(mount.status).toBe(422);
    expect((mount.body.findings as { ruleId: string }[]).map((f) => f.ruleId)).toContain('namespaces-own-stack');
    expect(mountsOn('1s7').flat()).not.toContainEqual(expect.objectContaining({ secretId: apiKey.id }));
  });

  it('removing a mounted secret is 409 naming the service', async () => {
    const res = await call(fred, 'DELETE', `1st1/secrets/${apiKey.id}`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ services: ['db'], detail: expect.stringContaining('mounted by db') });
  });

  it('Replace value makes api_key.v2 and proposes one upgrade for db; after it, the old one can go', async () => {
    const res = await call(fred, 'POST', `1st1/secrets/${apiKey.id}/replace`, { value: rotated });
    expect(res.status).toBe(201);
    const { secret, replaces, upgrades } = res.body as { secret: { id: string; name: string }; replaces: { id: string }; upgrades: { serviceId: string; change: unknown }[] };
    expect(secret.name).toBe('db.foo-jgi-doe.api_key.v2');
    expect(replaces.id).toBe(apiKey.id);
    expect(upgrades.map((u) => u.serviceId)).toEqual(['1s3']);
    await upgradeAndFinish(fred, '1st1/services/1s3', upgrades[0]?.change);
    for (const mounts of mountsOn('1s3')) expect(mounts).toEqual(expect.arrayContaining([expect.objectContaining({ secretId: secret.id, name: 'api_key.v2' })]));
    expect((await call(fred, 'DELETE', `1st1/secrets/${apiKey.id}`)).status).toBe(204);
    expect((await secretsOf(fred, '1st1')).map((s) => s.name)).toEqual(['db.foo-jgi-doe.api_key.v2', 'db.foo-jgi-doe.mysql_password']);
  });

  it('Move to a secret: the value goes from kv’s environment to kv.bar-nersc.redis_password without leaving the server', async () => {
    const res = await call(fred, 'POST', '1st2/secrets/from-environment', { serviceId: '1s5', variable: 'REDIS_PASSWORD' });
    expect(res.status).toBe(201);
    const { secret, change } = res.body as { secret: { id: string; name: string }; change: Record<string, unknown> };
    expect(secret.name).toBe('kv.bar-nersc.redis_password');
    expect(world.sim.world.secretValues.get(secret.id)).toBe(kvPassword);
    expect(change).toEqual({ environment: { REDIS_PASSWORD: null, REDIS_PASSWORD_FILE: '/run/secrets/redis_password' }, secrets: [{ secretId: secret.id, name: 'redis_password', mode: '0400' }] });
    await upgradeAndFinish(fred, '1st2/services/1s5', change);
    const env = world.sim.world.services.get('1s5')?.launchConfig.environment as Record<string, string>;
    expect(env).toEqual({ REDIS_PASSWORD_FILE: '/run/secrets/redis_password' });
  });

  it('records create, rotate and remove with names only (the mount is the upgrade’s own record)', async () => {
    const res = await fetch(`${world.portal.url}/api/v1/stacks/1st1/activity`, { headers: { cookie: fred } });
    responses.push(await res.text());
    const { events } = JSON.parse(responses.at(-1) ?? '{}') as { events: { action: string; outcome: string; details: Record<string, unknown> | null }[] };
    const secretEvents = events.filter((e) => e.action.startsWith('secret.') && e.outcome === 'ok');
    expect(secretEvents.map((e) => [e.action, e.details])).toEqual(
      expect.arrayContaining([
        ['secret.create', { name: 'db.foo-jgi-doe.api_key' }],
        ['secret.rotate', { name: 'db.foo-jgi-doe.api_key', replacement: 'db.foo-jgi-doe.api_key.v2' }],
        ['secret.remove', { name: 'db.foo-jgi-doe.api_key' }],
      ]),
    );
  });

  it('no marker value in the portal’s log, any audit table or any response of the flow', () => {
    const database = new Database(join(dataDir, 'audit.db'));
    const tables = database.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    const rows = tables.map((t) => JSON.stringify(database.prepare(`select * from "${t.name}"`).all()));
    database.close();
    // The search is only worth something if the rows are there: they name the secret.
    expect(rows.join('\n')).toContain('db.foo-jgi-doe.api_key');
    for (const [where, text] of [['log', world.portal.output()], ['audit', rows.join('\n')], ['responses', responses.join('\n')]] as const) {
      for (const value of forbidden) expect(text.includes(value), `${value} in the ${where}`).toBe(false);
    }
  });
});
