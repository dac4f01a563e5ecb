import { describe, expect, it } from 'vitest';
import { containerSchema, serviceSchema, stackSchema } from './schemas';
import { hostNames, toContainerSummary, toServiceDetail, toStackDetail } from './to-domain';

// Recorded shapes (rancher-api.md §2.3, §3), trimmed to what matters here plus a few fields the portal ignores.
const base = 'http://rancher.test/v2-beta/projects/1a5';
const prod = { id: '1a5', name: 'prod-cattle', production: true };
const service = (state: string, actions: string[], extra: Record<string, unknown> = {}) =>
  serviceSchema.parse({
    id: '1s12',
    type: 'service',
    baseType: 'service',
    name: 'web',
    stackId: '1st5',
    state,
    healthState: 'healthy',
    scale: 2,
    currentScale: 2,
    transitioning: state === 'upgraded' ? 'no' : 'yes',
    transitioningMessage: null,
    created: '2024-05-01T10:00:00Z',
    launchConfig: { imageUuid: 'docker:nginx:1.27', environment: { A: '1' }, kind: 'container', vcpu: 1 },
    upgrade: { inServiceStrategy: { previousLaunchConfig: { imageUuid: 'docker:nginx:1.25' }, batchSize: 1, startFirst: false } },
    links: { self: `${base}/services/1s12`, instances: `${base}/services/1s12/instances` },
    actions: Object.fromEntries(actions.map((a) => [a, `${base}/services/1s12/?action=${a}`])),
    ...extra,
  });

const container = (extra: Record<string, unknown>) =>
  containerSchema.parse({
    id: '1i40',
    type: 'container',
    name: 'foo-jgi-doe-web-1',
    state: 'running',
    healthState: 'healthy',
    hostId: '1h1',
    stackId: '1st5',
    serviceIds: ['1s12'],
    startCount: 3,
    created: '2024-05-01T10:00:01Z',
    data: { dockerInspect: { State: { Running: true, ExitCode: 0 } } },
    ...extra,
  });

const hosts = hostNames([{ id: '1h1', hostname: 'spin-node-01.nersc.gov', name: 'spin-node-01' }]);

describe('toServiceDetail', () => {
  it('names the verbs Rancher offers and keeps the previous config while an upgrade awaits a decision', () => {
    const detail = toServiceDetail(service('upgraded', ['finishupgrade', 'rollback', 'remove', 'cancelupgrade']), [], prod);
    expect(detail.allowedVerbs).toEqual(['finish-upgrade', 'rollback']);
    expect(detail.upgradeInProgress).toBe(true);
    expect(detail.previousLaunchConfig).toEqual({ imageUuid: 'docker:nginx:1.25' });
    expect(detail.image).toBe('nginx:1.27');
    // Fields the portal does not type are kept, for the next upgrade to send back.
    expect(detail.launchConfig).toEqual({ imageUuid: 'docker:nginx:1.27', environment: { A: '1' }, kind: 'container', vcpu: 1 });
  });

  it('after a finish, offers the replaced config for a revert instead of a rollback', () => {
    const detail = toServiceDetail(service('active', ['deactivate', 'restart', 'upgrade']), [], prod);
    expect(detail.allowedVerbs).toEqual(['stop', 'restart', 'upgrade']);
    expect(detail.upgradeInProgress).toBe(false);
    expect(detail.previousLaunchConfig).toBeUndefined();
    expect(detail.revertibleLaunchConfig).toEqual({ imageUuid: 'docker:nginx:1.25' });
    expect(toServiceDetail(service('upgraded', ['finishupgrade', 'rollback']), [], prod).revertibleLaunchConfig).toBeUndefined();
  });

  it('offers no revert after a rollback, which made the previous config the current one', () => {
    const launchConfig = { imageUuid: 'docker:nginx:1.25', environment: { A: '1' } };
    const rolledBack = service('active', ['deactivate', 'restart', 'upgrade'], { launchConfig, upgrade: { inServiceStrategy: { previousLaunchConfig: launchConfig } } });
    expect(toServiceDetail(rolledBack, [], prod).revertibleLaunchConfig).toBeUndefined();
  });

  it('reads an external service without a launchConfig', () => {
    const detail = toServiceDetail(service('active', [], { type: 'externalService', launchConfig: null, upgrade: null, scale: null }), [], prod);
    expect(detail).toMatchObject({ launchConfig: null, image: '', scale: 1 });
  });
});

describe('toContainerSummary', () => {
  it('names the host and hides the exit code while running', () => {
    expect(toContainerSummary(container({}), hosts)).toEqual({
      id: '1i40',
      serviceId: '1s12',
      name: 'foo-jgi-doe-web-1',
      state: 'running',
      healthState: 'healthy',
      hostname: 'spin-node-01.nersc.gov',
      startCount: 3,
      exitCode: null,
      createdAt: '2024-05-01T10:00:01Z',
    });
  });

  it('gives the exit code of a stopped container, and null for an unknown host or a missing health check', () => {
    const summary = toContainerSummary(container({ state: 'stopped', hostId: '1h9', healthState: null, data: { dockerInspect: { State: { Running: false, ExitCode: 137 } } } }), hosts);
    expect(summary).toMatchObject({ exitCode: 137, hostname: null, healthState: null });
  });
});

describe('toStackDetail', () => {
  it('parses the tags of the group field', () => {
    const stack = stackSchema.parse({
      id: '1st5',
      type: 'stack',
      name: 'foo-jgi-doe',
      state: 'active',
      healthState: 'healthy',
      group: 'owner:fred, staff-owner:wilma, group:csg',
      description: null,
      links: {},
      actions: {},
    });
    expect(toStackDetail(stack, [], prod)).toEqual({
      id: '1st5',
      name: 'foo-jgi-doe',
      state: 'active',
      healthState: 'healthy',
      description: null,
      tags: { owner: 'fred', staffOwner: 'wilma', group: 'csg', other: {} },
      environment: prod,
      services: [],
    });
  });
});
