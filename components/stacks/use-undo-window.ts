'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a confirmed stop or restart waits in the browser, where Undo still cancels it. */
const undoWindowMs = 5000;

export interface Scheduled<T> {
  value: T;
  /** When it will be sent, in epoch ms. */
  dueAt: number;
}

/**
 * Holds a confirmed action for `delayMs` before `send` runs it, so a mis-click can be undone without
 * anything reaching Rancher. Leaving the page within the window sends it at once (the user confirmed);
 * closing or reloading the tab asks first, since the action would be lost.
 */
export function useUndoWindow<T>(send: (value: T) => void, delayMs = undoWindowMs) {
  const [scheduled, setScheduled] = useState<Scheduled<T> | null>(null);
  const held = useRef<{ value: T; timer: ReturnType<typeof setTimeout> } | null>(null);
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  }, [send]);

  const release = useCallback(() => {
    const current = held.current;
    if (!current) return;
    clearTimeout(current.timer);
    held.current = null;
    setScheduled(null);
    sendRef.current(current.value);
  }, []);

  const schedule = useCallback(
    (value: T) => {
      if (held.current) clearTimeout(held.current.timer);
      held.current = { value, timer: setTimeout(release, delayMs) };
      setScheduled({ value, dueAt: Date.now() + delayMs });
    },
    [delayMs, release],
  );

  const undo = useCallback(() => {
    if (held.current) clearTimeout(held.current.timer);
    held.current = null;
    setScheduled(null);
  }, []);

  useEffect(() => release, [release]);

  useEffect(() => {
    if (!scheduled) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [scheduled]);

  return { scheduled, schedule, undo };
}
