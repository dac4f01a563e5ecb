import { describe, expect, it } from 'vitest';
import { backoffDelay, closeVerdict } from './reconnect-policy';

describe('backoffDelay', () => {
  it('doubles from one second up to thirty', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(backoffDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});

describe('closeVerdict', () => {
  const cases = [
    { code: 4401, reason: '', retry: false, text: 'your session has ended; sign in again' },
    { code: 4403, reason: '', retry: false, text: 'you may not read the logs of this container' },
    { code: 4404, reason: 'container not found or not shared', retry: false, text: 'container not found or not shared' },
    { code: 1000, reason: '', retry: false, text: 'the log stream ended' },
    { code: 1000, reason: 'end of log', retry: false, text: 'end of log' },
    { code: 1001, reason: '', retry: true, text: 'the portal is restarting' },
    { code: 1006, reason: '', retry: true, text: 'the connection dropped' },
    { code: 1011, reason: 'upstream failure', retry: true, text: 'upstream failure' },
    { code: 4999, reason: '', retry: true, text: 'the connection closed (code 4999)' },
  ];
  it('watches a followed container that stopped, since Rancher may start it again', () => {
    expect(closeVerdict(1000, 'the container stopped')).toEqual({ shouldRetry: true, reason: 'the container stopped', isContainerStop: true });
  });
  it.each(cases)('$code', ({ code, reason, retry, text }) => {
    expect(closeVerdict(code, reason)).toEqual({ shouldRetry: retry, reason: text });
  });
});
