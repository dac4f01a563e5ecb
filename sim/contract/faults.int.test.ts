import { afterEach, describe, expect, it } from 'vitest';
import type { FaultsInput } from '../faults/faults';
import type { RunningSim } from '../start-sim';
import { act, basicAuth, byName, call, dataOf, dial, eventually, get, prodEnvironmentKey, project, refusedWith, serviceOf, settled, startTestSim } from './sim-harness';

// Every fault knob (rancher-api.md §10.3), set through the control endpoint as a test or demo would.

let sim: RunningSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function withFaults(faults: FaultsInput): Promise<RunningSim> {
  sim = await startTestSim();
  const res = await call(sim, 'PATCH', '/_sim/faults', faults);
  expect(res.status).toBe(200);
  return sim;
}

const selfOf = (r: Record<string, unknown>) => (r.links as Record<string, string>).self as string;
const wsBase = (s: RunningSim) => s.url.replace('http', 'ws');

describe('control endpoint', () => {
  it('reads, patches, replaces and resets the knobs, and rejects bad values', async () => {
    sim = await startTestSim({ faults: { page_size: 7 } });
    expect((await call(sim, 'GET', '/_sim/faults')).body).toMatchObject({ page_size: 7, upgrade_fail: false });
    expect((await call(sim, 'PATCH', '/_sim/faults', { upgrade_fail: true })).body).toMatchObject({ page_size: 7, upgrade_fail: true });
    expect((await call(sim, 'PUT', '/_sim/faults', { multi_project: true })).body).toMatchObject({ page_size: null, upgrade_fail: false, multi_project: true });
    expect((await call(sim, 'POST', '/_sim/faults/reset')).body).toMatchObject({ page_size: 7, multi_project: false });
    const bad = await call(sim, 'PATCH', '/_sim/faults', { token_ttl_s: -1 });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toContain('token_ttl_s');
  });

  it('does not exist unless enabled', async () => {
    sim = await startTestSim({ control: false });
    expect((await call(sim, 'GET', '/_sim/faults')).status).toBe(404);
  });
});

describe('knobs', () => {
  it('latency_ms delays matching paths only', async () => {
    const s = await withFaults({ latency_ms: [{ path: '/stacks', ms: 120 }] });
    let t = Date.now();
    await get(s, project(s, '/stacks'));
    expect(Date.now() - t).toBeGreaterThanOrEqual(115);
    t = Date.now();
    await get(s, project(s, '/hosts'));
    expect(Date.now() - t).toBeLessThan(100);
  });

  it('error_rate_5xx answers 500 or 503 with an error body', async () => {
    const s = await withFaults({ error_rate_5xx: [{ path: '/services', rate: 1 }] });
    const res = await call(s, 'GET', project(s, '/services'));
    expect([500, 503]).toContain(res.status);
    expect(res.body).toMatchObject({ type: 'error', status: res.status });
    expect((await call(s, 'GET', project(s, '/stacks'))).status).toBe(200);
  });

  it('transition_speed scales the state machine (0 = at once)', async () => {
    const fast = await withFaults({ transition_speed: 0 });
    const kv = await serviceOf(fast, 'bar-nersc', 'kv');
    await act(fast, kv, 'deactivate');
    await settled(fast, selfOf(kv), 'inactive', 200);
    await fast.close();
    const slow = await withFaults({ transition_speed: 100 });
    const kv2 = await serviceOf(slow, 'bar-nersc', 'kv');
    await act(slow, kv2, 'deactivate');
    await new Promise((r) => setTimeout(r, 100));
    expect((await get(slow, selfOf(kv2))).state).toBe('deactivating');
  });

  it('force_422 refuses the next action as a state race would, then lets the next one through', async () => {
    const s = await withFaults({ force_422: 1 });
    const kv = await serviceOf(s, 'bar-nersc', 'kv');
    expect((await act(s, kv, 'deactivate')).body).toMatchObject({ status: 422, code: 'ActionNotAvailable' });
    expect((await act(s, kv, 'deactivate')).status).toBe(202);
  });

  it('conflict_409 refuses the next change with 409', async () => {
    const s = await withFaults({ conflict_409: 1 });
    const kv = await serviceOf(s, 'bar-nersc', 'kv');
    expect((await call(s, 'PUT', selfOf(kv), { description: 'x' })).body).toMatchObject({ status: 409, code: 'Conflict' });
    expect((await call(s, 'PUT', selfOf(kv), { description: 'x' })).status).toBe(200);
  });

  it('stuck_transition yes leaves transitioning yes; error ends in transitioning error with the message', async () => {
    const s = await withFaults({ stuck_transition: 'yes' });
    const kv = await serviceOf(s, 'bar-nersc', 'kv');
    await act(s, kv, 'deactivate');
    await new Promise((r) => setTimeout(r, 100));
    expect(await get(s, selfOf(kv))).toMatchObject({ state: 'deactivating', transitioning: 'yes' });
    await call(s, 'PATCH', '/_sim/faults', { stuck_transition: 'error', stuck_message: 'host agent gone' });
    const web = await serviceOf(s, 'bar-nersc', 'web');
    await act(s, web, 'deactivate');
    const stuck = await eventually(async () => {
      const r = await get(s, selfOf(web));
      return r.transitioning === 'error' ? r : undefined;
    });
    expect(stuck).toMatchObject({ state: 'deactivating', transitioningMessage: 'host agent gone' });
  });

  it('upgrade_fail leaves the service upgrading with errored containers, and rollback recovers', async () => {
    const s = await withFaults({ upgrade_fail: true });
    const kv = await serviceOf(s, 'bar-nersc', 'kv');
    await act(s, kv, 'upgrade', { inServiceStrategy: { launchConfig: { imageUuid: 'docker:redis:6-alpine' } } });
    const failed = await eventually(async () => {
      const r = await get(s, selfOf(kv));
      return r.transitioning === 'error' ? r : undefined;
    });
    expect(failed.state).toBe('upgrading');
    expect(String(failed.transitioningMessage)).toContain('bar-nersc-kv-1');
    const instances = dataOf(await get(s, (kv.links as Record<string, string>).instances as string));
    expect(instances.map((c) => c.state).sort()).toEqual(['error', 'stopped']);
    await call(s, 'PATCH', '/_sim/faults', { upgrade_fail: false });
    await act(s, failed, 'rollback');
    const back = await settled(s, selfOf(kv), 'active');
    expect((back.launchConfig as Record<string, unknown>).imageUuid).toBe('docker:redis:5.0.3-alpine');
  });

  it('ws_drop_after_frames cuts a socket after N frames (1006)', async () => {
    const s = await withFaults({ ws_drop_after_frames: 5 });
    const res = await act(s, await byName(s, 'containers', 'bar-nersc-web-1'), 'logs', { follow: true });
    const socket = dial(`${String(res.body.url)}?token=${String(res.body.token)}`);
    expect((await socket.closed).code).toBe(1006);
    expect(socket.frames.length).toBe(5);
  });

  it('ws_drop_after_s cuts the subscribe socket after the time (1006)', async () => {
    const s = await withFaults({ ws_drop_after_s: 0.2 });
    const socket = dial(`${wsBase(s)}${project(s, '/subscribe')}?eventNames=resource.change`, { headers: { authorization: basicAuth(s.accessKey, s.secretKey) } });
    const t = Date.now();
    expect((await socket.closed).code).toBe(1006);
    expect(Date.now() - t).toBeGreaterThanOrEqual(150);
  });

  it('ws_refuse_status refuses every upgrade with that status', async () => {
    const s = await withFaults({ ws_refuse_status: 502 });
    expect(await refusedWith(`${wsBase(s)}${project(s, '/subscribe')}`, { authorization: basicAuth(s.accessKey, s.secretKey) })).toBe(502);
  });

  it('log_flood_lps floods a following stream with long lines and several lines a frame', async () => {
    const s = await withFaults({ log_flood_lps: 2000 });
    const res = await act(s, await byName(s, 'containers', 'legacy-stack-web-1'), 'logs', { follow: true });
    const socket = dial(`${String(res.body.url)}?token=${String(res.body.token)}`);
    await eventually(async () => socket.frames.length > 300, 5000, 'a flood');
    socket.ws.close();
    const flood = socket.texts().filter((t) => t.includes('flood line'));
    expect(flood.some((t) => t.split('\n').length > 3)).toBe(true);
    expect(flood.some((t) => t.length > 2000)).toBe(true);
    expect(socket.texts()).toContain('01 ');
  });

  it('log_tail_honour_lines sends the tail that was asked for', async () => {
    const s = await withFaults({ log_tail_honour_lines: true });
    const res = await act(s, await byName(s, 'containers', 'foo-jgi-doe-web-1'), 'logs', { follow: false, lines: 300 });
    const socket = dial(`${String(res.body.url)}?token=${String(res.body.token)}`);
    await socket.closed;
    expect(socket.frames.length).toBe(300);
  });

  it('multi_project shows an environment key a second environment, which makes the CLI prompt', async () => {
    const envKey = { authorization: basicAuth(prodEnvironmentKey.accessKey, prodEnvironmentKey.secretKey) };
    const s = await withFaults({ multi_project: false });
    expect(dataOf((await call(s, 'GET', '/v2-beta/projects', undefined, envKey)).body).length).toBe(1);
    await call(s, 'PATCH', '/_sim/faults', { multi_project: true });
    expect(dataOf((await call(s, 'GET', '/v2-beta/projects', undefined, envKey)).body).length).toBe(2);
  });

  it('unavailable_projects answers 503 for that project only, refuses its feed and drops the open one', async () => {
    const s = await startTestSim();
    sim = s;
    const auth = { authorization: basicAuth(s.accessKey, s.secretKey) };
    const feed = dial(`${wsBase(s)}/v2-beta/projects/1a7/subscribe?eventNames=resource.change`, { headers: auth });
    await eventually(async () => feed.frames.length > 0, 5000, 'a first ping');
    await call(s, 'PATCH', '/_sim/faults', { unavailable_projects: ['1a7'] });
    expect((await call(s, 'GET', '/v2-beta/projects/1a7/stacks')).status).toBe(503);
    expect((await call(s, 'GET', project(s, '/stacks'))).status).toBe(200);
    expect(await refusedWith(`${wsBase(s)}/v2-beta/projects/1a7/subscribe`, auth)).toBe(503);
    expect((await feed.closed).code).toBe(1006);
  });

  it('page_size caps every page and links the next one', async () => {
    const s = await withFaults({ page_size: 3 });
    const page = await get(s, project(s, '/services?limit=-2'));
    expect(dataOf(page)).toHaveLength(3);
    expect(page.pagination).toMatchObject({ limit: 3, partial: true, next: expect.stringContaining('marker=') });
  });

  it('omit_schemas_header drops X-API-Schemas', async () => {
    const s = await withFaults({ omit_schemas_header: true });
    const res = await call(s, 'GET', '/v2-beta');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-api-schemas')).toBeNull();
  });

  it('token_ttl_s shortens hostAccess tokens', async () => {
    const s = await withFaults({ token_ttl_s: 0.1 });
    const res = await act(s, await byName(s, 'containers', 'bar-nersc-web-1'), 'logs', { follow: false });
    await new Promise((r) => setTimeout(r, 150));
    expect(await refusedWith(`${String(res.body.url)}?token=${String(res.body.token)}`)).toBe(401);
  });
});
