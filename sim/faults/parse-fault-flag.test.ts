import { describe, expect, it } from 'vitest';
import { faultsSchema } from './faults';
import { parseFaultFlag } from './parse-fault-flag';

describe('parseFaultFlag', () => {
  it.each([
    ['latency_ms=200', { latency_ms: [{ ms: 200, jitter_ms: 0, path: '' }] }],
    ['latency_ms=200~50@/services', { latency_ms: [{ ms: 200, jitter_ms: 50, path: '/services' }] }],
    ['error_rate_5xx=0.1@/stacks', { error_rate_5xx: [{ rate: 0.1, path: '/stacks' }] }],
    ['upgrade_fail', { upgrade_fail: true }],
    ['multi_project=false', { multi_project: false }],
    ['stuck_transition=error', { stuck_transition: 'error' }],
    ['ws_refuse_status=502', { ws_refuse_status: 502 }],
    ['page_size=10', { page_size: 10 }],
  ])('%s', (flag, expected) => {
    const parsed = parseFaultFlag(flag);
    expect(parsed).toEqual(expected);
    expect(() => faultsSchema.parse(parsed)).not.toThrow();
  });

  it('adds rules up across flags', () => {
    const both = parseFaultFlag('latency_ms=5@/b', parseFaultFlag('latency_ms=10@/a'));
    expect(both.latency_ms).toHaveLength(2);
  });

  it.each(['nope=1', 'page_size=many', 'upgrade_fail=maybe', 'latency_ms='])('rejects %s', (flag) => {
    expect(() => parseFaultFlag(flag)).toThrow();
  });
});
