'use client';

import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` while `isActive` (a countdown on screen). */
export function useNow(isActive: boolean, intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isActive) return;
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, intervalMs);
    const first = setTimeout(tick, 0);
    return () => {
      clearInterval(timer);
      clearTimeout(first);
    };
  }, [isActive, intervalMs]);
  return now;
}
