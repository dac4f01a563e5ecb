'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { type LogPreferences, logPreferencesKey, parseLogPreferences } from '@/lib/logs/log-preferences';

// Preferences live in localStorage; every viewer on the page (and other tabs, through `storage`
// events) sees a change at once.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

// Where preferences go when the browser refuses storage (privacy settings, quota): this page keeps them.
let memory: string | null = null;
let isStorageRefused = false;

function readStored(): string | null {
  if (isStorageRefused) return memory;
  try {
    return window.localStorage.getItem(logPreferencesKey);
  } catch {
    isStorageRefused = true;
    return memory;
  }
}

function writeStored(value: string): void {
  memory = value;
  try {
    window.localStorage.setItem(logPreferencesKey, value);
  } catch {
    isStorageRefused = true;
  }
}

/** The log view's saved settings and a setter that saves a change (ux.md G4). */
export function useLogPreferences(): [LogPreferences, (change: Partial<LogPreferences>) => void] {
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  const preferences = useMemo(() => parseLogPreferences(stored), [stored]);
  const update = useCallback((change: Partial<LogPreferences>) => {
    writeStored(JSON.stringify({ ...parseLogPreferences(readStored()), ...change }));
    for (const listener of listeners) listener();
  }, []);
  return [preferences, update];
}
