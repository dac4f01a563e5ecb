import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../start-sim';
import { act, basicAuth, call, dataOf, get, prodEnvironmentKey, project, serviceOf, settled, startTestSim } from './sim-harness';

// Rancher 1.6 secrets: the environment-wide collection (create with a base64 value, list, get,
// remove, no update), mounts in launchConfig shown on containers, and the requests the real CLI's
// `rancher secrets ls`, `rancher secrets create NAME FILE` and `rancher rm NAME` send (cmd/secret.go,
// cmd/rm.go of v0.6.14: defaultListOpts, a go-rancher Create with `name` and base64 `value`, Lookup
// then DELETE links.self).

let sim: RunningSim;
beforeAll(async () => {
  sim = await startTestSim();
});
afterAll(async () => {
  await sim.close();
});

const marker = 'sim-secret-marker-7d1c';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const selfOf = (r: Record<string, unknown>) => (r.links as Record<string, string>).self as string;
const cli = { 'user-agent': 'Go-http-client/1.1', 'accept-encoding': 'gzip', authorization: basicAuth(prodEnvironmentKey.accessKey, prodEnvironmentKey.secretKey) };

async function create(name: string, value: string, description?: string) {
  return call(sim, 'POST', project(sim, '/secrets'), { name, value: b64(value), ...(description ? { description } : {}) }, { 'content-type': 'application/json' });
}

describe('secrets collection', () => {
  it('creates a secret from a base64 value and never answers the value', async () => {
    const res = await create('bar-nersc.api_key', marker, 'owner:fred');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'secret', name: 'bar-nersc.api_key', description: 'owner:fred', state: 'active', value: null, id: expect.stringMatching(/^1se\d+$/) });
    expect(JSON.stringify(res.body)).not.toContain(b64(marker));
    const again = await get(sim, selfOf(res.body));
    expect(again).toMatchObject({ id: res.body.id, value: null });
    const listed = await call(sim, 'GET', project(sim, '/secrets?name=bar-nersc.api_key'));
    expect(dataOf(listed.body).map((s) => s.id)).toEqual([res.body.id]);
    expect(JSON.stringify(listed.body)).not.toContain(marker);
    expect(JSON.stringify(listed.body)).not.toContain(b64(marker));
  });

  it('refuses a missing name or value, a value that is not base64 and a name already taken', async () => {
    expect((await call(sim, 'POST', project(sim, '/secrets'), { value: b64('x') })).body).toMatchObject({ status: 422, code: 'MissingRequired', fieldName: 'name' });
    expect((await call(sim, 'POST', project(sim, '/secrets'), { name: 'n1' })).body).toMatchObject({ status: 422, code: 'MissingRequired', fieldName: 'value' });
    expect((await call(sim, 'POST', project(sim, '/secrets'), { name: 'n2', value: 'not base64!' })).body).toMatchObject({ status: 422, code: 'InvalidFormat', fieldName: 'value' });
    expect((await create('db.foo-jgi-doe.mysql_password', 'x')).body).toMatchObject({ status: 422, code: 'NotUnique', fieldName: 'name' });
  });

  it('has no update: PUT is not allowed, and the schema says so', async () => {
    const secret = (await create('bar-nersc.no_update', 'v1')).body;
    expect((await call(sim, 'PUT', selfOf(secret), { value: b64('v2') })).status).toBe(405);
    const schema = await get(sim, project(sim, '/schemas/secret'));
    expect(schema).toMatchObject({ collectionMethods: ['GET', 'POST'], resourceMethods: ['GET', 'DELETE'] });
    expect((schema.resourceFields as Record<string, { type: string }>).value?.type).toBe('password');
  });

  it('removes a secret: 202, then removed and gone from removed_null lists', async () => {
    const secret = (await create('bar-nersc.to_remove', 'gone')).body;
    const res = await call(sim, 'DELETE', selfOf(secret));
    expect(res.status).toBe(202);
    expect(await get(sim, selfOf(secret))).toMatchObject({ state: 'removed', removed: expect.any(String) });
    expect(dataOf(await get(sim, project(sim, '/secrets?removed_null=1'))).map((s) => s.id)).not.toContain(secret.id);
  });
});

describe('secret mounts', () => {
  it('an upgrade mounts a secret by id; the new containers carry it', async () => {
    const secret = (await create('kv.bar-nersc.token', marker)).body;
    const kv = await serviceOf(sim, 'bar-nersc', 'kv');
    const mount = { type: 'secretReference', secretId: secret.id, name: 'token', uid: '0', gid: '0', mode: '0400' };
    const launchConfig = { ...(kv.launchConfig as Record<string, unknown>), secrets: [mount] };
    expect((await act(sim, kv, 'upgrade', { inServiceStrategy: { launchConfig, batchSize: 1, intervalMillis: 0 } })).status).toBe(202);
    await settled(sim, selfOf(kv), 'upgraded');
    // The old containers stay (stopped) until the upgrade is finished; the running ones are the new ones.
    const instances = dataOf(await get(sim, `${selfOf(kv)}/instances`));
    const running = instances.filter((c) => c.state === 'running');
    expect(running.length).toBeGreaterThan(0);
    for (const c of running) expect(c.secrets).toEqual([mount]);
    expect(JSON.stringify(instances)).not.toContain(marker);
  });

  it('an upgrade that names an unknown or removed secret is refused', async () => {
    const gone = (await create('bar-nersc.removed_one', 'x')).body;
    await call(sim, 'DELETE', selfOf(gone));
    const web = await serviceOf(sim, 'bar-nersc', 'web');
    for (const secretId of ['1se999', gone.id]) {
      const launchConfig = { ...(web.launchConfig as Record<string, unknown>), secrets: [{ secretId, name: 'x' }] };
      const res = await act(sim, web, 'upgrade', { inServiceStrategy: { launchConfig } });
      expect(res.body).toMatchObject({ status: 422, code: 'InvalidReference', fieldName: 'secretId' });
    }
  });
});

describe('rancher CLI v0.6.14 secrets commands', () => {
  it('rancher secrets ls', async () => {
    const res = await call(sim, 'GET', project(sim, '/secrets?limit=-2&removed_null=1&state_ne=inactive&state_ne=stopped&state_ne=removing&system=false'), undefined, cli);
    expect(res.status).toBe(200);
    expect(res.body.pagination).toMatchObject({ partial: false });
    expect(dataOf(res.body)).toEqual(expect.arrayContaining([expect.objectContaining({ id: expect.any(String), name: 'db.foo-jgi-doe.mysql_password', created: expect.any(String) })]));
  });

  it('rancher secrets create NAME FILE', async () => {
    const body = JSON.stringify({ links: null, actions: null, name: 'bar-nersc.cli_made', value: b64('from a file\n') });
    const res = await call(sim, 'POST', project(sim, '/secrets'), body, { ...cli, 'content-type': 'application/json' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), name: 'bar-nersc.cli_made', value: null });
  });

  it('rancher rm NAME finds the secret by name after the other types miss, then DELETEs its self link', async () => {
    const name = 'bar-nersc.cli_rm';
    const created = (await create(name, 'x')).body;
    for (const collection of ['containers', 'stacks', 'hosts', 'volumes', 'secrets']) {
      expect((await call(sim, 'GET', project(sim, `/${collection}/${name}`), undefined, cli)).status).toBe(404);
    }
    const found = dataOf((await call(sim, 'GET', project(sim, `/secrets?name=${name}&removed_null=1`), undefined, cli)).body);
    expect(found.map((s) => s.id)).toEqual([created.id]);
    const res = await call(sim, 'DELETE', selfOf(found[0] as Record<string, unknown>), undefined, cli);
    expect(res.status).toBeLessThan(300);
  });
});
