import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatsPoint } from '@/lib/domain/stats/stats-point';
import { maxBufferedBytes, PointSender } from './point-sender';

function point(containerId: string, second: number): StatsPoint {
  return { ts: `2026-12-07T06:00:${String(second).padStart(2, '0')}Z`, containerId, cpuPct: 1, memBytes: 1, memLimitBytes: null, netRxKiBps: 0, netTxKiBps: 0, diskReadKiBps: 0, diskWriteKiBps: 0 };
}

/** A websocket whose network takes nothing while `stalled`: every frame sent stays buffered. */
function fakeSocket() {
  const frames: StatsPoint[] = [];
  const socket = {
    stalled: false,
    buffered: 0,
    OPEN: 1,
    readyState: 1,
    get bufferedAmount() {
      return this.buffered;
    },
    send(frame: string) {
      frames.push(JSON.parse(frame) as StatsPoint);
      if (this.stalled) this.buffered += frame.length;
    },
  };
  return { socket, frames };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('PointSender', () => {
  it('sends each point at once while the browser keeps up', () => {
    const { socket, frames } = fakeSocket();
    const sender = new PointSender(socket);
    sender.offer([point('1i1', 1), point('1i2', 1)]);
    sender.offer([point('1i1', 2)]);
    expect(frames.map((p) => `${p.containerId}@${p.ts.slice(-3)}`)).toEqual(['1i1@01Z', '1i2@01Z', '1i1@02Z']);
    expect(sender.counts).toEqual({ sent: 3, superseded: 0 });
  });

  it('holds only the newest point per container for a browser that stops reading, and never buffers more than a few points', () => {
    vi.useFakeTimers();
    const { socket, frames } = fakeSocket();
    const buffered: number[] = [];
    const sender = new PointSender(socket, (bytes) => buffered.push(bytes));
    socket.stalled = true;
    for (let second = 0; second < 600; second++) sender.offer([point('1i1', second % 60), point('1i2', second % 60)]);
    vi.advanceTimersByTime(10_000);
    expect(Math.max(...buffered)).toBeLessThan(maxBufferedBytes + 300);
    // About 1 KiB of points (7 of these) went out before the browser stopped taking them; none since.
    expect(frames.length).toBeLessThanOrEqual(8);
    expect(sender.heldPoints).toBe(2);
    expect(sender.counts.superseded).toBeGreaterThan(1000);
    // The browser reads again: it gets the newest point of each container, not the backlog.
    socket.stalled = false;
    socket.buffered = 0;
    const before = frames.length;
    vi.advanceTimersByTime(300);
    expect(frames.slice(before).map((p) => p.ts)).toEqual(['2026-12-07T06:00:59Z', '2026-12-07T06:00:59Z']);
    expect(sender.heldPoints).toBe(0);
    sender.stop();
  });

  it('sends nothing once the socket has closed', () => {
    const { socket, frames } = fakeSocket();
    const sender = new PointSender(socket);
    socket.readyState = 3;
    sender.offer([point('1i1', 1)]);
    expect(frames).toHaveLength(0);
    expect(sender.heldPoints).toBe(0);
  });
});
