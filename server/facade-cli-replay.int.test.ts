import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRequest, simStackIds, startFacadeWorld, type FacadeWorld, type Key } from '@/test/helpers/facade-harness';

// Replays the requests the `rancher` CLI v0.6.14 sends (rancher-cli.md, recorded traces), with the Go
// client's headers, against the portal's facade, as fred, dino and pebbles: what the CLI relies on in
// each answer (200 on GETs, X-API-Schemas, links to the portal, 404 for a name in an id's place), and
// that every collection and lookup holds only the caller's stacks and what belongs to them.

type Json = Record<string, unknown>;

let world: FacadeWorld;
const keys: Record<string, Key> = {};
const P = '/v2-beta/projects/1a5';
// Who sees which demo stack in prod-cattle (DESIGN.md "Demo world").
const visible: Record<string, string[]> = { fred: ['foo-jgi-doe', 'bar-nersc'], dino: ['genome-browser', 'crashy-nersc'], pebbles: [] };
let stackIds: Record<string, string> = {};

beforeAll(async () => {
  world = await startFacadeWorld();
  for (const who of Object.keys(visible)) keys[who] = world.key(who);
  stackIds = await simStackIds(world.sim);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

function send(who: string | Key, method: string, path: string, body?: unknown) {
  return cliRequest(world.url, typeof who === 'string' ? (keys[who] ?? null) : who, method, path, body);
}

async function get200(who: string, path: string): Promise<Json> {
  const a = await send(who, 'GET', path);
  expect(a.status, `GET ${path} as ${who}: ${JSON.stringify(a.body)}`).toBe(200);
  expect(a.schemas, `X-API-Schemas on ${path}`).not.toBeNull();
  return a.body;
}

const data = (c: Json) => c.data as Json[];
const defaultListOpts = 'limit=-2&removed_null=1&state_ne=inactive&state_ne=stopped&state_ne=removing&system=false';

/** The discovery every command starts with (rancher-cli.md "API discovery"). */
async function discover(who: string): Promise<Json[]> {
  const root = await send(who, 'GET', '/v2-beta');
  expect(root.status).toBe(200);
  expect(root.schemas).toBe(`${world.url}/v2-beta/schemas`);
  const schemas = data(await get200(who, '/v2-beta/schemas'));
  expect((schemas.find((s) => s.id === 'project')?.links as Json).collection).toBe(`${world.url}/v2-beta/projects`);
  const projects = data(await get200(who, '/v2-beta/projects'));
  const quirk = await send(who, 'GET', `${P}/schemas/schemas`);
  expect(quirk.status).toBe(200);
  expect(quirk.schemas).toBe(`${world.url}${P}/schemas`);
  const projectSchemas = await get200(who, `${P}/schemas`);
  expect((projectSchemas.links as Json).self).toBe(`${world.url}${P}/schemas`);
  expect(JSON.stringify(projectSchemas)).not.toContain(world.sim.url);
  return projects;
}

function expectNotFound(a: { status: number; body: Json }, path: string) {
  expect(a.status, path).toBe(404);
  expect(a.body).toMatchObject({ type: 'error', status: 404, code: 'NotFound' });
}

describe.each(Object.keys(visible))('the rancher CLI as %s', (who) => {
  const mine = () => new Set((visible[who] ?? []).map((n) => stackIds[n]));

  it('discovers the API, and sees only the environments holding its stacks', async () => {
    const projects = await discover(who);
    expect(projects.map((p) => p.id)).toEqual(who === 'pebbles' ? [] : ['1a5', '1a7']);
  });

  it('ps: stacks and services of its own stacks only', async () => {
    const stacks = data(await get200(who, `${P}/stacks?all=true&limit=-2`));
    expect(stacks.map((s) => s.name).sort()).toEqual([...(visible[who] ?? [])].sort());
    const services = await get200(who, `${P}/services?${defaultListOpts}`);
    expect((services.pagination as Json).partial).toBe(false);
    for (const s of data(services)) expect(mine().has(String(s.stackId)), `service ${String(s.id)}`).toBe(true);
    if (who !== 'pebbles') expect(data(services).length).toBeGreaterThan(0);
    expect(JSON.stringify(services)).not.toContain(world.sim.url);
  });

  it('ps -c and stacks ls: containers and stacks of its own stacks only', async () => {
    for (const c of data(await get200(who, `${P}/containers?${defaultListOpts}`))) expect(mine().has(String(c.stackId))).toBe(true);
    const listed = data(await get200(who, `${P}/stacks?${defaultListOpts}`));
    for (const s of listed) expect(mine().has(String(s.id))).toBe(true);
    await get200(who, '/v1-catalog');
    await get200(who, '/v1-catalog/schemas');
    await get200(who, `${P}/settings/rancher.server.version`);
  });

  it('hosts, volumes, secrets and other stacks are nowhere to be found', async () => {
    for (const c of ['hosts', 'volumes', 'secrets']) expect(data(await get200(who, `${P}/${c}`))).toEqual([]);
    for (const [name, id] of Object.entries(stackIds)) {
      if (mine().has(id)) continue;
      expectNotFound(await send(who, 'GET', `${P}/stacks/${id}`), name);
      expect(data(await get200(who, `${P}/stacks?name=${name}&removed_null=1`))).toEqual([]);
      expect(data(await get200(who, `${P}/services?stackId=${id}`))).toEqual([]);
    }
  });
});

describe('name lookups (inspect, stop, start, restart, logs)', () => {
  it('finds fred’s stack/service the way Lookup does, every id-shaped name a 404', async () => {
    const name = 'foo-jgi-doe/web';
    for (const c of ['services', 'containers', 'hosts', 'stacks', 'volumes', 'secrets', 'projects']) {
      expectNotFound(await send('fred', 'GET', `${P}/${c}/${name}`), c);
      const q = c === 'projects' ? `all=true&name=${encodeURIComponent(name)}&removed_null=1` : `name=${encodeURIComponent(name)}&removed_null=1`;
      expect(data(await get200('fred', `${P}/${c}?${q}`))).toEqual([]);
    }
    const [stack] = data(await get200('fred', `${P}/stacks?name=foo-jgi-doe&removed_null=1`));
    const [service] = data(await get200('fred', `${P}/services?name=web&stackId=${String(stack?.id)}`));
    expect(service).toMatchObject({ name: 'web', stackId: stackIds['foo-jgi-doe'] });
    const byId = await get200('fred', `${P}/services/${String(service?.id)}`);
    expect(byId.launchConfig).toBeTruthy();
    expect((byId.links as Json).self).toBe(`${world.url}${P}/services/${String(service?.id)}`);
    expect(Object.keys(byId.actions as Json).sort()).toEqual(expect.arrayContaining(['deactivate', 'restart', 'upgrade']));
    const instances = data(await get200('fred', `${P}/services/${String(service?.id)}/instances`));
    expect(instances.length).toBeGreaterThan(0);
    expect(Object.keys(instances[0]?.actions as Json)).toEqual(expect.arrayContaining(['logs', 'execute']));
  });

  it('answers a bare name’s Default stack question without creating one', async () => {
    const [placeholder] = data(await get200('fred', `${P}/stacks?name=Default&removed_null=1`));
    expect(placeholder).toMatchObject({ name: 'Default', actions: {} });
    expect(data(await get200('fred', `${P}/services?name=web&stackId=${String(placeholder?.id)}`))).toEqual([]);
    const created = await send('fred', 'POST', `${P}/stacks`, { links: null, actions: null, name: 'Default' });
    expect(created.status).toBe(403);
    expect(created.body).toMatchObject({ type: 'error', status: 403, code: 'PermissionDenied' });
  });

  it('dino gets 404 for each of fred’s services and containers by id', async () => {
    const services = data(await get200('fred', `${P}/services?limit=-2`));
    const containers = data(await get200('fred', `${P}/containers?limit=-2`));
    for (const s of services) expectNotFound(await send('dino', 'GET', `${P}/services/${String(s.id)}`), String(s.id));
    for (const c of containers.slice(0, 3)) {
      expectNotFound(await send('dino', 'GET', `${P}/containers/${String(c.id)}`), String(c.id));
      expectNotFound(await send('dino', 'GET', `${P}/instances/${String(c.id)}`), String(c.id));
      expectNotFound(await send('dino', 'POST', `${P}/containers/${String(c.id)}?action=logs`, { follow: false, lines: 10 }), String(c.id));
    }
    expectNotFound(await send('dino', 'POST', `${P}/services/${String(services[0]?.id)}?action=restart`, {}), 'restart');
    expectNotFound(await send('pebbles', 'GET', `${P}/services/${String(services[0]?.id)}/instances`), 'instances');
  });
});

describe('credentials', () => {
  it('refuses no key, a wrong secret and an unknown key with Rancher’s 401', async () => {
    const fred = keys.fred as Key;
    for (const key of [null, { ...fred, secretKey: 'wrong' }, { accessKey: 'spinpat_nosuchtoken0', secretKey: fred.secretKey }]) {
      const a = await cliRequest(world.url, key, 'GET', '/v2-beta');
      expect(a.status).toBe(401);
      expect(a.body).toMatchObject({ type: 'error', status: 401, code: 'Unauthorized' });
    }
  });

  it('never lets an encoded ../ reach another of Rancher’s paths', async () => {
    for (const path of ['/v2-beta/schemas/..%2Fprojects%2F1a5%2Fstacks', `${P}/schemas/..%2F..%2Fprojects%2F1a5%2Fservices`, `${P}/stacks/..%2Fservices`]) {
      const a = await send('pebbles', 'GET', path);
      expect(a.status, path).toBe(404);
      expect(JSON.stringify(a.body)).not.toContain('foo-jgi-doe');
    }
  });

  it('a token narrowed to one stack sees only that stack', async () => {
    const narrowed = world.key('fred', { stackIds: [stackIds['bar-nersc'] ?? ''] });
    const stacks = data((await cliRequest(world.url, narrowed, 'GET', `${P}/stacks?limit=-2`)).body);
    expect(stacks.map((s) => s.name)).toEqual(['bar-nersc']);
    expectNotFound(await cliRequest(world.url, narrowed, 'GET', `${P}/stacks/${stackIds['foo-jgi-doe'] ?? ''}`), 'narrowed');
  });
});
