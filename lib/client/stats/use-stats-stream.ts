'use client';

import { useEffect, useState } from 'react';
import { statsPointSchema, type StatsPoint } from '@/lib/domain/stats/stats-point';
import { backoffDelay, closeVerdict } from '@/lib/client/logs/reconnect-policy';
import { addPoints, type StatsHistory } from './stats-history';
import { statsSocketUrl, type StatsSocketTarget } from './stats-socket-url';

export type StatsStatus = 'connecting' | 'live' | 'reconnecting' | 'ended';

export interface StatsStream {
  history: StatsHistory;
  status: StatsStatus;
  /** Why the stream is not live, in plain words; null while it is. */
  reason: string | null;
}

/** Points arrive one per container a second; the charts redraw once a second with all of them. */
const redrawMs = 1_000;

function parsePoint(data: unknown): StatsPoint | null {
  try {
    const parsed = statsPointSchema.safeParse(JSON.parse(typeof data === 'string' ? data : 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Follows a stats websocket while the page is open, keeping the last 5 minutes of points per
 * container. A dropped connection is retried (1, 2, 4 … s); what was drawn stays. No target, no socket.
 */
export function useStatsStream(target: StatsSocketTarget | null): StatsStream {
  const key = JSON.stringify(target);
  const [history, setHistory] = useState<StatsHistory>(() => new Map());
  const [connection, setConnection] = useState<{ status: StatsStatus; reason: string | null }>({ status: 'connecting', reason: null });

  useEffect(() => {
    const parsed = JSON.parse(key) as StatsSocketTarget | null;
    if (!parsed) return;
    const url = statsSocketUrl(window.location, parsed);
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const pending: StatsPoint[] = [];
    const redraw = setInterval(() => {
      if (pending.length > 0) setHistory((before) => addPoints(before, pending.splice(0)));
    }, redrawMs);
    const open = () => {
      socket = new WebSocket(url);
      socket.onopen = () => {
        attempt = 0;
        setConnection({ status: 'live', reason: null });
      };
      socket.onmessage = (event) => {
        const point = parsePoint(event.data);
        if (point) pending.push(point);
      };
      socket.onclose = (event) => {
        const verdict = closeVerdict(event.code, event.reason);
        if (!verdict.shouldRetry) {
          setConnection({ status: 'ended', reason: verdict.reason });
          return;
        }
        attempt++;
        setConnection({ status: 'reconnecting', reason: verdict.reason });
        retry = setTimeout(open, backoffDelay(attempt));
      };
    };
    open();
    return () => {
      clearInterval(redraw);
      clearTimeout(retry);
      if (socket) {
        socket.onclose = null;
        socket.close();
      }
    };
  }, [key]);

  return { history, ...connection };
}
