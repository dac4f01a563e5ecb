'use client';

import { useSyncExternalStore } from 'react';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

function relative(ms: number): string {
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(ms) >= size || unit === 'second') return format.format(-Math.round(ms / size), unit);
  }
  return '';
}

// One 30-second clock shared by every relative time on the page.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * "5 minutes ago", with the exact time on hover. The server renders the absolute time, so the first
 * paint does not depend on the server's and the browser's clocks agreeing.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const current = useSyncExternalStore(subscribe, () => now, () => null);
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return <span>—</span>;
  const absolute = new Date(at).toISOString().slice(0, 16).replace('T', ' ');
  return (
    <time dateTime={iso} title={new Date(at).toISOString()}>
      {current === null ? `${absolute} UTC` : relative(Math.max(0, current - at))}
    </time>
  );
}
