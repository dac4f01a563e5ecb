import { describe, expect, it } from 'vitest';
import { containerOf, serviceOf } from '@/test/helpers/fake-spin-portal';
import { isSettledActive, upgradeVerdict } from './upgrade-verdict';

const before = new Set(['1i3']);
const oldStopped = containerOf({ id: '1i3', state: 'stopped', exitCode: 0 });

describe('upgradeVerdict', () => {
  it.each([
    { name: 'still upgrading', service: serviceOf({ state: 'upgrading', transitioning: 'yes' }), verdict: { kind: 'waiting', for: 'the new containers to start' } },
    {
      name: 'Rancher reports an error',
      service: serviceOf({ state: 'upgrading', transitioning: 'error', transitioningMessage: 'Failed to start instance x' }),
      verdict: { kind: 'failed', reason: 'Rancher reports: Failed to start instance x' },
    },
    { name: 'upgraded and healthy', service: serviceOf({ state: 'upgraded', containers: [oldStopped, containerOf({ id: '1i9' })] }), verdict: { kind: 'healthy' } },
    { name: 'upgraded, health initializing', service: serviceOf({ state: 'upgraded', healthState: 'initializing' }), verdict: { kind: 'waiting', for: 'health (now initializing)' } },
    { name: 'upgraded, still settling', service: serviceOf({ state: 'upgraded', transitioning: 'yes' }), verdict: { kind: 'waiting', for: 'Rancher to settle' } },
    {
      name: 'a new container exited with an error',
      service: serviceOf({ state: 'upgraded', healthState: 'unhealthy', containers: [oldStopped, containerOf({ id: '1i9', name: 'app-1', state: 'stopped', exitCode: 137 })] }),
      verdict: { kind: 'failed', reason: 'container app-1 exited with code 137 (started 1 times)' },
    },
    {
      name: 'a new container restarted (crash loop)',
      service: serviceOf({ state: 'upgraded', containers: [containerOf({ id: '1i9', name: 'app-1', startCount: 3, exitCode: 0 })] }),
      verdict: { kind: 'failed', reason: 'container app-1 exited (started 3 times)' },
    },
    {
      name: 'an old container stopped with an error is not the new image\'s fault',
      service: serviceOf({ state: 'upgraded', containers: [containerOf({ id: '1i3', state: 'stopped', exitCode: 1, startCount: 4 }), containerOf({ id: '1i9' })] }),
      verdict: { kind: 'healthy' },
    },
    {
      name: 'rolled back by someone else',
      service: serviceOf({ state: 'active' }),
      verdict: { kind: 'failed', reason: 'the upgrade ended elsewhere: the service is active, not upgraded (rolled back or cancelled in the portal or Rancher?)' },
    },
  ])('$name', ({ service, verdict }) => {
    expect(upgradeVerdict(service, before)).toEqual(verdict);
  });
});

describe('isSettledActive', () => {
  it('is active and not transitioning', () => {
    expect(isSettledActive({ state: 'active', transitioning: 'no' })).toBe(true);
    expect(isSettledActive({ state: 'active', transitioning: 'yes' })).toBe(false);
    expect(isSettledActive({ state: 'rolling-back', transitioning: 'no' })).toBe(false);
  });
});
