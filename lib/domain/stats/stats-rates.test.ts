import { describe, expect, it } from 'vitest';
import type { CounterSample } from './stats-point';
import { StatsRates, timestampMs } from './stats-rates';

const gib = 1024 ** 3;

function sample(second: number, counters: Partial<CounterSample> = {}): CounterSample {
  const ts = new Date(Date.UTC(2026, 11, 7, 6, 0, 0) + second * 1000).toISOString().replace('Z', '123456Z');
  return { containerId: '1i1', ts, cpuTotalNs: 0, cpuCount: 1, memBytes: 100, memLimitBytes: gib, rxBytes: 0, txBytes: 0, readBytes: 0, writeBytes: 0, ...counters };
}

describe('StatsRates', () => {
  it('makes no point from a container’s first reading, then rates from two', () => {
    const rates = new StatsRates();
    expect(rates.next(sample(0))).toBeNull();
    const point = rates.next(sample(2, { cpuTotalNs: 0.5e9, memBytes: 300, rxBytes: 4096, txBytes: 2048, readBytes: 10240, writeBytes: 0 }));
    expect(point).toEqual({
      ts: sample(2).ts,
      containerId: '1i1',
      cpuPct: 25,
      memBytes: 300,
      memLimitBytes: gib,
      netRxKiBps: 2,
      netTxKiBps: 1,
      diskReadKiBps: 5,
      diskWriteKiBps: 0,
    });
  });

  it('counts CPU across several CPUs above 100 %, capped at 100 % per CPU', () => {
    const rates = new StatsRates();
    rates.next(sample(0, { cpuCount: 4 }));
    expect(rates.next(sample(1, { cpuCount: 4, cpuTotalNs: 2.5e9 }))?.cpuPct).toBe(250);
    // Clock skew between two rows must not draw 900 % on a 4-CPU host.
    expect(rates.next(sample(2, { cpuCount: 4, cpuTotalNs: 11.5e9 }))?.cpuPct).toBe(400);
  });

  it('skips a duplicate timestamp (and an older one) without losing the baseline', () => {
    const rates = new StatsRates();
    rates.next(sample(0));
    expect(rates.next(sample(0, { cpuTotalNs: 9e9 }))).toBeNull();
    expect(rates.next(sample(-1, { cpuTotalNs: 9e9 }))).toBeNull();
    expect(rates.next(sample(1, { cpuTotalNs: 0.1e9 }))?.cpuPct).toBe(10);
  });

  it('takes a counter that fell back (the container restarted) as a new baseline, not a negative rate', () => {
    const rates = new StatsRates();
    rates.next(sample(0, { cpuTotalNs: 50e9, rxBytes: 1e6 }));
    rates.next(sample(1, { cpuTotalNs: 50.2e9, rxBytes: 1.1e6 }));
    expect(rates.next(sample(2, { cpuTotalNs: 0.01e9, rxBytes: 10 }))).toBeNull();
    const after = rates.next(sample(3, { cpuTotalNs: 0.06e9, rxBytes: 1034 }));
    expect(after?.cpuPct).toBe(5);
    expect(after?.netRxKiBps).toBe(1);
  });

  it('does not average over the time a container was stopped, then rates again once it runs', () => {
    const rates = new StatsRates();
    rates.next(sample(0, { cpuTotalNs: 1e9 }));
    // Stopped for a minute and started again; its counters happen to be higher (a reading missed the reset).
    expect(rates.next(sample(61, { cpuTotalNs: 2e9 }))).toBeNull();
    expect(rates.next(sample(62, { cpuTotalNs: 2.3e9 }))?.cpuPct).toBe(30);
  });

  it('keeps containers apart', () => {
    const rates = new StatsRates();
    rates.next(sample(0));
    expect(rates.next({ ...sample(1, { cpuTotalNs: 1e9 }), containerId: '1i2' })).toBeNull();
    expect(rates.next(sample(1, { cpuTotalNs: 0.2e9 }))?.containerId).toBe('1i1');
  });

  it('reports no memory limit for cgroup’s “unlimited” or zero', () => {
    const rates = new StatsRates();
    rates.next(sample(0, { memLimitBytes: 9_223_372_036_854_771_712 }));
    expect(rates.next(sample(1, { memLimitBytes: 9_223_372_036_854_771_712 }))?.memLimitBytes).toBeNull();
    rates.next({ ...sample(0, { memLimitBytes: 0 }), containerId: '1i3' });
    expect(rates.next({ ...sample(1, { memLimitBytes: 0 }), containerId: '1i3' })?.memLimitBytes).toBeNull();
  });

  it('ignores a reading without a timestamp it can read', () => {
    const rates = new StatsRates();
    expect(rates.next({ ...sample(0), ts: 'yesterday' })).toBeNull();
  });
});

describe('timestampMs', () => {
  it('keeps the digits below a millisecond', () => {
    expect(timestampMs('2026-12-07T06:00:01.000500000Z') - timestampMs('2026-12-07T06:00:01Z')).toBeCloseTo(0.5, 6);
    expect(timestampMs('2026-12-07T07:00:01.25+01:00')).toBe(Date.parse('2026-12-07T06:00:01.250Z'));
  });
});
