import { describe, expect, it } from 'vitest';
import { describeActivity, type ActivityEvent } from './activity-event';

const base: ActivityEvent = {
  id: '1', time: '2026-11-25T10:00:00.000Z', actor: 'fred', clientAddress: null, requestId: null, action: 'service.restart',
  stackId: '1st1', stackName: 'foo-jgi-doe', serviceId: '1s1', serviceName: 'web', containerName: null, details: null, outcome: 'ok', code: null, durationMs: 12,
  environment: null,
};

describe('describeActivity', () => {
  it.each([
    [{}, 'fred restarted web'],
    [{ outcome: 'denied' as const, actor: 'barney', action: 'service.stop' }, 'barney tried to stop web'],
    [{ action: 'container.restart', containerName: 'foo-jgi-doe-web-1' }, 'fred restarted container foo-jgi-doe-web-1'],
    [{ action: 'login.success', serviceName: null }, 'fred signed in'],
    [{ action: 'service.upgrade', outcome: 'unknown' as const }, 'fred upgraded web'],
    [{ action: 'something.new' }, 'fred something.new web'],
    [{ action: 'session.end-all', details: { uid: 'fred', ended: 2 }, serviceName: null }, 'fred signed out everywhere'],
    [{ action: 'session.end-all', actor: 'wilma', details: { uid: 'fred', ended: 2 } }, 'wilma ended every session of fred'],
    [{ action: 'session.end-all', actor: 'pebbles', outcome: 'denied' as const, details: { uid: 'fred' } }, 'pebbles tried to end every session of fred'],
    [{ action: 'session.end' }, 'fred ended one of their sessions'],
    [{ action: 'session.expire', code: 'idle' }, 'fred was signed out by the session limit'],
  ])('%j -> %s', (change, expected) => {
    expect(describeActivity({ ...base, ...change })).toBe(expected);
  });
});
