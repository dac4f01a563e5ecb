import { describe, expect, it } from 'vitest';
import type { StatsPoint } from '@/lib/domain/stats/stats-point';
import { addPoints, alignedSeries, formatValue, metricById, summarize, type StatsHistory } from './stats-history';
import { statsSocketUrl } from './stats-socket-url';

function point(containerId: string, second: number, cpuPct: number, memMiB = 10): StatsPoint {
  return {
    ts: new Date(Date.UTC(2026, 11, 7, 6, 0, 0) + second * 1000).toISOString(),
    containerId,
    cpuPct,
    memBytes: memMiB * 1024 * 1024,
    memLimitBytes: null,
    netRxKiBps: 1,
    netTxKiBps: 2,
    diskReadKiBps: 0,
    diskWriteKiBps: 4,
  };
}

describe('addPoints', () => {
  it('keeps the last 5 minutes per container, and leaves other containers’ lists as they were', () => {
    let history: StatsHistory = new Map();
    for (let s = 0; s < 400; s++) history = addPoints(history, [point('1i1', s, s)]);
    const other = addPoints(history, [point('1i2', 399, 1)]);
    expect(history.get('1i1')).toHaveLength(300);
    expect(history.get('1i1')?.[0]?.cpuPct).toBe(100);
    expect(other.get('1i1')).toBe(history.get('1i1'));
  });
});

describe('summaries and series', () => {
  const history = addPoints(new Map(), [point('1i1', 0, 5, 100), point('1i2', 0, 1), point('1i1', 1, 15, 300), point('1i1', 2, 10, 200), point('1i2', 2, 3)]);

  it('summarizes current, min and max of one metric', () => {
    expect(summarize(history.get('1i1') ?? [], metricById('cpu'))).toEqual({ current: 10, min: 5, max: 15 });
    expect(summarize(history.get('1i1') ?? [], metricById('memory'))).toEqual({ current: 200, min: 100, max: 300 });
    expect(summarize(history.get('1i1') ?? [], metricById('network'))?.current).toBe(3);
    expect(summarize([], metricById('cpu'))).toBeNull();
  });

  it('aligns containers on the seconds any of them has, with gaps as null', () => {
    const [xs, first, second] = alignedSeries(history, ['1i1', '1i2'], metricById('cpu'));
    expect(xs.map((x) => x - (xs[0] ?? 0))).toEqual([0, 1, 2]);
    expect(first).toEqual([5, 15, 10]);
    expect(second).toEqual([1, null, 3]);
  });

  it('prints values with at most 3 significant digits', () => {
    expect(formatValue(0.1234, '%')).toBe('0.12 %');
    expect(formatValue(42.25, 'MiB')).toBe('42.3 MiB');
    expect(formatValue(256, 'MiB')).toBe('256 MiB');
  });
});

describe('statsSocketUrl', () => {
  it('follows the page’s scheme and encodes ids', () => {
    expect(statsSocketUrl({ protocol: 'https:', host: 'portal.example' }, { containerId: '1i5' })).toBe('wss://portal.example/api/v1/containers/1i5/stats');
    expect(statsSocketUrl({ protocol: 'http:', host: '127.0.0.1:3000' }, { stackId: '1st1', serviceId: '1s/2' })).toBe('ws://127.0.0.1:3000/api/v1/stacks/1st1/services/1s%2F2/stats');
  });
});
