import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { containerOf, fakeToken, FakeSpinPortal, serviceOf, stackOf } from '@/test/helpers/fake-spin-portal';
import type { DeployResult } from './deploy-result';
import { runCli } from './run-cli';

let portal: FakeSpinPortal;

beforeEach(async () => {
  portal = await new FakeSpinPortal().start();
});

afterEach(async () => {
  await portal.close();
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env: { SPIN_PORTAL_URL: portal.url, SPIN_PORTAL_TOKEN: fakeToken, ...env },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    transport: { fetch: globalThis.fetch, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))) },
    now: () => Date.now(),
    pollMs: 1,
    signal: new AbortController().signal,
  });
  return { code, stdout, stderr };
}

function result(stdout: string): DeployResult {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as DeployResult;
}

const before = serviceOf();
const upgrading = serviceOf({ state: 'upgrading', transitioning: 'yes', upgradeInProgress: true });
const newContainer = containerOf({ id: '1i9' });
const oldStopped = containerOf({ id: '1i3', state: 'stopped' });
const upgraded = serviceOf({ state: 'upgraded', upgradeInProgress: true, image: 'registry.spin.nersc.gov/fred/foo-app:1.5.0', containers: [oldStopped, newContainer] });
const active = serviceOf({ image: 'registry.spin.nersc.gov/fred/foo-app:1.5.0', containers: [newContainer] });
const servicePath = '/api/v1/stacks/1st1/services/1s2';

describe('spin-portal deploy', () => {
  it('upgrades by name, waits for health, finishes: outcome finished, exit 0, one JSON line', async () => {
    portal.serve(stackOf([before])).serviceReadings('1st1', [upgrading, upgraded, serviceOf({ ...active, state: 'finishing-upgrade', transitioning: 'yes' }), active]);
    portal.on(`POST ${servicePath}/upgrade`, { status: 202, body: upgrading }).on(`POST ${servicePath}/finish-upgrade`, { status: 202, body: upgraded });
    const r = await cli(['deploy', 'foo-jgi-doe/app', '--image', 'registry.spin.nersc.gov/fred/foo-app:1.5.0', '--env', 'LOG_LEVEL=debug', '--env', 'EMPTY=', '--finish']);
    expect(r.code).toBe(0);
    expect(result(r.stdout)).toMatchObject({
      stack: 'foo-jgi-doe',
      stackId: '1st1',
      service: 'app',
      serviceId: '1s2',
      environment: 'prod-cattle',
      image: 'registry.spin.nersc.gov/fred/foo-app:1.5.0',
      previousImage: 'registry.spin.nersc.gov/fred/foo-app:1.4.2',
      outcome: 'finished',
      state: 'active',
    });
    expect(portal.posts(`${servicePath}/upgrade`)[0]?.body).toEqual({ launchConfig: { imageUuid: 'docker:registry.spin.nersc.gov/fred/foo-app:1.5.0', environment: { LOG_LEVEL: 'debug', EMPTY: '' } } });
    expect(portal.posts(`${servicePath}/finish-upgrade`)[0]?.body).toEqual({});
    expect(portal.requests.every((q) => q.authorization === `Bearer ${fakeToken}`)).toBe(true);
    expect(r.stderr).toMatch(/^\[\d+\.\ds\] foo-jgi-doe\/app: upgrading from .*1\.4\.2 to .*1\.5\.0 in prod-cattle$/m);
    expect(r.stderr).toMatch(/\] foo-jgi-doe\/app: upgraded, healthy$/m);
    expect(r.stderr).toMatch(/\] foo-jgi-doe\/app: finished$/m);
    expect(r.stderr).not.toMatch(/\x1b|\r/);
  });

  it('resolves ids too, and without --wait ends once the upgrade is accepted: outcome upgrading, exit 0', async () => {
    portal.serve(stackOf([before])).on(`POST ${servicePath}/upgrade`, { status: 202, body: upgrading });
    const r = await cli(['deploy', '1st1/1s2', '--image', 'nginx:1.27']);
    expect(r.code).toBe(0);
    expect(result(r.stdout)).toMatchObject({ outcome: 'upgrading', state: 'upgrading', serviceId: '1s2' });
    expect(portal.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /api/v1/stacks/1st1', `POST ${servicePath}/upgrade`]);
  });

  it('prints the findings of a policy refusal (rule id, severity, field) and exits 1 with outcome refused', async () => {
    portal.serve(stackOf([before]));
    const finding = { ruleId: 'image-registry-allowed', severity: 'error', message: 'quay.io/fred/app:1 comes from quay.io', path: '/proposed/imageUuid', line: null, column: null, input: 'proposed', docs: '/policy#x' };
    portal.on(`POST ${servicePath}/upgrade`, { status: 422, body: { type: 'policy-violation', title: 'Refused by policy', status: 422, detail: 'The change breaks 1 rule.', findings: [finding] } });
    const r = await cli(['deploy', 'foo-jgi-doe/app', '--image', 'quay.io/fred/app:1', '--wait']);
    expect(r.code).toBe(1);
    const out = result(r.stdout);
    expect(out).toMatchObject({ outcome: 'refused', reason: 'The change breaks 1 rule.' });
    expect(out.findings).toEqual([{ ruleId: 'image-registry-allowed', severity: 'error', message: 'quay.io/fred/app:1 comes from quay.io', field: '/proposed/imageUuid' }]);
    expect(r.stderr).toMatch(/error\s+image-registry-allowed\s+\/proposed\/imageUuid/);
  });

  it('rolls back when a new container will not start (--rollback-on-failure): outcome rolled-back, exit 1', async () => {
    const failedStart = serviceOf({ ...upgrading, transitioning: 'error', transitioningMessage: 'Failed to start instance foo-jgi-doe-app-1: exit status 1' });
    portal.serve(stackOf([before])).serviceReadings('1st1', [upgrading, failedStart, serviceOf({ state: 'rolling-back', transitioning: 'yes' }), before]);
    portal.on(`POST ${servicePath}/upgrade`, { status: 202, body: upgrading }).on(`POST ${servicePath}/rollback`, { status: 202, body: serviceOf({ state: 'rolling-back', transitioning: 'yes' }) });
    const r = await cli(['deploy', 'foo-jgi-doe/app', '--image', 'registry.spin.nersc.gov/fred/foo-app:1.5.0-crash', '--rollback-on-failure']);
    expect(r.code).toBe(1);
    expect(result(r.stdout)).toMatchObject({ outcome: 'rolled-back', state: 'active', reason: expect.stringMatching(/Failed to start instance/) });
    expect(portal.posts(`${servicePath}/rollback`)).toHaveLength(1);
    expect(portal.posts(`${servicePath}/finish-upgrade`)).toHaveLength(0);
    expect(r.stderr).toMatch(/rolled back$/m);
  });

  it('rolls back a crash loop: a new container started again after exiting', async () => {
    const crashing = serviceOf({ ...upgraded, containers: [oldStopped, containerOf({ id: '1i9', state: 'stopped', exitCode: 1, startCount: 2 })], healthState: 'unhealthy' });
    portal.serve(stackOf([before])).serviceReadings('1st1', [crashing, before]);
    portal.on(`POST ${servicePath}/upgrade`, { status: 202, body: upgrading }).on(`POST ${servicePath}/rollback`, { status: 202, body: before });
    const r = await cli(['deploy', 'foo-jgi-doe/app', '--image', 'nginx:1.27', '--finish', '--rollback-on-failure']);
    expect(r.code).toBe(1);
    expect(result(r.stdout)).toMatchObject({ outcome: 'rolled-back', reason: 'container foo-jgi-doe-app-1 exited with code 1 (started 2 times)' });
  });

  it('fails on the timeout and leaves the service as it is without --rollback-on-failure', async () => {
    portal.serve(stackOf([before])).serviceReadings('1st1', [serviceOf({ ...upgraded, healthState: 'initializing' })]);
    portal.on(`POST ${servicePath}/upgrade`, { status: 202, body: upgrading });
    const r = await cli(['deploy', 'foo-jgi-doe/app', '--image', 'nginx:1.27', '--wait', '--timeout', '0.05']);
    expect(r.code).toBe(1);
    expect(result(r.stdout)).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/^not done within 0.05 s \(last seen: upgraded, initializing\); roll it back/) });
    expect(portal.posts(`${servicePath}/rollback`)).toHaveLength(0);
  });

  it('says what a 409 says (an upgrade already waits): outcome failed, exit 1', async () => {
    portal.serve(stackOf([before])).on(`POST ${servicePath}/upgrade`, { status: 409, body: { status: 409, detail: 'app is upgraded; finish or roll back the upgrade first.' } });
    const r = await cli(['deploy', 'foo-jgi-doe/app', '--image', 'nginx:1.27', '--wait']);
    expect(r.code).toBe(1);
    expect(result(r.stdout)).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/finish or roll back the upgrade first/) });
  });

  it('a refused token: exit 2, outcome error, "the token was refused (401)", and the token never printed', async () => {
    const wrong = `spinpat_zzzzzzzzzzzz_${'x'.repeat(40)}`;
    const r = await cli(['deploy', 'foo-jgi-doe/app', '--image', 'nginx:1.27'], { SPIN_PORTAL_TOKEN: wrong });
    expect(r.code).toBe(2);
    expect(result(r.stdout)).toMatchObject({ outcome: 'error', reason: expect.stringMatching(/^the token was refused \(401\)/) });
    expect(r.stderr).toContain('the token was refused (401)');
    expect(r.stdout + r.stderr).not.toContain(wrong);
  });

  it('a token without the upgrade right on the stack: exit 2 before anything is posted', async () => {
    portal.serve(stackOf([before], { rights: ['view', 'logs'] }));
    const r = await cli(['deploy', 'foo-jgi-doe/app', '--image', 'nginx:1.27']);
    expect(r.code).toBe(2);
    expect(result(r.stdout).reason).toMatch(/may not upgrade services of foo-jgi-doe \(its rights there: view, logs\)/);
    expect(portal.posts(`${servicePath}/upgrade`)).toHaveLength(0);
  });

  it('names it cannot resolve: exit 2 with what there is', async () => {
    portal.serve(stackOf([before]));
    const noStack = await cli(['deploy', 'nope/app', '--image', 'nginx:1.27']);
    expect(noStack.code).toBe(2);
    expect(result(noStack.stdout).reason).toMatch(/no stack named "nope" that this token can see/);
    const noService = await cli(['deploy', 'foo-jgi-doe/web', '--image', 'nginx:1.27']);
    expect(result(noService.stdout).reason).toBe('stack foo-jgi-doe has no service "web" (its services: app)');
  });

  it('waits out the token rate limit (429 with Retry-After)', async () => {
    let calls = 0;
    portal.serve(stackOf([before])).on('GET /api/v1/stacks/1st1', () => (++calls === 1 ? { status: 429, body: { detail: 'slow down' }, headers: { 'retry-after': '1' } } : { status: 200, body: stackOf([before]) }));
    portal.on(`POST ${servicePath}/upgrade`, { status: 202, body: upgrading });
    const r = await cli(['deploy', '1st1/app', '--image', 'nginx:1.27']);
    expect(r.code).toBe(0);
    expect(calls).toBe(2);
  });

  it('a portal that does not answer: exit 2, "cannot reach the portal"', async () => {
    const url = portal.url;
    await portal.close();
    portal = await new FakeSpinPortal().start();
    const r = await cli(['deploy', 'foo-jgi-doe/app', '--image', 'nginx:1.27'], { SPIN_PORTAL_URL: url });
    expect(r.code).toBe(2);
    expect(result(r.stdout).reason).toMatch(/^cannot reach the portal at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('usage errors: exit 2, the usage on stderr, nothing on stdout', async () => {
    const r = await cli(['deploy', 'foo-jgi-doe', '--image', 'nginx:1.27']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^spin-portal: "foo-jgi-doe" is not <stack>\/<service>/);
    expect(r.stderr).toContain('Usage: spin-portal deploy');
  });

  it('missing settings: exit 2 naming the variable', async () => {
    const r = await cli(['deploy', 'foo-jgi-doe/app', '--image', 'nginx:1.27'], { SPIN_PORTAL_TOKEN: '' });
    expect(r.code).toBe(2);
    expect(result(r.stdout).reason).toMatch(/^SPIN_PORTAL_TOKEN is not set/);
    expect(portal.requests).toHaveLength(0);
  });
});

describe('spin-portal status', () => {
  const stack = stackOf([serviceOf({ name: 'web', id: '1s1', image: 'nginx:1.15.12-alpine', scale: 2 }), serviceOf({ ...upgraded })]);

  it('prints a table of the services', async () => {
    portal.serve(stack);
    const r = await cli(['status', 'foo-jgi-doe']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'foo-jgi-doe (1st1) in prod-cattle (production): active, healthy',
        'SERVICE  STATE                       HEALTH   SCALE  IMAGE',
        'web      active                      healthy  2      nginx:1.15.12-alpine',
        'app      upgraded (awaiting finish)  healthy  1      registry.spin.nersc.gov/fred/foo-app:1.5.0',
        '',
      ].join('\n'),
    );
  });

  it('--json: one object with the stack and its services', async () => {
    portal.serve(stack);
    const r = await cli(['status', '1st1', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { stack: Record<string, unknown>; services: Record<string, unknown>[] };
    expect(out.stack).toEqual({ id: '1st1', name: 'foo-jgi-doe', environment: 'prod-cattle', production: true, state: 'active', healthState: 'healthy' });
    expect(out.services[1]).toMatchObject({ name: 'app', state: 'upgraded', healthState: 'healthy', scale: 1, upgradeInProgress: true });
  });

  it('a refused token: exit 2 with the message', async () => {
    const r = await cli(['status', 'foo-jgi-doe'], { SPIN_PORTAL_TOKEN: 'spinpat_wrong' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^spin-portal: the token was refused \(401\)/);
  });
});

describe('spin-portal logs', () => {
  const two = serviceOf({ containers: [containerOf({ id: '1i3', name: 'foo-jgi-doe-app-1' }), containerOf({ id: '1i4', name: 'foo-jgi-doe-app-2' })] });

  it('streams every container with the bearer token, each line prefixed with its container', async () => {
    portal.serve(stackOf([two]));
    portal.logFrames.set('1i3', [JSON.stringify({ ts: '2026-12-07T00:00:00Z', stream: 'stdout', line: 'GET / 200' })]);
    portal.logFrames.set('1i4', [JSON.stringify({ ts: '2026-12-07T00:00:01Z', stream: 'stderr', line: 'warming up' }), JSON.stringify({ type: 'dropped', count: 3 })]);
    const r = await cli(['logs', 'foo-jgi-doe/app', '--tail', '20']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').sort()).toEqual(['', 'foo-jgi-doe-app-1 | GET / 200', 'foo-jgi-doe-app-2 | warming up']);
    expect(r.stderr).toBe('foo-jgi-doe-app-2: 3 lines dropped (this end read too slowly)\n');
    expect(portal.logRequests.map((q) => q.url).sort()).toEqual(['/api/v1/containers/1i3/logs?tail=20&follow=0', '/api/v1/containers/1i4/logs?tail=20&follow=0']);
    expect(portal.logRequests.every((q) => q.authorization === `Bearer ${fakeToken}`)).toBe(true);
  });

  it('--follow asks the portal to follow', async () => {
    portal.serve(stackOf([before]));
    const r = await cli(['logs', 'foo-jgi-doe/app', '-f']);
    expect(r.code).toBe(0);
    expect(portal.logRequests[0]?.url).toBe('/api/v1/containers/1i3/logs?tail=100&follow=1');
  });

  it('a socket the portal refuses: exit 2 with its reason', async () => {
    portal.serve(stackOf([before])).refuseSockets = true;
    const r = await cli(['logs', '1st1/1s2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the token was refused \(401\)/);
  });
});
