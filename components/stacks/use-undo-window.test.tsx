import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useUndoWindow } from './use-undo-window';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function holdRestarts() {
  const send = vi.fn<(verb: string) => void>();
  const hook = renderHook(() => useUndoWindow(send, 5000));
  return { send, hook };
}

describe('useUndoWindow', () => {
  it('sends a confirmed action only when the 5 s window has passed', () => {
    const { send, hook } = holdRestarts();
    act(() => hook.result.current.schedule('restart'));
    expect(hook.result.current.scheduled).toMatchObject({ value: 'restart', dueAt: Date.now() + 5000 });
    act(() => vi.advanceTimersByTime(4999));
    expect(send).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(send).toHaveBeenCalledExactlyOnceWith('restart');
    expect(hook.result.current.scheduled).toBeNull();
  });

  it('sends nothing when undone within the window', () => {
    const { send, hook } = holdRestarts();
    act(() => hook.result.current.schedule('stop'));
    act(() => hook.result.current.undo());
    act(() => vi.advanceTimersByTime(10_000));
    expect(send).not.toHaveBeenCalled();
    expect(hook.result.current.scheduled).toBeNull();
  });

  it('keeps only the last of two confirmations, with a fresh window', () => {
    const { send, hook } = holdRestarts();
    act(() => hook.result.current.schedule('stop'));
    act(() => vi.advanceTimersByTime(3000));
    act(() => hook.result.current.schedule('restart'));
    act(() => vi.advanceTimersByTime(3000));
    expect(send).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(2000));
    expect(send.mock.calls).toEqual([['restart']]);
  });

  it('sends at once when the page is left within the window (the person confirmed)', () => {
    const { send, hook } = holdRestarts();
    act(() => hook.result.current.schedule('stop'));
    hook.unmount();
    expect(send).toHaveBeenCalledExactlyOnceWith('stop');
  });

  it('asks before the tab closes only while something is held', () => {
    const { hook } = holdRestarts();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    act(() => hook.result.current.schedule('stop'));
    expect(unload()).toBe(true);
    act(() => hook.result.current.undo());
    expect(unload()).toBe(false);
  });
});
