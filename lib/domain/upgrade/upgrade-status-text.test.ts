import { describe, expect, it } from 'vitest';
import type { ContainerView } from '@/lib/domain/stacks/stack-schemas';
import { awaitingFinishText, upgradeStatusText, type UpgradeStep } from './upgrade-status-text';

const container = (id: string, state: string): ContainerView => ({ id, name: `web-${id}`, state, healthState: null, hostname: null, startCount: 1, exitCode: null, lastExitCode: null, image: null, createdAt: '2026-01-01T00:00:00Z', environment: { id: '1a5', name: 'prod-cattle', production: true } });
const service = (state: string, containers: ContainerView[] = [], transitioning: 'yes' | 'no' | 'error' = state.endsWith('ing') ? 'yes' : 'no') => ({
  name: 'web',
  state,
  transitioning,
  transitioningMessage: null,
  containers,
  scale: 2,
});
const step = (kind: UpgradeStep['kind']): UpgradeStep => ({ kind, startedAt: 10_000, containersBefore: ['1i1', '1i2'] });

describe('upgradeStatusText', () => {
  it('says what is being sent first', () => {
    expect(upgradeStatusText({ service: service('active'), step: null, sending: 'upgrade', now: 0 })).toEqual({ text: 'Sending the upgrade of web…', tone: 'busy' });
  });

  it('counts the new containers running during an upgrade, with the time', () => {
    const containers = [container('1i1', 'stopped'), container('1i2', 'running'), container('1i3', 'running'), container('1i4', 'starting')];
    expect(upgradeStatusText({ service: service('upgrading', containers), step: step('upgrade'), sending: null, now: 14_000 }).text).toBe('Upgrading web: 1 of 2 new containers running… 4 s');
  });

  it('asks for Finish or Roll back once upgraded, in the words of the issue', () => {
    expect(upgradeStatusText({ service: service('upgraded'), step: step('upgrade'), sending: null, now: 0 })).toEqual({ text: awaitingFinishText, tone: 'warn' });
    expect(awaitingFinishText).toBe('Upgraded: check the service, then Finish or Roll back.');
  });

  it('says a rollback restored the previous configuration', () => {
    expect(upgradeStatusText({ service: service('rolling-back'), step: step('rollback'), sending: null, now: 12_000 }).text).toBe('Rolling back web to its previous configuration… 2 s');
    expect(upgradeStatusText({ service: service('active'), step: step('rollback'), sending: null, now: 0 })).toEqual({ text: 'Rolled back: web is restored to its previous configuration.', tone: 'ok' });
  });

  it('says a finish removed the old containers', () => {
    expect(upgradeStatusText({ service: service('active'), step: step('finish-upgrade'), sending: null, now: 0 }).text).toBe('Finished: web keeps the new version and its old containers are removed.');
  });

  it("gives Rancher's reason when a transition failed", () => {
    const failed = { ...service('upgrading', [], 'error'), transitioningMessage: 'port 60000 in use' };
    expect(upgradeStatusText({ service: failed, step: step('upgrade'), sending: null, now: 0 })).toEqual({ text: 'web did not settle: it is upgrading (port 60000 in use).', tone: 'bad' });
  });

  it('is empty when nothing happened', () => {
    expect(upgradeStatusText({ service: service('active'), step: null, sending: null, now: 0 })).toEqual({ text: '', tone: 'idle' });
  });
});
