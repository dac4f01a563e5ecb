'use client';

import { useEffect, useState } from 'react';

/** Seconds until `retry` runs by itself, counting down once a second; `retryNow` runs it and starts over. */
export function useRetryCountdown(seconds: number, retry: () => void): { left: number; retryNow: () => void } {
  const [left, setLeft] = useState(seconds);
  const retryNow = () => {
    setLeft(seconds);
    retry();
  };
  useEffect(() => {
    const timer = setTimeout(() => (left > 1 ? setLeft(left - 1) : retryNow()), 1_000);
    return () => clearTimeout(timer);
  });
  return { left, retryNow };
}
