import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addPoints, metricById } from '@/lib/client/stats/stats-history';
import type { StatsPoint } from '@/lib/domain/stats/stats-point';
import { StatsSummary } from './stats-summary';

const mib = 1024 * 1024;

function point(containerId: string, second: number, memMiB: number, memLimitBytes: number | null): StatsPoint {
  return { ts: `2026-12-07T06:00:0${second}Z`, containerId, cpuPct: 1, memBytes: memMiB * mib, memLimitBytes, netRxKiBps: 0, netTxKiBps: 0, diskReadKiBps: 0, diskWriteKiBps: 0 };
}

describe('StatsSummary', () => {
  it('puts each container’s current, lowest and highest memory and its limit into words', () => {
    const history = addPoints(new Map(), [point('1i1', 0, 100, 256 * mib), point('1i1', 1, 250, 256 * mib), point('1i1', 2, 180, 256 * mib), point('1i2', 0, 40, null)]);
    const containers = [
      { id: '1i1', name: 'crashy-nersc-app-1' },
      { id: '1i2', name: 'crashy-nersc-app-2' },
      { id: '1i3', name: 'crashy-nersc-app-3' },
    ];
    render(<StatsSummary metric={metricById('memory')} history={history} containers={containers} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'crashy-nersc-app-1: now 180 MiB, min 100 MiB, max 250 MiB, limit 256 MiB',
      'crashy-nersc-app-2: now 40.0 MiB, min 40.0 MiB, max 40.0 MiB, no memory limit',
      'crashy-nersc-app-3: no points yet (not running?)',
    ]);
  });
});
