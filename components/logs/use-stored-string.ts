'use client';

import { useCallback, useSyncExternalStore } from 'react';

// Every hook on the page reading a key hears a write at once; other tabs through the `storage` event.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

// Where values go when the browser refuses storage (privacy settings, quota): this page keeps them.
const memory = new Map<string, string>();
let isStorageRefused = false;

function read(key: string): string | null {
  if (isStorageRefused) return memory.get(key) ?? null;
  try {
    return window.localStorage.getItem(key);
  } catch {
    isStorageRefused = true;
    return memory.get(key) ?? null;
  }
}

/**
 * A string kept in localStorage under `key` (null when unset, and while rendering on the server), and a
 * setter. Parse it where it is used: the stored text may come from an older version or another tab.
 */
export function useStoredString(key: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(subscribe, () => read(key), () => null);
  const save = useCallback(
    (next: string) => {
      memory.set(key, next);
      try {
        window.localStorage.setItem(key, next);
      } catch {
        isStorageRefused = true;
      }
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [value, save];
}
