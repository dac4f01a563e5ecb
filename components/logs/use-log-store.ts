'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { logSocketUrl, type TailSize } from '@/lib/client/logs/log-socket-url';
import { type LogSnapshot, LogStore } from '@/lib/client/logs/log-store';
import { openBrowserLogSocket } from './open-browser-log-socket';

/**
 * The live lines of the selected containers: one websocket each, merged in time order. Changing the
 * selection adds or removes containers; changing the tail starts afresh; unmounting closes every socket.
 */
export function useLogStore(containerIds: readonly string[], tail: TailSize, capacity?: number): { snapshot: LogSnapshot; store: LogStore } {
  const [store] = useState(
    () => new LogStore({ openSocket: openBrowserLogSocket, socketUrl: (id, size) => logSocketUrl(window.location, id, size), capacity }),
  );
  // A stable key: a new array with the same ids must not reconnect anything.
  const key = containerIds.join('\n');
  useEffect(() => () => store.close(), [store]);
  useEffect(() => {
    // Dialled a tick later: React's development double mount then opens one socket, not one it
    // closes before it connected.
    const timer = setTimeout(() => store.setSources(key === '' ? [] : key.split('\n'), tail), 0);
    return () => clearTimeout(timer);
  }, [store, key, tail]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return { snapshot, store };
}
