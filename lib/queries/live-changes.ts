'use client';

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { stackKeys } from './stack-keys';

/** What the server pushes on /api/v1/changes (server/relays/changes-relay.ts). */
const changesFrame = z.object({ type: z.literal('stacks-changed'), stackIds: z.array(z.string()) });

const firstRetryMs = 1_000;
const maxRetryMs = 30_000;

let isConnected = false;

/** True while the push channel is open: pages then poll only as a safety net (refetch-interval.ts). */
export function isLiveChannelOpen(): boolean {
  return isConnected;
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
        isConnected = true;
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
        const frame = changesFrame.safeParse(data);
        if (frame.success) refetchChanged(qc, frame.data.stackIds);
      };
      ws.onclose = () => {
        isConnected = false;
        if (isStopped) return;
        retryTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(maxRetryMs, retryMs * 2);
      };
    };
    connect();
    return () => {
      isStopped = true;
      isConnected = false;
      if (retryTimer) clearTimeout(retryTimer);
      socket?.close();
    };
  }, [qc]);
}
