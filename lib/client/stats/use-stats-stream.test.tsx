import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatsPoint } from '@/lib/domain/stats/stats-point';
import { useStatsStream } from './use-stats-stream';

/** The browser's WebSocket, driven by the test: `opened`, `receive` and `drop` play the server's part. */
class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  opened() {
    act(() => this.onopen?.());
  }
  receive(data: string) {
    act(() => this.onmessage?.({ data }));
  }
  drop(code: number, reason = '') {
    act(() => this.onclose?.({ code, reason }));
  }
  close() {
    this.closed = true;
  }
}
const latest = () => FakeSocket.all.at(-1);

function point(containerId: string, second: number): string {
  const p: StatsPoint = { ts: `2026-12-07T06:00:0${second}Z`, containerId, cpuPct: second, memBytes: 1, memLimitBytes: null, netRxKiBps: 0, netTxKiBps: 0, diskReadKiBps: 0, diskWriteKiBps: 0 };
  return JSON.stringify(p);
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useStatsStream', () => {
  it('opens the service’s stats socket and draws the points it receives once a second, skipping frames that are not points', () => {
    const { result } = renderHook(() => useStatsStream({ stackId: '1st1', serviceId: '1s1' }));
    expect(latest()?.url).toBe(`ws://${window.location.host}/api/v1/stacks/1st1/services/1s1/stats`);
    latest()?.opened();
    expect(result.current.status).toBe('live');
    latest()?.receive(point('1i1', 1));
    latest()?.receive(point('1i2', 1));
    latest()?.receive('not json');
    latest()?.receive('{"type":"error"}');
    expect(result.current.history.size).toBe(0);
    act(() => vi.advanceTimersByTime(1_000));
    expect([...result.current.history.keys()].sort()).toEqual(['1i1', '1i2']);
  });

  it('keeps what it drew and reconnects after a drop, and stops for good when the session ended', () => {
    const { result } = renderHook(() => useStatsStream({ containerId: '1i1' }));
    latest()?.opened();
    latest()?.receive(point('1i1', 1));
    act(() => vi.advanceTimersByTime(1_000));
    latest()?.drop(1006);
    expect(result.current.status).toBe('reconnecting');
    act(() => vi.advanceTimersByTime(1_000));
    expect(FakeSocket.all).toHaveLength(2);
    expect(result.current.history.get('1i1')).toHaveLength(1);
    latest()?.opened();
    latest()?.drop(4401, 'your session has ended; sign in again');
    act(() => vi.advanceTimersByTime(60_000));
    expect(FakeSocket.all).toHaveLength(2);
    expect(result.current).toMatchObject({ status: 'ended', reason: 'your session has ended; sign in again' });
  });

  it('opens nothing without a target, and closes its socket when the page leaves', () => {
    const none = renderHook(() => useStatsStream(null));
    expect(FakeSocket.all).toHaveLength(0);
    none.unmount();
    const { unmount } = renderHook(() => useStatsStream({ containerId: '1i1' }));
    unmount();
    expect(latest()?.closed).toBe(true);
  });
});
