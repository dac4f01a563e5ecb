import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveChannelState, useLiveChanges } from './live-changes';
import { refetchWhileBusy } from './refetch-interval';
import { stackKeys } from './stack-keys';

/** The browser's WebSocket, driven by the test: `opened`, `receive` and `drop` play the server's part. */
class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: URL) {
    FakeSocket.all.push(this);
  }
  opened() {
    act(() => this.onopen?.());
  }
  receive(data: string) {
    act(() => this.onmessage?.({ data }));
  }
  drop() {
    act(() => this.onclose?.());
  }
  close() {}
}
const latest = () => FakeSocket.all.at(-1);

let qc: QueryClient;
beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  qc = new QueryClient();
  for (const key of [stackKeys.list(), stackKeys.detail('1st2'), stackKeys.detail('1st3')]) qc.setQueryData(key, {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function listen() {
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
  return renderHook(() => useLiveChanges(), { wrapper });
}
const stale = () =>
  qc
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.isInvalidated)
    .map((q) => q.queryKey);

describe('useLiveChanges', () => {
  it('opens /api/v1/changes and, once live, lets idle pages poll only every 30 s', () => {
    listen();
    expect(latest()?.url.pathname).toBe('/api/v1/changes');
    expect(latest()?.url.protocol).toBe('ws:');
    expect(refetchWhileBusy(false)).toBe(5_000);
    latest()?.opened();
    expect(liveChannelState()).toBe('live');
    expect(refetchWhileBusy(false)).toBe(30_000);
  });

  it('refetches the list and the stacks a frame names, nothing else; ignores what is not a frame', () => {
    listen();
    latest()?.opened();
    latest()?.receive('not json');
    latest()?.receive(JSON.stringify({ type: 'something-else' }));
    expect(stale()).toEqual([]);
    latest()?.receive(JSON.stringify({ type: 'stacks-changed', stackIds: ['1st2'] }));
    expect(stale()).toEqual([stackKeys.list(), stackKeys.detail('1st2')]);
  });

  it('falls back to polling when dropped, reconnects after 1 s then 2 s, and refetches everything once back', () => {
    listen();
    latest()?.opened();
    latest()?.drop();
    expect(liveChannelState()).toBe('reconnecting');
    expect(refetchWhileBusy(false)).toBe(5_000);
    act(() => vi.advanceTimersByTime(999));
    expect(FakeSocket.all).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1));
    expect(FakeSocket.all).toHaveLength(2);
    latest()?.drop();
    act(() => vi.advanceTimersByTime(1_999));
    expect(FakeSocket.all).toHaveLength(2);
    act(() => vi.advanceTimersByTime(1));
    latest()?.opened();
    expect(stale()).toHaveLength(3);
  });
});
