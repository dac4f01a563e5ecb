import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { basic, cliRequest, simStackIds, startFacadeWorld, type FacadeWorld, type Key } from '@/test/helpers/facade-harness';

// What the CLI changes through the facade: stop, start and restart as the browser's audited operations
// (recorded with the token), `up --upgrade` / `--confirm-upgrade` / `--rollback` through the upgrade
// path and its policy (422 naming the rules), the refusals (Rancher's 403), and the portal's own
// hostAccess sockets for logs and exec and the subscribe socket, all on the caller's stacks only.

type Json = Record<string, unknown>;
let world: FacadeWorld;
let fred: Key;
let dino: Key;
let stackIds: Record<string, string>;
const P = '/v2-beta/projects/1a5';
const psFilters = 'limit=-2&removed_null=1&state_ne=inactive&state_ne=stopped&state_ne=removing&system=false';

beforeAll(async () => {
  world = await startFacadeWorld();
  fred = world.key('fred');
  dino = world.key('dino');
  stackIds = await simStackIds(world.sim);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const fredTokenId = () => fred.accessKey.replace('spinpat_', '');
const send = (key: Key, method: string, path: string, body?: unknown) => cliRequest(world.url, key, method, path, body);

async function serviceOf(key: Key, stack: string, name: string): Promise<Json> {
  const a = await send(key, 'GET', `${P}/services?name=${name}&removed_null=%3Cnil%3E&stackId=${stackIds[stack] ?? ''}`);
  const found = (a.body.data as Json[])[0];
  if (!found) throw new Error(`no ${stack}/${name}`);
  return found;
}

/** rancher-compose's wait: GET links.self while transitioning. */
async function settled(key: Key, id: string): Promise<Json> {
  for (let i = 0; i < 200; i++) {
    const { body } = await send(key, 'GET', `${P}/services/${id}`);
    if (body.transitioning !== 'yes') return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`service ${id} did not settle`);
}

describe('stop, start and restart', () => {
  it('restart goes through the audited operation, recorded with the token', async () => {
    const web = await serviceOf(fred, 'foo-jgi-doe', 'web');
    const body = { links: null, actions: null, rollingRestartStrategy: { links: null, actions: null, batchSize: 1, intervalMillis: 1000 } };
    const a = await send(fred, 'POST', `${P}/services/${String(web.id)}?action=restart`, body);
    expect(a.status, JSON.stringify(a.body)).toBe(202);
    expect(a.body).toMatchObject({ id: web.id, type: 'service' });
    const row = world.audit.events.find((e) => e.action === 'service.restart' && e.serviceId === web.id);
    expect(row).toMatchObject({ actor: 'fred', outcome: 'ok', tokenId: fredTokenId() });
    await settled(fred, String(web.id));
  });

  it('stop (deactivate) then start (activate), each offered only in its state', async () => {
    const kv = await serviceOf(fred, 'bar-nersc', 'kv');
    expect((await send(fred, 'POST', `${P}/services/${String(kv.id)}?action=deactivate`)).status).toBe(202);
    const stopped = await settled(fred, String(kv.id));
    expect(stopped.state).toBe('inactive');
    // `ps` (answered from the copy the event feed keeps) leaves the stopped service out.
    const psIds = async () => ((await send(fred, 'GET', `${P}/services?${psFilters}`)).body.data as Json[]).map((s) => s.id);
    await expect.poll(psIds, { timeout: 5_000 }).not.toContain(kv.id);
    expect(Object.keys(stopped.actions as Json)).toContain('activate');
    expect(Object.keys(stopped.actions as Json)).not.toContain('deactivate');
    expect((await send(fred, 'POST', `${P}/services/${String(kv.id)}?action=activate`)).status).toBe(202);
    expect((await settled(fred, String(kv.id))).state).toBe('active');
    await expect.poll(psIds, { timeout: 5_000 }).toContain(kv.id);
  });

  it('a token without operate gets no actions and a 403 for restart', async () => {
    const viewer = world.key('fred', { rights: ['view'] });
    const web = await serviceOf(viewer, 'foo-jgi-doe', 'web');
    expect(web.actions).toEqual({});
    const a = await send(viewer, 'POST', `${P}/services/${String(web.id)}?action=restart`, {});
    expect(a.status).toBe(403);
    expect(a.body).toMatchObject({ type: 'error', code: 'PermissionDenied' });
  });
});

describe('refusals', () => {
  it('creating, removing or re-parenting stacks, hosts, secrets, volumes, the environment: 403 in Rancher’s shape', async () => {
    const stack = stackIds['foo-jgi-doe'] ?? '';
    const web = await serviceOf(fred, 'foo-jgi-doe', 'web');
    const attempts: [string, string, unknown][] = [
      ['POST', `${P}/stacks`, { name: 'mine' }],
      ['DELETE', `${P}/stacks/${stack}`, undefined],
      ['POST', `${P}/stacks/${stack}?action=remove`, {}],
      ['PUT', `${P}/services/${String(web.id)}`, { stackId: stackIds['bar-nersc'] }],
      ['PUT', `${P}/services/${String(web.id)}`, { scale: 9 }],
      ['POST', `${P}/services`, { name: 'new', stackId: stack }],
      ['POST', `${P}/hosts`, {}],
      ['POST', `${P}/secrets`, { name: 'x', value: 'eA==' }],
      ['POST', `${P}/volumes`, { name: 'v' }],
      ['PUT', `${P}`, { name: 'renamed' }],
      ['POST', '/v2-beta/projects', { name: 'new-env' }],
      ['POST', `${P}/services/${String(web.id)}?action=setservicelinks`, { serviceLinks: [{ serviceId: '1s1', name: 'x' }] }],
    ];
    for (const [method, path, body] of attempts) {
      const a = await send(fred, method, path, body);
      expect(a.status, `${method} ${path}`).toBe(403);
      expect(a.body).toMatchObject({ type: 'error', status: 403, code: 'PermissionDenied' });
    }
  });
});

describe('up --upgrade, --confirm-upgrade and --rollback', () => {
  it('walks the upgrade path with the policy, and answers 422 with the rule ids for a forbidden change', async () => {
    const web = await serviceOf(fred, 'bar-nersc', 'web');
    const id = String(web.id);
    const transform = await send(fred, 'POST', `${P}/scripts/transform`, { Name: '/web', Config: { Image: 'nginx:1.14', Env: [] }, HostConfig: {} });
    expect(transform.status).toBe(200);
    expect(transform.body.logConfig).toBeTruthy();
    // `up` reads the service's links (through the schema's lower-case collection name) and sends none of its own, then the PUT of the service-level config, then the upgrade.
    expect((await send(fred, 'GET', `${P}/serviceconsumemaps?serviceId=${id}`)).status).toBe(200);
    expect((await send(dino, 'GET', `${P}/serviceconsumemaps?serviceId=${id}`)).status).toBe(404);
    expect((await send(fred, 'POST', `${P}/services/${id}?action=setservicelinks`, { links: null, actions: null })).status).toBe(202);
    expect((await send(fred, 'PUT', `${P}/services/${id}`, { links: null, actions: null, launchConfig: web.launchConfig, scale: web.scale })).status).toBe(200);
    // A compose file with a health_check: the CLI sends it at the top level of the PUT too (the upgrade's launchConfig carries the one that counts).
    const healthCheck = { type: 'instanceHealthCheck', port: 80, requestLine: 'GET / HTTP/1.0', interval: 2000, responseTimeout: 2000, healthyThreshold: 2, unhealthyThreshold: 3 };
    expect((await send(fred, 'PUT', `${P}/services/${id}`, { links: null, actions: null, scale: web.scale, healthCheck })).status).toBe(200);
    const launchConfig = web.launchConfig as Json;
    const labels = { ...((launchConfig.labels ?? {}) as Json), 'io.rancher.service.hash': 'abc' };
    const forbidden = await send(fred, 'POST', `${P}/services/${id}?action=upgrade`, { inServiceStrategy: { batchSize: 2, intervalMillis: 1000, launchConfig: { ...launchConfig, labels, privileged: true } } });
    expect(forbidden.status).toBe(422);
    expect(forbidden.body).toMatchObject({ type: 'error', status: 422, code: 'PolicyViolation' });
    expect(String(forbidden.body.message)).toMatch(/\[no-privileged\]/);
    expect(world.audit.events.find((e) => e.action === 'service.upgrade' && e.serviceId === id)).toMatchObject({ actor: 'fred', outcome: 'failed', code: 'policy-violation' });

    // As rancher-compose sends it: only what the compose file says, nested structs stamped with type, links and actions.
    const composed = { type: 'launchConfig', links: null, actions: null, imageUuid: 'docker:nginx:1.27.3', labels, logConfig: { type: 'logConfig', links: null, actions: null }, networkMode: launchConfig.networkMode };
    const upgrade = await send(fred, 'POST', `${P}/services/${id}?action=upgrade`, { inServiceStrategy: { batchSize: 2, intervalMillis: 10, launchConfig: composed } });
    expect(upgrade.status, JSON.stringify(upgrade.body)).toBe(202);
    const upgraded = await settled(fred, id);
    expect(upgraded.state).toBe('upgraded');
    expect(Object.keys(upgraded.actions as Json)).toEqual(expect.arrayContaining(['finishupgrade', 'rollback']));
    expect((await send(fred, 'POST', `${P}/services/${id}?action=finishupgrade`)).status).toBe(202);
    expect((await settled(fred, id)).state).toBe('active');

    const again = await send(fred, 'POST', `${P}/services/${id}?action=upgrade`, { inServiceStrategy: { batchSize: 2, intervalMillis: 10, launchConfig: { ...launchConfig, labels, imageUuid: 'docker:nginx:1.27.4' } } });
    expect(again.status, JSON.stringify(again.body)).toBe(202);
    expect((await settled(fred, id)).state).toBe('upgraded');
    expect((await send(fred, 'POST', `${P}/services/${id}?action=rollback`)).status).toBe(202);
    const rolledBack = await settled(fred, id);
    expect(rolledBack.state).toBe('active');
    expect((rolledBack.launchConfig as Json).imageUuid).toBe('docker:nginx:1.27.3');
    expect(world.audit.events.filter((e) => e.serviceId === id && e.outcome === 'ok').map((e) => e.action)).toEqual(
      expect.arrayContaining(['service.upgrade', 'service.finish-upgrade', 'service.rollback']),
    );
  });
});

function dial(url: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket; frames: string[]; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const frames: string[] = [];
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('message', (data) => frames.push(String(data)));
    ws.on('open', () => resolve({ ws, frames, closed }));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade answered ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

describe('logs, exec and events', () => {
  it('logs: a one-use token for the portal’s own socket, frames as Rancher’s proxy sends them, recorded', async () => {
    const web = await serviceOf(fred, 'foo-jgi-doe', 'web');
    const container = String((web.instanceIds as string[])[0]);
    const a = await send(fred, 'POST', `${P}/containers/${container}?action=logs`, { follow: false, lines: 5, timestamps: false, since: '' });
    const { token, url } = a.body as { token: string; url: string };
    expect(url.startsWith(world.url.replace('http', 'ws'))).toBe(true);
    const { frames, closed } = await dial(`${url}?token=${token}`);
    expect(await closed).toBe(1000);
    expect(frames.length).toBeGreaterThan(0);
    for (const f of frames) expect(f).toMatch(/^0[12] /);
    await expect(dial(`${url}?token=${token}`)).rejects.toThrow(/401/);
    const rows = world.audit.events.filter((e) => e.containerId === container && e.action.startsWith('logs.'));
    expect(rows.map((e) => [e.action, e.actor, e.tokenId])).toEqual(expect.arrayContaining([['logs.open', 'fred', fredTokenId()], ['logs.close', 'fred', fredTokenId()]]));
  });

  it('exec: base64 frames both ways through the portal’s shell relay, recorded', async () => {
    const web = await serviceOf(fred, 'foo-jgi-doe', 'web');
    const container = String((web.instanceIds as string[])[0]);
    const a = await send(fred, 'POST', `${P}/containers/${container}?action=execute`, { attachStdin: true, attachStdout: true, command: ['sh'], tty: true });
    const { token, url } = a.body as { token: string; url: string };
    const { ws, frames } = await dial(`${url}?token=${token}`);
    ws.send(Buffer.from('echo facade\n').toString('base64'));
    await expect.poll(() => frames.map((f) => Buffer.from(f, 'base64').toString('utf8')).join(''), { timeout: 5_000 }).toContain('facade');
    ws.close(1000);
    await expect.poll(() => world.audit.events.filter((e) => e.containerId === container).map((e) => e.action), { timeout: 5_000 }).toEqual(expect.arrayContaining(['shell.open', 'shell.close']));
  });

  it('subscribe: fred hears of his own services and never of dino’s', async () => {
    const { ws, frames } = await dial(`${world.url.replace('http', 'ws')}${P}/subscribe?eventNames=resource.change`, { authorization: basic(fred) });
    const mine = await serviceOf(fred, 'foo-jgi-doe', 'app');
    const theirs = await serviceOf(dino, 'genome-browser', 'web');
    expect((await send(dino, 'POST', `${P}/services/${String(theirs.id)}?action=restart`, {})).status).toBe(202);
    expect((await send(fred, 'POST', `${P}/services/${String(mine.id)}?action=restart`, {})).status).toBe(202);
    const events = () => frames.map((f) => JSON.parse(f) as Json).filter((e) => e.name === 'resource.change');
    await expect.poll(() => events().some((e) => e.resourceId === mine.id), { timeout: 5_000 }).toBe(true);
    await settled(dino, String(theirs.id));
    const stacks = new Set(events().map((e) => ((e.data as Json).resource as Json).stackId ?? e.resourceId));
    for (const s of stacks) expect([stackIds['foo-jgi-doe'], stackIds['bar-nersc']]).toContain(s);
    ws.close();
  });
});
