import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../start-sim';
import { act, basicAuth, call, dataOf, dial, eventually, get, project, serviceOf, settled, startTestSim } from './sim-harness';

// The collections and actions the CLI and `rancher up` touch besides the main ones (rancher-api.md
// §10.1): empty collections, serviceLogs, service links, update and remove through their other
// spellings, and the unprefixed subscribe socket.

let sim: RunningSim;
beforeAll(async () => {
  sim = await startTestSim();
});
afterAll(async () => {
  await sim.close();
});

const selfOf = (r: Record<string, unknown>) => (r.links as Record<string, string>).self as string;

describe('other collections', () => {
  it.each(['volumes', 'machines', 'projectTemplates', 'serviceConsumeMaps?serviceId=1s1', 'loadBalancerServices', 'dnsServices', 'externalServices'])('%s answers an empty collection', async (path) => {
    const res = await call(sim, 'GET', project(sim, `/${path}`));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'collection', data: [], pagination: { next: null, partial: false } });
  });

  it('lists secrets without their values, and settings', async () => {
    expect(dataOf(await get(sim, project(sim, '/secrets')))).toEqual([expect.objectContaining({ type: 'secret', name: 'db.foo-jgi-doe.mysql_password', value: null })]);
    expect(dataOf(await get(sim, project(sim, '/settings'))).map((s) => s.id)).toContain('rancher.server.version');
  });

  it('records serviceLogs for actions, newest first as `rancher logs -s` asks', async () => {
    const kv = await serviceOf(sim, 'bar-nersc', 'kv');
    await act(sim, kv, 'restart', { rollingRestartStrategy: {} });
    await settled(sim, selfOf(kv), 'active');
    const logs = dataOf(await get(sim, project(sim, `/serviceLogs?serviceId=${String(kv.id)}&sort=id&order=desc&limit=1`)));
    expect(logs).toEqual([expect.objectContaining({ type: 'serviceLog', serviceId: kv.id, eventType: 'service.restart', level: 'info' })]);
    expect(dataOf(await get(sim, (kv.links as Record<string, string>).serviceLogs as string)).length).toBeGreaterThan(0);
  });
});

describe('other actions', () => {
  it('setservicelinks stores the links and answers the service', async () => {
    const web = await serviceOf(sim, 'foo-jgi-doe', 'web');
    const app = await serviceOf(sim, 'foo-jgi-doe', 'app');
    const res = await act(sim, web, 'setservicelinks', { links: null, actions: null, serviceLinks: [{ serviceId: app.id, name: 'app' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: web.id, linkedServices: { app: app.id } });
  });

  it('POST ?action=update changes fields like PUT', async () => {
    const web = await serviceOf(sim, 'genome-browser', 'web');
    const res = await act(sim, web, 'update', { description: 'public front end' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ description: 'public front end' });
  });

  it('DELETE removes like the remove action, and the removed resource stays readable with removed set', async () => {
    const web = await serviceOf(sim, 'legacy-stack', 'web');
    const res = await call(sim, 'DELETE', selfOf(web));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ state: 'removing', transitioning: 'yes' });
    const removed = await settled(sim, selfOf(web), 'removed');
    expect(removed.removed).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(Object.keys(removed.actions as object)).toEqual([]);
    const [containerId] = web.instanceIds as string[];
    expect((await get(sim, project(sim, `/containers/${String(containerId)}`))).state).toBe('removed');
    expect(dataOf(await get(sim, project(sim, '/services?removed_null=1'))).map((s) => s.id)).not.toContain(web.id);
  });
});

describe('subscribe without the project prefix', () => {
  it('serves the key’s project and sends a removed resource with state removed', async () => {
    const socket = dial(`${sim.url.replace('http', 'ws')}/v2-beta/subscribe?eventNames=resource.change`, { headers: { authorization: basicAuth(sim.accessKey, sim.secretKey) } });
    await socket.opened;
    const db = await serviceOf(sim, 'foo-jgi-doe', 'db');
    await act(sim, db, 'remove');
    await eventually(async () =>
      socket.texts().some((t) => {
        const e = JSON.parse(t) as { resourceId?: string; data?: { resource?: { state?: string } } };
        return e.resourceId === db.id && e.data?.resource?.state === 'removed';
      }),
    );
    socket.ws.close();
  });
});
