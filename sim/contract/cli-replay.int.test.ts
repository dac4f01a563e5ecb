import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../start-sim';
import { basicAuth, dial, eventually, prodEnvironmentKey, startTestSim } from './sim-harness';

// Replays the requests the `rancher` CLI v0.6.14 sends (rancher-cli.md, recorded traces) for the
// demo world's names, with the Go client's headers, and checks what the CLI relies on in each answer:
// status codes (a GET must be 200; a by-id lookup 200 or 404), X-API-Schemas, `id == name` guards,
// pagination, the actions it picks, and the hostAccess websockets.

let sim: RunningSim;
beforeAll(async () => {
  sim = await startTestSim();
});
afterAll(async () => {
  await sim.close();
});

type Json = Record<string, unknown>;
interface Answer {
  status: number;
  schemas: string | null;
  body: Json;
}

const P = '/v2-beta/projects/1a5';
// The CLI prompts when its key sees several environments (rancher-api.md §11): it is given an environment key.

/** One request as go-rancher sends it; `json` adds Content-Type as doModify/doAction do. */
async function send(method: string, path: string, options: { body?: string; json?: boolean } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'user-agent': 'Go-http-client/1.1', authorization: basicAuth(prodEnvironmentKey.accessKey, prodEnvironmentKey.secretKey), 'accept-encoding': 'gzip' };
  if (options.json) headers['content-type'] = 'application/json';
  const res = await fetch(path.startsWith('http') ? path : `${sim.url}${path}`, { method, headers, body: options.body });
  const text = await res.text();
  return { status: res.status, schemas: res.headers.get('x-api-schemas'), body: text ? (JSON.parse(text) as Json) : {} };
}

async function get200(path: string): Promise<Json> {
  const a = await send('GET', path);
  expect(a.status, `GET ${path}`).toBe(200);
  expect(a.schemas, `X-API-Schemas on ${path}`).not.toBeNull();
  return a.body;
}

const data = (c: Json) => c.data as Json[];

async function bootstrap(): Promise<void> {
  const root = await send('GET', '/v2-beta');
  expect(root.status).toBe(200);
  expect(root.schemas).toBe(`${sim.url}/v2-beta/schemas`);
  const schemas = await get200('/v2-beta/schemas');
  const projectSchema = data(schemas).find((s) => s.id === 'project');
  expect((projectSchema?.links as Json).collection).toBe(`${sim.url}/v2-beta/projects`);
  const projects = data(await get200('/v2-beta/projects'));
  expect(projects.map((p) => p.id)).toEqual(['1a5']);
  const quirk = await send('GET', `${P}/schemas/schemas`);
  expect(quirk.status).toBe(200);
  expect(quirk.schemas).toBe(`${sim.url}${P}/schemas`);
  const projectSchemas = await get200(`${P}/schemas`);
  expect((projectSchemas.links as Json).self).toBe(`${sim.url}${P}/schemas`);
}

/** cmd/common.go Lookup for one type: by id (must 404 for a name), then by name. */
async function byIdThenName(collection: string, name: string, extra = '&removed_null=1'): Promise<Json[]> {
  const byId = await send('GET', `${P}/${collection}/${name}`);
  expect([200, 404], `GET ${collection}/${name}`).toContain(byId.status);
  if (byId.status === 200) expect(byId.body.id).not.toBe(name);
  const q = collection === 'projects' ? `all=true&name=${encodeURIComponent(name)}&removed_null=1` : `name=${encodeURIComponent(name)}${extra}`;
  return data(await get200(`${P}/${collection}?${q}`));
}

/** getServiceByName: `stack/svc` (stack `Default` without a slash, created when missing). */
async function serviceByName(name: string): Promise<Json[]> {
  const [stackName, serviceName] = name.includes('/') ? name.split('/', 2) : ['Default', name];
  let stacks = data(await get200(`${P}/stacks?name=${stackName}&removed_null=1`));
  if (stacks.length === 0) {
    const created = await send('POST', `${P}/stacks`, { json: true, body: JSON.stringify({ links: null, actions: null, name: stackName }) });
    expect(created.status).toBeLessThan(300);
    stacks = [created.body];
  }
  return data(await get200(`${P}/services?name=${serviceName}&stackId=${String(stacks[0]?.id)}`));
}

async function lookup(name: string, types: string[]): Promise<Json> {
  const hits: Json[] = [];
  for (const type of types) {
    const collection = `${type}s`;
    let found = await byIdThenName(collection, name);
    if (found.length === 0 && type === 'service') found = await serviceByName(name);
    if (found.length === 0 && type === 'host') found = data(await get200(`${P}/hosts`)).filter((h) => h.hostname === name);
    expect(found.length, `${type} named ${name}`).toBeLessThanOrEqual(1);
    hits.push(...found);
  }
  expect(hits, `resources named ${name}`).toHaveLength(1);
  return hits[0] as Json;
}

function pickAction(resource: Json, names: string[]): string {
  const actions = resource.actions as Record<string, string>;
  const name = names.find((n) => actions[n]);
  expect(name, `one of ${names.join('/')} on ${String(resource.id)}`).toBeDefined();
  return actions[name as string] as string;
}

describe('rancher CLI v0.6.14 against the demo world', () => {
  it('rancher ps', async () => {
    await bootstrap();
    const stacks = data(await get200(`${P}/stacks?all=true&limit=-2`));
    const services = await get200(`${P}/services?limit=-2&removed_null=1&state_ne=inactive&state_ne=stopped&state_ne=removing&system=false`);
    expect(services.pagination).toMatchObject({ next: null, partial: false });
    const stackNames = new Map(stacks.map((s) => [s.id, s.name]));
    const rows = data(services).map((s) => `${String(stackNames.get(s.stackId))}/${String(s.name)}`);
    expect(rows).toContain('foo-jgi-doe/web');
    expect(rows).not.toContain('legacy-stack/extra');
    for (const s of data(services)) {
      expect(s).toMatchObject({ id: expect.stringMatching(/^1s/), type: 'service', system: false, scale: expect.any(Number), instanceIds: expect.any(Array), secondaryLaunchConfigs: expect.any(Array), publicEndpoints: expect.any(Array) });
      expect(String((s.launchConfig as Json).imageUuid)).toMatch(/^docker:/);
    }
    const web = data(services).find((s) => s.stackId === stacks.find((st) => st.name === 'foo-jgi-doe')?.id && s.name === 'web') ?? {};
    expect((web.publicEndpoints as Json[]).map((e) => `${String(e.ipAddress)}:${String(e.port)}`)).toEqual(['10.100.0.11:60000', '10.100.0.12:60000']);
  });

  it('rancher stacks ls', async () => {
    await bootstrap();
    const stacks = data(await get200(`${P}/stacks?limit=-2&removed_null=1&state_ne=inactive&state_ne=stopped&state_ne=removing&system=false`));
    expect(stacks.map((s) => s.name)).toEqual(expect.arrayContaining(['foo-jgi-doe', 'bar-nersc', 'genome-browser', 'crashy-nersc', 'isg-monitor', 'legacy-stack']));
    const catalog = await send('GET', '/v1-catalog');
    expect(catalog.status).toBe(200);
    expect(catalog.schemas).toBe(`${sim.url}/v1-catalog/schemas`);
    expect(data(await get200('/v1-catalog/schemas')).map((s) => s.id)).toContain('template');
    await bootstrap();
    expect(data(await get200(`${P}/projects`))).toHaveLength(1);
    expect(await get200(`${P}/settings/rancher.server.version`)).toMatchObject({ id: 'rancher.server.version', value: expect.stringMatching(/^v1\.6\./) });
  });

  it('rancher inspect foo-jgi-doe/web', async () => {
    await bootstrap();
    await bootstrap();
    const found = await lookup('foo-jgi-doe/web', ['service', 'container', 'host', 'project', 'stack', 'volume', 'secret']);
    const again = await get200(`${P}/services/${String(found.id)}`);
    expect(again).toMatchObject({ id: found.id, name: 'web', type: 'service', accountId: '1a5' });
  });

  it('rancher stop / start foo-jgi-doe/web', async () => {
    await bootstrap();
    await bootstrap();
    const web = await lookup('foo-jgi-doe/web', ['service', 'container', 'host', 'stack']);
    const stop = await send('POST', pickAction(web, ['stop', 'deactivate', 'deactivateservices']), { json: true });
    expect(stop.status).toBe(202);
    expect(stop.body).toMatchObject({ id: web.id, state: 'deactivating' });
    await eventually(async () => (await get200(`${P}/services/${String(web.id)}`)).state === 'inactive');

    await bootstrap();
    await bootstrap();
    const stopped = await lookup('foo-jgi-doe/web', ['service', 'container', 'host', 'stack']);
    const start = await send('POST', pickAction(stopped, ['start', 'activate', 'activateservices']), { json: true });
    expect(start.status).toBe(202);
    expect(start.body).toMatchObject({ id: web.id, state: 'activating' });
    await eventually(async () => (await get200(`${P}/services/${String(web.id)}`)).state === 'active');
  });

  it('rancher restart foo-jgi-doe/web', async () => {
    await bootstrap();
    await bootstrap();
    const web = await lookup('foo-jgi-doe/web', ['service', 'container']);
    const body = JSON.stringify({ links: null, actions: null, rollingRestartStrategy: { links: null, actions: null, batchSize: 1, intervalMillis: 1000 } });
    const res = await send('POST', pickAction(web, ['restart']), { json: true, body });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: web.id, state: 'restarting', transitioning: 'yes' });
    await eventually(async () => (await get200(`${P}/services/${String(web.id)}`)).state === 'active');
  });

  it('rancher logs foo-jgi-doe/web', async () => {
    await bootstrap();
    const web = await lookup('foo-jgi-doe/web', ['container', 'service']);
    expect((web.actions as Json).logs).toBeUndefined();
    const instances = data(await get200(String((web.links as Json).instances)));
    expect(instances).toHaveLength(2);
    // The CLI streams every instance that offers `logs`; a container mid-restart offers none.
    const streamable = instances.filter((c) => (c.actions as Json).logs);
    expect(streamable.length).toBeGreaterThan(0);
    for (const c of streamable) {
      const access = await send('POST', pickAction(c, ['logs']), { body: JSON.stringify({ follow: false, lines: 100, timestamps: false, since: '' }) });
      const { url, token } = access.body as { url: string; token: string };
      expect(url).toMatch(/^ws:\/\//);
      const socket = dial(`${url}?token=${token}`);
      expect((await socket.closed).code).toBe(1000);
      const lines = socket.texts().map((t) => t.split(' ').slice(1).join(' '));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => /^\d{4}-\d\d-\d\dT[\d:.]+Z /.test(l))).toBe(true);
    }
  });

  it('rancher exec -it foo-jgi-doe-app-1 sh', async () => {
    await bootstrap();
    const app = await lookup('foo-jgi-doe-app-1', ['container', 'service']);
    expect(app).toMatchObject({ type: 'container', name: 'foo-jgi-doe-app-1' });
    expect(data(await get200(`${P}/stacks?name=Default&removed_null=1`))).toHaveLength(1);
    const access = await send('POST', pickAction(app, ['execute']), { body: JSON.stringify({ attachStdin: true, attachStdout: true, command: ['sh'], tty: true }) });
    const { url, token } = access.body as { url: string; token: string };
    const socket = dial(`${url}?token=${token}`);
    await socket.opened;
    const out = () => socket.frames.map((f) => Buffer.from(f.data.toString(), 'base64').toString()).join('');
    await eventually(async () => out().endsWith('$ '), 2000, 'the prompt');
    for (const byte of 'pwd\r') socket.ws.send(Buffer.from(byte).toString('base64'));
    await eventually(async () => out().includes('pwd\r\n/srv/app\r\n'), 2000, 'pwd output');
    for (const byte of 'exit\r') socket.ws.send(Buffer.from(byte).toString('base64'));
    expect((await socket.closed).code).toBe(1000);
  });
});
