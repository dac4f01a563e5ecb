import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RunningSim } from '../start-sim';
import { basicAuth, byName, call, dataOf, get, prodEnvironmentKey, project, serviceOf, startTestSim } from './sim-harness';

// The v2-beta HTTP contract over a real socket: discovery, envelopes, collections, errors, creates
// and updates (rancher-api.md §1–§5, §10.1).

let sim: RunningSim;
beforeAll(async () => {
  sim = await startTestSim();
});
afterAll(async () => {
  await sim.close();
});

describe('discovery and headers', () => {
  it('answers the root with 200, X-API-Schemas, X-Rancher-Version and JSON', async () => {
    const res = await call(sim, 'GET', '/v2-beta');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-api-schemas')).toBe(`${sim.url}/v2-beta/schemas`);
    expect(res.headers.get('x-rancher-version')).toMatch(/^v1\.6\.\d+$/);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ type: 'apiVersion', links: { schemas: `${sim.url}/v2-beta/schemas`, projects: `${sim.url}/v2-beta/projects` } });
  });

  it('serves the schemas/schemas quirk with the project schemas URL in the header', async () => {
    const res = await call(sim, 'GET', project(sim, '/schemas/schemas'));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-api-schemas')).toBe(`${sim.url}${project(sim, '/schemas')}`);
    expect(res.body).toMatchObject({ id: 'schema', type: 'schema' });
  });

  it('lists every schema the CLI looks up, with absolute collection links and methods', async () => {
    const res = await call(sim, 'GET', project(sim, '/schemas'));
    expect(res.body.links).toEqual({ self: `${sim.url}${project(sim, '/schemas')}` });
    const schemas = new Map(dataOf(res.body).map((s) => [s.id as string, s]));
    for (const id of ['schema', 'project', 'stack', 'service', 'container', 'instance', 'host', 'volume', 'secret', 'subscribe', 'serviceLog', 'setting', 'machine', 'projectTemplate', 'serviceConsumeMap', 'loadBalancerService']) {
      const links = schemas.get(id)?.links as Record<string, string> | undefined;
      expect(links?.collection, id).toMatch(new RegExp(`^${sim.url}/v2-beta/projects/1a5/`));
    }
    expect(schemas.get('stack')?.collectionMethods).toContain('POST');
    expect((schemas.get('subscribe')?.links as Record<string, string>).collection).toBe(`${sim.url}${project(sim, '/subscribe')}`);
    expect((schemas.get('service')?.resourceActions as Record<string, unknown>).restart).toEqual({ input: 'serviceRestart', output: 'service' });
  });

  it('serves global schemas and a single schema by id or plural name', async () => {
    expect((await call(sim, 'GET', '/v2-beta/schemas/service')).body).toMatchObject({ id: 'service', pluralName: 'services' });
    expect((await call(sim, 'GET', '/v2-beta/schemas/stacks')).body).toMatchObject({ id: 'stack' });
    expect((await call(sim, 'GET', '/v2-beta/schemas/nope')).status).toBe(404);
  });

  it('lists only the key’s project for an environment key, also under the project scope', async () => {
    const envKey = { authorization: basicAuth(prodEnvironmentKey.accessKey, prodEnvironmentKey.secretKey) };
    const ids = async (path: string) => dataOf((await call(sim, 'GET', path, undefined, envKey)).body).map((p) => p.id);
    expect(await ids('/v2-beta/projects')).toEqual(['1a5']);
    expect(await ids(project(sim, '/projects'))).toEqual(['1a5']);
    expect((await call(sim, 'GET', project(sim), undefined, envKey)).body).toMatchObject({ id: '1a5', type: 'project', links: { schemas: `${sim.url}${project(sim, '/schemas')}` } });
    expect((await call(sim, 'GET', '/v2-beta/projects/1a7/stacks', undefined, envKey)).status).toBe(403);
  });

  it('shows both demo environments to the account key, each with its own stacks only', async () => {
    expect(dataOf(await get(sim, '/v2-beta/projects')).map((p) => [p.id, p.name])).toEqual([
      ['1a5', 'prod-cattle'],
      ['1a7', 'dev-cattle'],
    ]);
    const devStacks = dataOf(await get(sim, '/v2-beta/projects/1a7/stacks?removed_null=1'));
    expect(devStacks.map((s) => s.name)).toEqual(['foo-jgi-doe-dev', 'genome-browser-dev']);
    expect(dataOf(await get(sim, project(sim, '/stacks?removed_null=1')))).toHaveLength(6);
    expect((await call(sim, 'GET', project(sim, `/stacks/${String(devStacks[0]?.id)}`))).status).toBe(404);
    expect(dataOf(await get(sim, '/v2-beta/projects/1a7/hosts')).map((h) => h.hostname)).toEqual(['spin-dev-node-01.nersc.gov']);
  });

  it('serves the unprefixed forms for an environment key', async () => {
    const hosts = dataOf(await get(sim, '/v2-beta/hosts'));
    expect(hosts.map((h) => h.hostname)).toEqual(['spin-node-01.nersc.gov', 'spin-node-02.nersc.gov']);
  });

  it('builds links from X-Forwarded-Proto and X-Forwarded-Host', async () => {
    const res = await call(sim, 'GET', project(sim, '/stacks?limit=1'), undefined, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'rancher.example' });
    expect((dataOf(res.body)[0]?.links as Record<string, string>).self).toMatch(/^https:\/\/rancher\.example\/v2-beta\/projects\/1a5\/stacks\/1st\d+$/);
  });

  it('serves the catalog root, its schemas and empty templates', async () => {
    const root = await call(sim, 'GET', '/v1-catalog');
    expect(root.status).toBe(200);
    expect(root.headers.get('x-api-schemas')).toBe(`${sim.url}/v1-catalog/schemas`);
    expect(dataOf(await get(sim, '/v1-catalog/schemas')).map((s) => s.id)).toContain('template');
    expect((await call(sim, 'GET', '/v1-catalog/templates/library:foo')).status).toBe(404);
  });

  it('answers the server version setting', async () => {
    expect(await get(sim, project(sim, '/settings/rancher.server.version'))).toMatchObject({ id: 'rancher.server.version', type: 'setting', value: 'v1.6.30' });
  });
});

describe('errors', () => {
  it('401 with Rancher’s body and a challenge, none on upgrades or when asked', async () => {
    const res = await call(sim, 'GET', '/v2-beta', undefined, { authorization: basicAuth('SPINDEMOACCESSKEY', 'wrong') });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ type: 'error', status: 401, code: 'Unauthorized', message: 'Unauthorized', detail: null });
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="Enter API access key and secret key as username and password"');
    const quiet = await call(sim, 'GET', '/v2-beta', undefined, { authorization: '', 'x-api-no-challenge': 'true' });
    expect(quiet.status).toBe(401);
    expect(quiet.headers.get('www-authenticate')).toBeNull();
  });

  it('403 for a project the key may not see, 404 for one that does not exist', async () => {
    const other = await startTestSim({
      fixture: {
        projects: [{ id: '1a5', name: 'one' }, { id: '1a7', name: 'two' }],
        apiKeys: [{ accessKey: 'A', secretKey: 'S', projectId: '1a5' }, { accessKey: 'ACCOUNT', secretKey: 'S2', projectId: null }],
        hosts: [{ name: 'h1', hostname: 'h1', ipAddress: '10.0.0.1', dockerVersion: '17.03.2-ce' }],
        stacks: [],
      },
    });
    try {
      expect((await call(other, 'GET', '/v2-beta/projects/1a7/stacks')).status).toBe(403);
      expect((await call(other, 'GET', '/v2-beta/projects/1a9/stacks')).status).toBe(404);
      const asAccount = await call(other, 'GET', '/v2-beta/projects', undefined, { authorization: basicAuth('ACCOUNT', 'S2') });
      expect(dataOf(asAccount.body).map((p) => p.id)).toEqual(['1a5', '1a7']);
    } finally {
      await other.close();
    }
  });

  it.each([
    ['an unknown id', '/services/1s999'],
    ['an id of another type', '/services/1i1'],
    ['a name', '/services/web'],
    ['a name with a slash', '/services/foo-jgi-doe/web'],
    ['an unknown collection', '/widgets'],
    ['a name under projects', '/projects/foo-jgi-doe/web'],
  ])('404 Not Found for %s', async (_what, path) => {
    const res = await call(sim, 'GET', project(sim, path));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: 'error', status: 404, code: 'Not Found', message: 'Not Found' });
  });

  it('405 for a method the schema does not allow', async () => {
    const res = await call(sim, 'DELETE', project(sim, '/stacks'));
    expect(res.status).toBe(405);
    expect(res.body).toMatchObject({ status: 405, code: 'Method not allowed' });
    expect((await call(sim, 'POST', project(sim, '/hosts'), {})).status).toBe(405);
  });

  it('422 InvalidAction for an action the type does not have, before the id is looked up', async () => {
    const res = await call(sim, 'POST', project(sim, '/services/1s999/?action=explode'), {});
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'InvalidAction', fieldName: 'action' });
  });

  it('422 InvalidBodyContent for a body that is not JSON', async () => {
    const web = await serviceOf(sim, 'bar-nersc', 'web');
    const res = await call(sim, 'PUT', (web.links as Record<string, string>).self as string, '{not json');
    expect(res.body).toMatchObject({ status: 422, code: 'InvalidBodyContent' });
  });
});

describe('resources and collections', () => {
  it('renders the envelope with links and only the actions the state allows', async () => {
    const web = await serviceOf(sim, 'foo-jgi-doe', 'web');
    const self = (web.links as Record<string, string>).self as string;
    expect(web).toMatchObject({ type: 'service', baseType: 'service', state: 'active', transitioning: 'no', accountId: '1a5', scale: 2 });
    expect(web.links).toMatchObject({ self, instances: `${self}/instances`, stack: `${self}/stack` });
    expect(Object.keys(web.actions as object)).toEqual(expect.arrayContaining(['deactivate', 'restart', 'upgrade', 'update', 'remove', 'setservicelinks']));
    expect(Object.keys(web.actions as object)).not.toContain('activate');
    expect((web.actions as Record<string, string>).restart).toBe(`${self}/?action=restart`);
    expect((web.launchConfig as Record<string, unknown>).imageUuid).toBe('docker:nginx:1.15.12-alpine');
    expect(typeof web.createdTS).toBe('number');
  });

  it('writes the map as actionLinks when X-API-Action-Links is sent', async () => {
    const res = await call(sim, 'GET', project(sim, '/stacks?limit=1'), undefined, { 'x-api-action-links': 'actionLinks' });
    const first = dataOf(res.body)[0] ?? {};
    expect(first.actionLinks).toBeDefined();
    expect(first.actions).toBeUndefined();
  });

  it('follows links: service instances and stack, stack services, host instances', async () => {
    const web = await serviceOf(sim, 'foo-jgi-doe', 'web');
    const links = web.links as Record<string, string>;
    const instances = dataOf(await get(sim, links.instances as string));
    expect(instances.map((c) => c.name)).toEqual(['foo-jgi-doe-web-1', 'foo-jgi-doe-web-2']);
    expect(instances[0]).toMatchObject({ type: 'container', baseType: 'instance', state: 'running' });
    expect(await get(sim, links.stack as string)).toMatchObject({ type: 'stack', name: 'foo-jgi-doe' });
    const stack = await byName(sim, 'stacks', 'foo-jgi-doe');
    expect(dataOf(await get(sim, (stack.links as Record<string, string>).services as string)).map((s) => s.name)).toEqual(['web', 'app', 'db']);
    const host = dataOf(await get(sim, project(sim, '/hosts')))[0] ?? {};
    expect(dataOf(await get(sim, (host.links as Record<string, string>).instances as string)).length).toBeGreaterThan(0);
    expect((await call(sim, 'GET', `${links.self}/nolink`)).status).toBe(404);
  });

  it('the container is also reachable as an instance', async () => {
    const c = await byName(sim, 'containers', 'foo-jgi-doe-app-1');
    expect(await get(sim, project(sim, `/instances/${String(c.id)}`))).toMatchObject({ id: c.id, name: 'foo-jgi-doe-app-1', stackId: expect.stringMatching(/^1st/) });
    expect(c.labels).toMatchObject({ 'io.rancher.stack.name': 'foo-jgi-doe', 'io.rancher.stack_service.name': 'foo-jgi-doe/app', 'io.rancher.service.launch.config': 'io.rancher.service.primary.launch.config' });
  });

  it.each([
    ['name', '?name=web', (names: string[]) => names.every((n) => n === 'web') && names.length === 4],
    ['name_like', '?name_like=w%25', (names: string[]) => names.length === 4],
    ['name_prefix', '?name_prefix=k', (names: string[]) => names.join() === 'kv'],
    ['state_ne repeated', '?state_ne=active&state_ne=inactive', (names: string[]) => names.length === 0],
    ['removed_null with the CLI’s <nil>', '?name=db&removed_null=%3Cnil%3E', (names: string[]) => names.join() === 'db'],
    ['unknown parameters ignored', '?all=true&subLog=0&name=kv', (names: string[]) => names.join() === 'kv'],
    ['several ids', '?id=1s1&id=1s2', (names: string[]) => names.join() === 'web,app'],
  ])('filters services by %s', async (_what, query, ok) => {
    const names = dataOf(await get(sim, project(sim, `/services${query}`))).map((s) => s.name as string);
    expect(ok(names), names.join()).toBe(true);
  });

  it('reports the filters it applied', async () => {
    const res = await get(sim, project(sim, '/services?state_ne=inactive&name=web'));
    expect((res.filters as Record<string, unknown>).state).toEqual([{ modifier: 'ne', value: 'inactive' }]);
    expect((res.filters as Record<string, unknown>).name).toEqual([{ modifier: 'eq', value: 'web' }]);
    expect(res).toMatchObject({ type: 'collection', resourceType: 'service' });
  });

  it('sorts by a field, both ways', async () => {
    const asc = dataOf(await get(sim, project(sim, '/stacks?sort=name'))).map((s) => s.name);
    expect(asc).toEqual([...asc].sort());
    const desc = dataOf(await get(sim, project(sim, '/stacks?sort=name&order=desc'))).map((s) => s.name);
    expect(desc).toEqual([...asc].reverse());
  });

  it('pages with limit and marker, and next is null on the last page', async () => {
    const seen: unknown[] = [];
    let page = await get(sim, project(sim, '/containers?limit=4&removed_null=1'));
    for (;;) {
      seen.push(...dataOf(page).map((c) => c.id));
      const pagination = page.pagination as { next: string | null; partial: boolean; limit: number };
      expect(pagination.limit).toBe(4);
      if (!pagination.next) {
        expect(pagination.partial).toBe(false);
        break;
      }
      expect(pagination.partial).toBe(true);
      expect(pagination.next).toContain('removed_null=1');
      page = await get(sim, pagination.next);
    }
    const all = dataOf(await get(sim, project(sim, '/containers?limit=-2'))).map((c) => c.id);
    expect(seen).toEqual(all);
    expect(all).toHaveLength(11);
  });
});

describe('creates and updates', () => {
  it('POST /stacks creates a stack (as the CLI’s Default lookup does) and refuses a duplicate', async () => {
    const res = await call(sim, 'POST', project(sim, '/stacks'), { links: null, actions: null, name: 'Default' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'stack', name: 'Default', id: expect.stringMatching(/^1st\d+$/) });
    const again = await call(sim, 'POST', project(sim, '/stacks'), { name: 'Default' });
    expect(again.body).toMatchObject({ status: 422, code: 'NotUnique', fieldName: 'name' });
    expect((await call(sim, 'POST', project(sim, '/stacks'), {})).body).toMatchObject({ code: 'MissingRequired', fieldName: 'name' });
  });

  it('POST /services creates a service that registers, then starts when asked to', async () => {
    const stack = await byName(sim, 'stacks', 'legacy-stack');
    const res = await call(sim, 'POST', project(sim, '/services'), { name: 'extra', stackId: stack.id, scale: 1, startOnCreate: true, launchConfig: { imageUuid: 'docker:nginx:1.15.12-alpine', labels: {} } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'service', name: 'extra', state: 'registering' });
    expect((await call(sim, 'POST', project(sim, '/services'), { name: 'x', stackId: '1st999', launchConfig: { imageUuid: 'docker:a' } })).body).toMatchObject({ code: 'InvalidReference', fieldName: 'stackId' });
  });

  it('PUT updates a stack’s tags and description', async () => {
    const stack = await byName(sim, 'stacks', 'legacy-stack');
    const res = await call(sim, 'PUT', (stack.links as Record<string, string>).self as string, { links: null, actions: null, group: 'owner:fred', description: 'now owned' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ group: 'owner:fred', description: 'now owned', name: 'legacy-stack' });
  });

  it('scripts/transform answers a launchConfig with a logConfig', async () => {
    const res = await call(sim, 'POST', project(sim, '/scripts/transform'), {
      Name: '/web',
      Config: { Image: 'nginx:1.14', Env: ['A=1'], Labels: { app: 'web' }, Cmd: null },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }, LogConfig: { Type: '', Config: null } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imageUuid: 'docker:nginx:1.14', environment: { A: '1' }, labels: { app: 'web' }, ports: ['8080:80/tcp'], logConfig: { driver: '', config: {} } });
  });

  it('exportconfig writes the compose pair', async () => {
    const stack = await byName(sim, 'stacks', 'bar-nersc');
    const res = await call(sim, 'POST', (stack.actions as Record<string, string>).exportconfig as string, { serviceIds: [] });
    expect(res.status).toBe(200);
    expect(String(res.body.dockerComposeConfig)).toContain('image: redis:5.0.3-alpine');
    expect(String(res.body.rancherComposeConfig)).toContain('scale: 1');
  });

  it('exportconfig writes what the CLI reads back unchanged: health_check in snake_case, `yes` quoted', async () => {
    const stack = await byName(sim, 'stacks', 'foo-jgi-doe');
    const res = await call(sim, 'POST', (stack.actions as Record<string, string>).exportconfig as string, { serviceIds: [] });
    // The CLI's YAML is 1.1, where a bare yes is a boolean.
    const docker = parse(String(res.body.dockerComposeConfig), { version: '1.1' }) as { services: Record<string, { environment?: Record<string, unknown> }> };
    expect(docker.services.db?.environment?.MYSQL_RANDOM_ROOT_PASSWORD).toBe('yes');
    const rancher = parse(String(res.body.rancherComposeConfig), { version: '1.1' }) as { services: Record<string, { health_check?: Record<string, unknown> }> };
    expect(rancher.services.web?.health_check).toMatchObject({ port: 8080, request_line: 'GET /health HTTP/1.0', response_timeout: 2000, healthy_threshold: 2, unhealthy_threshold: 3, initializing_timeout: 60000 });
  });
});
