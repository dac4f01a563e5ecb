import { describe, expect, it } from 'vitest';
import { refusalDetail } from './refusal-detail';

describe('refusalDetail', () => {
  const cases = [
    { kind: 'service', state: 'upgraded', verb: 'restart', says: /finish or roll back the upgrade first/ },
    { kind: 'service', state: 'upgraded', verb: 'upgrade', says: /finish or roll back the upgrade first/ },
    { kind: 'service', state: 'canceled-upgrade', verb: 'restart', says: /roll it back first/ },
    { kind: 'service', state: 'upgrading', verb: 'stop', says: /is upgrading; wait until it settles/ },
    { kind: 'service', state: 'inactive', verb: 'restart', says: /stopped: start it instead/ },
    { kind: 'service', state: 'active', verb: 'start', says: /already running/ },
    { kind: 'service', state: 'inactive', verb: 'stop', says: /already stopped/ },
    { kind: 'service', state: 'active', verb: 'rollback', says: /no upgrade to roll back/ },
    { kind: 'service', state: 'active', verb: 'finish-upgrade', says: /no upgrade to finish/ },
    { kind: 'container', state: 'stopped', verb: 'shell', says: /cannot open a shell in the container while it is stopped/ },
    { kind: 'container', state: 'removed', verb: 'logs', says: /has been removed/ },
  ] as const;
  it.each(cases)('$kind $state $verb', ({ kind, state, verb, says }) => {
    expect(refusalDetail(kind, state, verb)).toMatch(says);
  });
});
