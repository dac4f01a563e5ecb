import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRetryCountdown } from './use-retry-countdown';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useRetryCountdown', () => {
  it('counts down and retries by itself, then starts over; a retry on demand resets the count', () => {
    const retry = vi.fn();
    const hook = renderHook(() => useRetryCountdown(3, retry));
    expect(hook.result.current.left).toBe(3);
    for (let i = 0; i < 2; i++) act(() => vi.advanceTimersByTime(1_000));
    expect(hook.result.current.left).toBe(1);
    expect(retry).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1_000));
    expect(retry).toHaveBeenCalledOnce();
    expect(hook.result.current.left).toBe(3);
    act(() => vi.advanceTimersByTime(1_000));
    act(() => hook.result.current.retryNow());
    expect(retry).toHaveBeenCalledTimes(2);
    expect(hook.result.current.left).toBe(3);
  });
});
