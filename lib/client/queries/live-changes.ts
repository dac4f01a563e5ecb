'use client';

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { stacksChangedFrame } from '@/lib/domain/sockets/change-frames';
import { stackKeys } from './stack-keys';

const firstRetryMs = 1_000;
const maxRetryMs = 30_000;

/** `connecting` until first open; `reconnecting` after a drop, while pages fall back to polling. */
export type LiveChannelState = 'connecting' | 'live' | 'reconnecting';

let channelState: LiveChannelState = 'connecting';
const stateListeners = new Set<() => void>();

function setChannelState(next: LiveChannelState): void {
  if (channelState === next) return;
  channelState = next;
  for (const listener of stateListeners) listener();
}

export function liveChannelState(): LiveChannelState {
  return channelState;
}

/** For useSyncExternalStore: told whenever the channel's state changes. */
export function subscribeLiveChannel(listener: () => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/** True while the push channel is open: pages then poll only as a safety net (refetch-interval.ts). */
export function isLiveChannelOpen(): boolean {
  return channelState === 'live';
}

function refetchChanged(qc: QueryClient, stackIds: string[]): void {
  void qc.invalidateQueries({ queryKey: stackKeys.list() });
  for (const id of stackIds) void qc.invalidateQueries({ queryKey: stackKeys.detail(id) });
}

/**
 * Keeps the signed-in user's pages current: the server says which stacks changed in Rancher and the
 * queries showing them refetch. Reconnects with backoff (1, 2, 4 … 30 s) and refetches everything
 * after a reconnect, since changes made meanwhile were not pushed.
 */
export function useLiveChanges(): void {
  const qc = useQueryClient();
  useEffect(() => {
    let socket: WebSocket | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let retryMs = firstRetryMs;
    let isStopped = false;
    let hasConnected = false;

    const connect = () => {
      const url = new URL('/api/v1/changes', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => {
        setChannelState('live');
        retryMs = firstRetryMs;
        if (hasConnected) void qc.invalidateQueries({ queryKey: stackKeys.all });
        hasConnected = true;
      };
      ws.onmessage = (event) => {
        let data: unknown;
        try {
          data = JSON.parse(String(event.data));
        } catch {
          return; // Not a frame of ours: nothing to refetch.
        }
        const frame = stacksChangedFrame.safeParse(data);
        if (frame.success) refetchChanged(qc, frame.data.stackIds);
      };
      ws.onclose = () => {
        if (isStopped) return;
        setChannelState('reconnecting');
        retryTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(maxRetryMs, retryMs * 2);
      };
    };
    connect();
    return () => {
      isStopped = true;
      setChannelState('connecting');
      if (retryTimer) clearTimeout(retryTimer);
      socket?.close();
    };
  }, [qc]);
}
