import { describe, expect, it } from 'vitest';
import { parseStatsFrame } from './stats';

const row = {
  id: '1i3',
  resourceType: 'container',
  timestamp: '2026-12-07T06:00:00.123456789Z',
  cpu: { usage: { total: 5e9, user: 4e9, system: 1e9, per_cpu_usage: [1e9, 1e9, 2e9, 1e9] } },
  memory: { usage: 1024, limit: 4096 },
  network: { interfaces: [{ name: 'eth0', rx_bytes: 10, tx_bytes: 20 }, { name: 'lo', rx_bytes: 1, tx_bytes: 2 }] },
  diskio: { io_service_bytes: [{ stats: { Read: 5, Write: 6 } }, { stats: { Read: 1 } }] },
};

describe('parseStatsFrame', () => {
  it('sums interfaces and disks and counts the CPUs', () => {
    expect(parseStatsFrame(JSON.stringify([row]))).toEqual([
      { containerId: '1i3', ts: row.timestamp, cpuTotalNs: 5e9, cpuCount: 4, memBytes: 1024, memLimitBytes: 4096, rxBytes: 11, txBytes: 22, readBytes: 6, writeBytes: 6 },
    ]);
  });

  it('drops rows it cannot read and frames that are not arrays, keeping the rest', () => {
    expect(parseStatsFrame(JSON.stringify([{ id: '1i4' }, row])).map((s) => s.containerId)).toEqual(['1i3']);
    expect(parseStatsFrame('{"id":"1i3"}')).toEqual([]);
    expect(parseStatsFrame('not json')).toEqual([]);
  });

  it('reads a row without network, disk or memory limit as zeros', () => {
    const bare = { id: '1i5', timestamp: row.timestamp, cpu: { usage: { total: 1 } }, memory: { usage: 2 } };
    expect(parseStatsFrame(JSON.stringify([bare]))[0]).toMatchObject({ cpuCount: 1, memLimitBytes: 0, rxBytes: 0, readBytes: 0 });
  });
});
