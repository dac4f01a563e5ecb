import { afterEach, describe, expect, it } from 'vitest';
import { type ActionTable, allowedActions, containerActions, hostActions, serviceActions, stackActions } from '../engine/action-tables';
import type { RunningSim } from '../start-sim';
import { act, byName, call, dataOf, eventually, get, project, serviceOf, settled, startTestSim } from './sim-harness';

// The whole state machine, one row per transition (rancher-api.md §5): each row brings a resource to
// its start state, POSTs the action over HTTP, and checks the answer (status, transitional state,
// the actions offered in it) and the states the resource then passes through.

type Resource = Record<string, unknown>;
type Kind = 'service' | 'container' | 'stack' | 'host';

interface Row {
  name: string;
  kind: Kind;
  target: (sim: RunningSim) => Promise<Resource>;
  /** A slower step, for rows whose start state lasts only one step. */
  stepMs?: number;
  /** Brings the world around the target into shape first. */
  setup?: (sim: RunningSim) => Promise<void>;
  /** Actions that bring the target to `from`, each awaited until it settles. */
  prepare?: { action: string; body?: unknown; settle: string }[];
  from: string;
  action: string;
  body?: unknown;
  status: 200 | 202;
  transitional: string | null;
  done: string;
}

const tables: Record<Kind, ActionTable> = { service: serviceActions, container: containerActions, stack: stackActions, host: hostActions };
const restartBody = { rollingRestartStrategy: { batchSize: 1, intervalMillis: 10 } };
const upgradeBody = (image = 'redis:5.0.4-alpine', intervalMillis = 10) => ({ inServiceStrategy: { batchSize: 1, intervalMillis, startFirst: false, launchConfig: { imageUuid: `docker:${image}`, labels: {} } } });
const slowUpgrade = upgradeBody('nginx:1.16.0-alpine', 100_000);

const selfOf = (r: Resource) => (r.links as Record<string, string>).self as string;
const kv = (sim: RunningSim) => serviceOf(sim, 'bar-nersc', 'kv');
const fooWeb = (sim: RunningSim) => serviceOf(sim, 'foo-jgi-doe', 'web');
const kvContainer = (sim: RunningSim) => byName(sim, 'containers', 'bar-nersc-kv-1');
const barStack = (sim: RunningSim) => byName(sim, 'stacks', 'bar-nersc');
/** Stops bar-nersc/kv, so its container stays stopped (an active service's reconciler would start it). */
const kvInactive = async (sim: RunningSim) => {
  const svc = await kv(sim);
  await act(sim, svc, 'deactivate');
  await settled(sim, selfOf(svc), 'inactive');
};
const host = async (sim: RunningSim) => dataOf(await get(sim, project(sim, '/hosts')))[1] ?? {};

const rows: Row[] = [
  { name: 'service deactivate', kind: 'service', target: kv, from: 'active', action: 'deactivate', status: 202, transitional: 'deactivating', done: 'inactive' },
  { name: 'service activate', kind: 'service', target: kv, prepare: [{ action: 'deactivate', settle: 'inactive' }], from: 'inactive', action: 'activate', status: 202, transitional: 'activating', done: 'active' },
  { name: 'service restart', kind: 'service', target: kv, from: 'active', action: 'restart', body: restartBody, status: 202, transitional: 'restarting', done: 'active' },
  { name: 'service upgrade', kind: 'service', target: kv, from: 'active', action: 'upgrade', body: upgradeBody(), status: 202, transitional: 'upgrading', done: 'upgraded' },
  { name: 'service upgrade from inactive', kind: 'service', target: kv, prepare: [{ action: 'deactivate', settle: 'inactive' }], from: 'inactive', action: 'upgrade', body: upgradeBody(), status: 202, transitional: 'upgrading', done: 'upgraded' },
  { name: 'service finishupgrade', kind: 'service', target: kv, prepare: [{ action: 'upgrade', body: upgradeBody(), settle: 'upgraded' }], from: 'upgraded', action: 'finishupgrade', status: 202, transitional: 'finishing-upgrade', done: 'active' },
  { name: 'service rollback', kind: 'service', target: kv, prepare: [{ action: 'upgrade', body: upgradeBody(), settle: 'upgraded' }], from: 'upgraded', action: 'rollback', status: 202, transitional: 'rolling-back', done: 'active' },
  { name: 'service cancelupgrade', kind: 'service', target: fooWeb, prepare: [{ action: 'upgrade', body: slowUpgrade, settle: '' }], from: 'upgrading', action: 'cancelupgrade', status: 202, transitional: 'canceling-upgrade', done: 'canceled-upgrade' },
  {
    name: 'service continueupgrade',
    kind: 'service',
    target: fooWeb,
    prepare: [{ action: 'upgrade', body: slowUpgrade, settle: '' }, { action: 'cancelupgrade', settle: 'canceled-upgrade' }],
    from: 'canceled-upgrade',
    action: 'continueupgrade',
    status: 202,
    transitional: 'upgrading',
    done: 'upgraded',
  },
  {
    name: 'service rollback after cancel',
    kind: 'service',
    target: fooWeb,
    prepare: [{ action: 'upgrade', body: slowUpgrade, settle: '' }, { action: 'cancelupgrade', settle: 'canceled-upgrade' }],
    from: 'canceled-upgrade',
    action: 'rollback',
    status: 202,
    transitional: 'rolling-back',
    done: 'active',
  },
  { name: 'service remove', kind: 'service', target: kv, from: 'active', action: 'remove', status: 202, transitional: 'removing', done: 'removed' },
  { name: 'container stop', kind: 'container', target: kvContainer, from: 'running', action: 'stop', status: 202, transitional: 'stopping', done: 'stopped' },
  { name: 'container start', kind: 'container', target: kvContainer, setup: kvInactive, from: 'stopped', action: 'start', status: 202, transitional: 'starting', done: 'running' },
  { name: 'container restart', kind: 'container', target: kvContainer, from: 'running', action: 'restart', status: 202, transitional: 'restarting', done: 'running' },
  { name: 'container remove', kind: 'container', target: kvContainer, setup: kvInactive, from: 'stopped', action: 'remove', status: 202, transitional: 'removing', done: 'removed' },
  { name: 'stack deactivateservices', kind: 'stack', target: barStack, from: 'active', action: 'deactivateservices', status: 200, transitional: null, done: 'active' },
  { name: 'stack activateservices', kind: 'stack', target: barStack, from: 'active', action: 'activateservices', status: 200, transitional: null, done: 'active' },
  { name: 'stack upgrade', kind: 'stack', target: barStack, from: 'active', action: 'upgrade', body: { dockerCompose: "version: '2'\n" }, status: 202, transitional: 'upgrading', done: 'upgraded' },
  { name: 'stack finishupgrade', kind: 'stack', target: barStack, prepare: [{ action: 'upgrade', body: {}, settle: 'upgraded' }], from: 'upgraded', action: 'finishupgrade', status: 202, transitional: 'finishing-upgrade', done: 'active' },
  { name: 'stack rollback', kind: 'stack', target: barStack, prepare: [{ action: 'upgrade', body: {}, settle: 'upgraded' }], from: 'upgraded', action: 'rollback', status: 202, transitional: 'rolling-back', done: 'active' },
  { name: 'stack cancelupgrade', kind: 'stack', stepMs: 150, target: barStack, prepare: [{ action: 'upgrade', body: {}, settle: '' }], from: 'upgrading', action: 'cancelupgrade', status: 202, transitional: 'canceling-upgrade', done: 'canceled-upgrade' },
  { name: 'stack remove', kind: 'stack', target: barStack, from: 'active', action: 'remove', status: 202, transitional: 'removing', done: 'removed' },
  { name: 'host deactivate', kind: 'host', target: host, from: 'active', action: 'deactivate', status: 202, transitional: 'deactivating', done: 'inactive' },
  { name: 'host activate', kind: 'host', target: host, prepare: [{ action: 'deactivate', settle: 'inactive' }], from: 'inactive', action: 'activate', status: 202, transitional: 'activating', done: 'active' },
];

let sim: RunningSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('state machine', () => {
  it.each(rows)('$name: $from → $transitional → $done', async (row) => {
    sim = await startTestSim(row.stepMs ? { stepMs: row.stepMs } : {});
    const s = sim;
    await row.setup?.(s);
    let target = await row.target(s);
    for (const step of row.prepare ?? []) {
      expect((await act(s, target, step.action, step.body)).status).toBeLessThan(300);
      target = step.settle ? await settled(s, selfOf(target), step.settle) : await get(s, selfOf(target));
    }
    target = await eventually(async () => {
      const r = await get(s, selfOf(target));
      return r.state === row.from ? r : undefined;
    });
    expect(Object.keys(target.actions as object)).toContain(row.action);

    const states: string[] = [];
    const stop = s.world.onChange((record) => {
      if (record.id === target.id && states.at(-1) !== record.state) states.push(record.state);
    });
    const res = await act(s, target, row.action, row.body);
    expect(res.status).toBe(row.status);
    if (row.transitional) {
      expect(res.body).toMatchObject({ id: target.id, state: row.transitional, transitioning: 'yes', transitioningMessage: 'In Progress' });
      expect(Object.keys(res.body.actions as object).sort()).toEqual(allowedActions(tables[row.kind], row.transitional).sort());
      await eventually(async () => states.includes(row.done), 5000, `${row.done} after ${row.action}`);
      stop();
      // Changes already under way (an upgrade's containers) may report the old state first.
      const begin = states.indexOf(row.transitional);
      expect(states.slice(begin, states.indexOf(row.done, begin) + 1)).toEqual([row.transitional, row.done]);
      const after = await get(s, selfOf(target)).catch(() => ({}) as Resource);
      if (after.state === row.done) expect(Object.keys(after.actions as object).sort()).toEqual(allowedActions(tables[row.kind], row.done).sort());
    } else {
      stop();
      expect(res.body).toMatchObject({ id: target.id, state: row.done });
    }
  });
});

describe('refusals', () => {
  it.each([
    ['restart on an inactive service', 'deactivate', 'restart', restartBody],
    ['finishupgrade on an active service', null, 'finishupgrade', undefined],
    ['activate on an active service', null, 'activate', undefined],
  ])('422 ActionNotAvailable for %s', async (_what, before, action, body) => {
    sim = await startTestSim();
    let svc = await kv(sim);
    if (before) {
      await act(sim, svc, before);
      svc = await settled(sim, selfOf(svc), 'inactive');
    }
    const res = await call(sim, 'POST', `${selfOf(svc)}/?action=${action}`, body);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: 'error', status: 422, code: 'ActionNotAvailable', message: null, detail: null, fieldName: 'action' });
  });

  it.each([
    ['restart without a strategy', 'restart', { links: null, actions: null }, 'MissingRequired', 'Restart strategy needs to be set'],
    ['restart with a null strategy', 'restart', { rollingRestartStrategy: null }, 'MissingRequired', 'Restart strategy needs to be set'],
    ['upgrade without a strategy', 'upgrade', { inServiceStrategy: null }, 'MissingRequired', 'Upgrade strategy needs to be set'],
    ['upgrade without a launchConfig', 'upgrade', { inServiceStrategy: { batchSize: 1 } }, 'InvalidOption', 'LaunchConfig/secondaryLaunchConfigs need to be specified for inService strategy'],
  ])('422 for %s', async (_what, action, body, code, fieldName) => {
    sim = await startTestSim();
    const res = await act(sim, await kv(sim), action, body);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code, fieldName });
  });

  it('accepts an empty restart strategy, as the UI sends it', async () => {
    sim = await startTestSim();
    expect((await act(sim, await kv(sim), 'restart', { rollingRestartStrategy: {} })).status).toBe(202);
  });

  it('refuses startFirst on a service that retains its IP', async () => {
    sim = await startTestSim();
    const svc = await kv(sim);
    await call(sim, 'PUT', selfOf(svc), { retainIp: true });
    const res = await act(sim, svc, 'upgrade', { inServiceStrategy: { startFirst: true, launchConfig: { imageUuid: 'docker:redis:5' } } });
    expect(res.body).toMatchObject({ status: 422, code: 'InvalidOption' });
  });

  it('deactivateservices on a stack with an upgraded service is 422 InvalidState', async () => {
    sim = await startTestSim();
    const svc = await kv(sim);
    await act(sim, svc, 'upgrade', upgradeBody());
    await settled(sim, selfOf(svc), 'upgraded');
    const res = await act(sim, await barStack(sim), 'deactivateservices');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'InvalidState', message: 'Service kv is not in valid state to be deactivated: upgraded' });
  });

  it('answers 409 to a second change while the first is in flight', async () => {
    sim = await startTestSim({ faults: { latency_ms: [{ path: '/services/', ms: 150, jitter_ms: 0 }] } });
    const svc = await kv(sim);
    const [a, b] = await Promise.all([act(sim, svc, 'restart', restartBody), act(sim, svc, 'deactivate')]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    expect([a, b].find((r) => r.status === 409)?.body).toMatchObject({ type: 'error', status: 409, code: 'Conflict' });
  });
});

describe('behaviour behind the states', () => {
  it('upgrade replaces launchConfig whole, runs the new image in new containers and keeps the old ones stopped until finish', async () => {
    sim = await startTestSim();
    const svc = await fooWeb(sim);
    const oldIds = svc.instanceIds as string[];
    const res = await act(sim, svc, 'upgrade', { inServiceStrategy: { batchSize: 1, intervalMillis: 10, launchConfig: { imageUuid: 'docker:nginx:1.16.0-alpine', environment: { X: '1' } } } });
    expect(res.status).toBe(202);
    const upgraded = await settled(sim, selfOf(svc), 'upgraded');
    const lc = upgraded.launchConfig as Record<string, unknown>;
    expect(lc).toMatchObject({ imageUuid: 'docker:nginx:1.16.0-alpine', environment: { X: '1' } });
    expect(lc.capDrop).toBeUndefined();
    expect(lc.healthCheck).toBeUndefined();
    expect(((upgraded.upgrade as Record<string, Record<string, Record<string, unknown>>>).inServiceStrategy?.previousLaunchConfig ?? {}).imageUuid).toBe('docker:nginx:1.15.12-alpine');
    const instances = dataOf(await get(sim, (svc.links as Record<string, string>).instances as string));
    const old = instances.filter((c) => oldIds.includes(c.id as string));
    const fresh = instances.filter((c) => !oldIds.includes(c.id as string));
    expect(old.map((c) => [c.name, c.state, c.imageUuid])).toEqual([
      ['foo-jgi-doe-web-1', 'stopped', 'docker:nginx:1.15.12-alpine'],
      ['foo-jgi-doe-web-2', 'stopped', 'docker:nginx:1.15.12-alpine'],
    ]);
    expect(fresh.map((c) => [c.name, c.state, c.imageUuid]).sort()).toEqual([
      ['foo-jgi-doe-web-1', 'running', 'docker:nginx:1.16.0-alpine'],
      ['foo-jgi-doe-web-2', 'running', 'docker:nginx:1.16.0-alpine'],
    ]);
    expect(Object.keys(upgraded.actions as object)).not.toContain('restart');

    await act(sim, upgraded, 'finishupgrade');
    const done = await settled(sim, selfOf(svc), 'active');
    expect((done.instanceIds as string[]).sort()).toEqual(fresh.map((c) => c.id).sort());
    expect((await get(sim, project(sim, `/containers/${String(oldIds[0])}`))).state).toBe('removed');
  });

  it('rollback restores the previous launchConfig and restarts the old containers', async () => {
    sim = await startTestSim();
    const svc = await kv(sim);
    const [oldId] = svc.instanceIds as string[];
    await act(sim, svc, 'upgrade', upgradeBody('redis:6.0-alpine'));
    await act(sim, await settled(sim, selfOf(svc), 'upgraded'), 'rollback');
    const back = await settled(sim, selfOf(svc), 'active');
    expect((back.launchConfig as Record<string, unknown>).imageUuid).toBe('docker:redis:5.0.3-alpine');
    expect(back.instanceIds).toEqual([oldId]);
    expect(await get(sim, project(sim, `/containers/${String(oldId)}`))).toMatchObject({ state: 'running', startCount: 2 });
  });

  it('restart bumps every container’s startCount', async () => {
    sim = await startTestSim();
    const svc = await fooWeb(sim);
    await act(sim, svc, 'restart', restartBody);
    await settled(sim, selfOf(svc), 'active');
    const counts = dataOf(await get(sim, (svc.links as Record<string, string>).instances as string)).map((c) => c.startCount);
    expect(counts).toEqual([2, 2]);
  });

  it('the reconciler starts a container stopped by hand while its service is active', async () => {
    sim = await startTestSim();
    const c = await kvContainer(sim);
    await act(sim, c, 'stop');
    await eventually(async () => {
      const now = await get(sim as RunningSim, selfOf(c));
      return now.state === 'running' && now.startCount === 2;
    });
  });

  it('the crash-looping service exits with code 137 and its restart count grows', async () => {
    sim = await startTestSim();
    const c = await byName(sim, 'containers', 'crashy-nersc-app-1');
    const exits: number[] = [];
    const stop = sim.world.onChange((r) => {
      if (r.id === c.id && r.type === 'container' && r.state === 'stopped') exits.push(r.data.dockerInspect.State.ExitCode);
    });
    await eventually(async () => ((await get(sim as RunningSim, selfOf(c))).startCount as number) >= 3);
    stop();
    expect(exits.length).toBeGreaterThanOrEqual(1);
    expect(new Set(exits)).toEqual(new Set([137]));
  });

  it('a health-checked container starts initializing and turns healthy', async () => {
    sim = await startTestSim();
    const c = await byName(sim, 'containers', 'foo-jgi-doe-web-1');
    const seen: (string | null)[] = [];
    const stop = sim.world.onChange((r) => {
      if (r.id === c.id && r.type === 'container' && seen.at(-1) !== r.healthState) seen.push(r.healthState);
    });
    await act(sim, c, 'restart');
    await eventually(async () => seen.includes('initializing') && seen.lastIndexOf('healthy') > seen.indexOf('initializing'));
    stop();
    expect(seen.slice(seen.indexOf('initializing'))).toEqual(['initializing', 'healthy']);
  });

  it('scaling an active service up and down through PUT', async () => {
    sim = await startTestSim();
    const svc = await kv(sim);
    expect((await call(sim, 'PUT', selfOf(svc), { scale: 3 })).status).toBe(200);
    await eventually(async () => ((await get(sim as RunningSim, selfOf(svc))).instanceIds as string[]).length === 3);
    const names = dataOf(await get(sim, (svc.links as Record<string, string>).instances as string)).map((c) => c.name);
    expect(names).toEqual(['bar-nersc-kv-1', 'bar-nersc-kv-2', 'bar-nersc-kv-3']);
    await call(sim, 'PUT', selfOf(svc), { scale: 1 });
    await eventually(async () => ((await get(sim as RunningSim, selfOf(svc))).instanceIds as string[]).length === 1);
  });
});
