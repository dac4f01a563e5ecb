import { describe, expect, it } from 'vitest';
import { upgradePatch } from './upgrade-patch';

const current = {
  imageUuid: 'docker:nginx:1.13',
  environment: { A: '1', B: '2' },
  labels: { app: 'web', 'io.rancher.service.hash': 'old' },
  networkMode: 'managed',
  logConfig: null,
};

describe('upgradePatch', () => {
  it('keeps only what changes: the image, environment key by key, a removed key as null', () => {
    const wanted = { type: 'launchConfig', imageUuid: 'docker:nginx:1.14', environment: { A: '1', C: '3' }, labels: { app: 'web', 'io.rancher.service.hash': 'new' }, networkMode: 'managed', logConfig: {} };
    expect(upgradePatch(current, wanted)).toEqual({ imageUuid: 'docker:nginx:1.14', environment: { B: null, C: '3' } });
  });

  it('refuses a change to a field the portal does not upgrade, naming it', () => {
    expect(() => upgradePatch(current, { ...current, volumeDriver: 'rancher-nfs' })).toThrow(/volumeDriver/);
  });

  it('ignores the type, links and actions go-rancher puts on nested structs', () => {
    const wanted = { ...current, logConfig: { type: 'logConfig', links: null, actions: null, driver: '', config: {} } };
    expect(upgradePatch(current, wanted)).toEqual({});
  });

  it('passes a changed field the policy judges (privileged) on to the upgrade', () => {
    expect(upgradePatch(current, { ...current, privileged: true })).toEqual({ privileged: true });
  });
});
