import { describe, expect, it } from 'vitest';
import { isLifecycleVerb, offeredVerbs, rancherActions, rightFor, serviceActionVerbs, serviceVerbs } from './service-verbs';

describe('service verbs', () => {
  it('maps every verb to its Rancher action', () => {
    expect(serviceVerbs.map((verb) => rancherActions[verb])).toEqual(['deactivate', 'activate', 'restart', 'upgrade', 'finishupgrade', 'rollback']);
  });

  it('gives every verb but upgrade a button', () => {
    expect([...serviceActionVerbs].sort()).toEqual(serviceVerbs.filter((verb) => verb !== 'upgrade').sort());
  });

  it('needs operate for stop, start and restart, upgrade for the rest', () => {
    expect(serviceVerbs.filter(isLifecycleVerb)).toEqual(['stop', 'start', 'restart']);
    expect(serviceVerbs.map(rightFor)).toEqual(['operate', 'operate', 'operate', 'upgrade', 'upgrade', 'upgrade']);
  });
});

describe('offeredVerbs', () => {
  const both = { operate: true, upgrade: true };

  it('offers what Rancher allows, in the buttons order, without the upgrade form', () => {
    expect(offeredVerbs(['stop', 'restart', 'upgrade'], both)).toEqual(['restart', 'stop']);
    expect(offeredVerbs(['start', 'upgrade'], both)).toEqual(['start']);
    expect(offeredVerbs(['finish-upgrade', 'rollback'], both)).toEqual(['finish-upgrade', 'rollback']);
    expect(offeredVerbs([], both)).toEqual([]);
  });

  it('keeps to the person rights', () => {
    expect(offeredVerbs(['finish-upgrade', 'rollback'], { operate: true, upgrade: false })).toEqual([]);
    expect(offeredVerbs(['stop', 'restart'], { operate: false, upgrade: true })).toEqual([]);
  });
});
