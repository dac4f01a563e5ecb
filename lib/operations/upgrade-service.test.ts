import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isAppError } from '@/lib/domain/errors/app-error';
import { FakeRancherBackend, fakeContainer, fakeService, fakeStack } from '@/test/helpers/fake-rancher-backend';
import { fakeOperationContext } from '@/test/helpers/fake-operation-context';
import { upgradeService } from './upgrade-service';

const webConfig = { imageUuid: 'docker:nginx:1.25', capDrop: ['ALL'] };
const monitorConfig = { imageUuid: 'docker:registry.spin.nersc.gov/isg/monitor:1.0', dataVolumes: ['/var/run/docker.sock:/var/run/docker.sock:ro'], capDrop: ['ALL'] };
const tagged = fakeStack({
  id: '1st1',
  name: 'foo-jgi-doe',
  owner: 'fred',
  services: [
    fakeService({ id: '1s1', stackId: '1st1', name: 'web', launchConfig: webConfig, containers: [fakeContainer({ id: '1i1', serviceId: '1s1', name: 'foo-jgi-doe-web-1' })] }),
    fakeService({ id: '1s9', stackId: '1st1', name: 'monitor', launchConfig: monitorConfig }),
  ],
});
const stack = { ...tagged, tags: { ...tagged.tags, staffOwner: 'wilma' } };
const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a refusal'), (err: unknown) => err);

beforeAll(() => {
  // The configuration every portal process parses; the policy reads POLICY_ALLOWED_HOST_PATHS from it.
  for (const [name, value] of Object.entries({
    RANCHER_URL: 'http://127.0.0.1:9',
    RANCHER_ACCESS_KEY: 'AK',
    RANCHER_SECRET_KEY: 'SK',
    LDAP_URL: 'ldap://127.0.0.1:9',
    LDAP_BASE_DN: 'dc=nersc,dc=gov',
    LDAP_USER_DN_TEMPLATE: 'uid={uid},dc=nersc,dc=gov',
    NEXTAUTH_SECRET: 'x'.repeat(32),
    NEXTAUTH_URL: 'http://127.0.0.1:3000',
    POLICY_ALLOWED_HOST_PATHS: '/global,/srv/spin',
  })) {
    vi.stubEnv(name, value);
  }
});

let backend: FakeRancherBackend;
beforeEach(() => {
  backend = new FakeRancherBackend([stack]);
});

const upgradeCalls = () => backend.calls.filter((c) => c.method === 'upgrade');

describe('upgradeService', () => {
  it('sends the change with the launchConfig it was checked against, so the backend can refuse a changed one', async () => {
    const ctx = fakeOperationContext(backend, { uid: 'fred' });
    await upgradeService(ctx, { stackId: '1st1', serviceId: '1s1', upgrade: { launchConfig: { imageUuid: 'docker:nginx:1.27' } } });
    expect(upgradeCalls()).toEqual([{ method: 'upgrade', args: ['1s1', expect.objectContaining({ launchConfig: { imageUuid: 'docker:nginx:1.27' }, basedOn: webConfig })] }]);
  });

  it('allows a host path of the configured roots and refuses one outside them, before Rancher is called', async () => {
    const ctx = fakeOperationContext(backend, { uid: 'fred' });
    await upgradeService(ctx, { stackId: '1st1', serviceId: '1s1', upgrade: { launchConfig: { dataVolumes: ['/srv/spin/www:/www:ro'] } } });
    expect(upgradeCalls()).toHaveLength(1);
    const err = await failure(upgradeService(fakeOperationContext(new FakeRancherBackend([stack]), { uid: 'fred' }), { stackId: '1st1', serviceId: '1s1', upgrade: { launchConfig: { dataVolumes: ['/project/x:/x'] } } }));
    expect(isAppError(err) && err.status).toBe(422);
  });

  it('refuses an owner on a service with node-level access even when told it is acknowledged', async () => {
    const ctx = fakeOperationContext(backend, { uid: 'fred' });
    const err = await failure(upgradeService(ctx, { stackId: '1st1', serviceId: '1s9', upgrade: { launchConfig: { imageUuid: 'docker:registry.spin.nersc.gov/isg/monitor:1.1' }, acknowledgeNodeAccess: true } }));
    expect(isAppError(err) && err.status).toBe(422);
    const findings = (isAppError(err) ? (err.extra?.findings as { ruleId: string }[]) : []).map((f) => f.ruleId);
    expect(findings).toEqual(expect.arrayContaining(['staff-only-service', 'host-path-allowed']));
    expect(upgradeCalls()).toEqual([]);
    expect(ctx.audit.events).toEqual([expect.objectContaining({ action: 'service.upgrade', outcome: 'failed', code: 'policy-violation' })]);
  });

  it('lets staff proceed only with the acknowledgement, and records it', async () => {
    const ctx = fakeOperationContext(backend, { uid: 'wilma', isStaff: true });
    const change = { launchConfig: { imageUuid: 'docker:registry.spin.nersc.gov/isg/monitor:1.1' } };
    expect(isAppError(await failure(upgradeService(ctx, { stackId: '1st1', serviceId: '1s9', upgrade: change })))).toBe(true);
    await upgradeService(ctx, { stackId: '1st1', serviceId: '1s9', upgrade: { ...change, acknowledgeNodeAccess: true } });
    expect(upgradeCalls()).toHaveLength(1);
    const recorded = ctx.audit.events.find((e) => e.outcome === 'ok');
    expect(recorded?.details).toMatchObject({ staffAcknowledgement: { by: 'wilma', findings: expect.arrayContaining([expect.objectContaining({ ruleId: 'staff-only-service' })]) } });
  });
});
