import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { basic, cliRequest, simStackIds, startFacadeWorld, type FacadeWorld, type Key } from '@/test/helpers/facade-harness';

// What a token holder may try through the facade against other tenants: mounting another stack's
// secret by id in an upgrade (the browser's upgrade resolves ids to names for the policy; so must the
// facade's); hearing of a stack on the subscribe socket after it stopped being theirs; reading the
// catalog API's collections (catalog URLs may carry credentials) with the portal's key.

type Json = Record<string, unknown>;
let world: FacadeWorld;
let fred: Key;
let dino: Key;
let stackIds: Record<string, string>;
const P = '/v2-beta/projects/1a5';

beforeAll(async () => {
  world = await startFacadeWorld();
  fred = world.key('fred');
  dino = world.key('dino');
  stackIds = await simStackIds(world.sim);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const send = (key: Key, method: string, path: string, body?: unknown) => cliRequest(world.url, key, method, path, body);

async function serviceOf(key: Key, stack: string, name: string): Promise<Json> {
  const a = await send(key, 'GET', `${P}/services?name=${name}&stackId=${stackIds[stack] ?? ''}`);
  const found = (a.body.data as Json[])[0];
  if (!found) throw new Error(`no ${stack}/${name}`);
  return found;
}

/** The simulator's secrets of the environment, read with its own key. */
async function secretIdNamed(name: string): Promise<string> {
  const admin = { accessKey: world.sim.accessKey, secretKey: world.sim.secretKey };
  const res = await fetch(`${world.sim.url}${P}/secrets?limit=1000`, { headers: { authorization: basic(admin) } });
  const secret = ((await res.json()) as { data: Json[] }).data.find((s) => s.name === name);
  if (!secret) throw new Error(`no secret ${name}`);
  return String(secret.id);
}

describe('upgrade through the facade', () => {
  it('refuses a mount of another stack’s secret by id, as the browser’s upgrade does (422 namespaces-own-stack)', async () => {
    const fredsSecret = await secretIdNamed('db.foo-jgi-doe.mysql_password');
    const web = await serviceOf(dino, 'genome-browser', 'web');
    const launchConfig = { ...(web.launchConfig as Json), secrets: [{ secretId: fredsSecret, name: 'stolen', uid: '0', gid: '0', mode: '444' }] };
    const a = await send(dino, 'POST', `${P}/services/${String(web.id)}?action=upgrade`, { inServiceStrategy: { batchSize: 1, intervalMillis: 10, launchConfig } });
    expect(a.status, JSON.stringify(a.body)).toBe(422);
    expect(String(a.body.message)).toMatch(/\[namespaces-own-stack\]/);
  });

  it('refuses a mount of a secret id the environment does not have', async () => {
    const app = await serviceOf(dino, 'genome-browser', 'app');
    const launchConfig = { ...(app.launchConfig as Json), secrets: [{ secretId: '1se999', name: 'nothing', uid: '0', gid: '0', mode: '444' }] };
    const a = await send(dino, 'POST', `${P}/services/${String(app.id)}?action=upgrade`, { inServiceStrategy: { batchSize: 1, intervalMillis: 10, launchConfig } });
    expect(a.status, JSON.stringify(a.body)).toBe(422);
    expect(String(a.body.message)).toMatch(/\[namespaces-own-stack\]/);
  });
});

describe('subscribe', () => {
  it('stops telling fred of a stack as soon as it is no longer his', async () => {
    const bar = stackIds['bar-nersc'] ?? '';
    const frames: string[] = [];
    const ws = new WebSocket(`${world.url.replace('http', 'ws')}${P}/subscribe?eventNames=resource.change`, { headers: { authorization: basic(fred) } });
    ws.on('message', (data) => frames.push(String(data)));
    await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
    const admin = { accessKey: world.sim.accessKey, secretKey: world.sim.secretKey };
    const put = await fetch(`${world.sim.url}${P}/stacks/${bar}`, { method: 'PUT', headers: { authorization: basic(admin), 'content-type': 'application/json' }, body: JSON.stringify({ group: 'owner:dino' }) });
    expect(put.status).toBe(200);
    await expect.poll(async () => (await send(fred, 'GET', `${P}/stacks/${bar}`)).status, { timeout: 5_000 }).toBe(404);
    const from = frames.length;
    const kv = await serviceOf(dino, 'bar-nersc', 'kv');
    expect((await send(dino, 'POST', `${P}/services/${String(kv.id)}?action=restart`, {})).status).toBe(202);
    const mine = await serviceOf(fred, 'foo-jgi-doe', 'app');
    expect((await send(fred, 'POST', `${P}/services/${String(mine.id)}?action=restart`, {})).status).toBe(202);
    const events = () => frames.slice(from).map((f) => JSON.parse(f) as Json).filter((e) => e.name === 'resource.change');
    await expect.poll(() => events().some((e) => e.resourceId === mine.id), { timeout: 5_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    const heard = events().map((e) => ((e.data as Json).resource as Json).stackId ?? e.resourceId);
    expect(heard).not.toContain(bar);
    ws.close();
  });
});

describe('the catalog API', () => {
  it('answers the root and schemas the CLI reads, and nothing else of Rancher’s catalogs', async () => {
    for (const path of ['/v1-catalog', '/v1-catalog/schemas']) expect((await send(fred, 'GET', path)).status, path).toBe(200);
    for (const path of ['/v1-catalog/catalogs', '/v1-catalog/templates', '/v1-catalog/templateversions']) expect((await send(fred, 'GET', path)).status, path).toBe(404);
  });
});

describe('hostAccess tokens', () => {
  it('are refused once the personal token they were issued for has been revoked', async () => {
    const key = world.key('fred');
    const web = await serviceOf(key, 'foo-jgi-doe', 'web');
    const container = String((web.instanceIds as string[])[0]);
    const a = await send(key, 'POST', `${P}/containers/${container}?action=logs`, { follow: false, lines: 5 });
    expect(a.status).toBe(201);
    const { token, url } = a.body as { token: string; url: string };
    world.revoke(key);
    const answer = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${url}?token=${token}`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('error', reject);
    });
    expect(answer).toBe(401);
  });
});

describe('subscribe sockets', () => {
  it('count against the person’s open sockets (WS_MAX_PER_USER, 20 by default): the next one is a 429', async () => {
    const key = world.key('pebbles');
    const url = `${world.url.replace('http', 'ws')}${P}/subscribe?eventNames=resource.change`;
    const open = (): Promise<{ ws: WebSocket | null; status: number }> =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(url, { headers: { authorization: basic(key) } });
        ws.on('open', () => resolve({ ws, status: 101 }));
        ws.on('unexpected-response', (_req, res) => resolve({ ws: null, status: res.statusCode ?? 0 }));
        ws.on('error', reject);
      });
    const held: WebSocket[] = [];
    for (let i = 0; i < 20; i++) {
      const { ws, status } = await open();
      expect(status).toBe(101);
      if (ws) held.push(ws);
    }
    expect((await open()).status).toBe(429);
    for (const ws of held) ws.close();
  });
});

describe('paths that are no Rancher names', () => {
  it('answer 404 in Rancher’s shape, with or without credentials, even when they would break a header', async () => {
    for (const path of ['/v2-beta/projects/%0d%0aSet-Cookie:%20x/schemas', '/v2-beta/projects/%E2%80%A8/services', '/v2-beta/projects/1a5%2F..%2F1a7/services']) {
      for (const key of [fred, null]) {
        const res = await fetch(`${world.url}${path}`, { headers: key ? { authorization: basic(key) } : {} });
        expect(res.status, path).toBe(404);
        expect(res.headers.get('set-cookie')).toBeNull();
        expect(((await res.json()) as Json).type).toBe('error');
      }
    }
  });
});
