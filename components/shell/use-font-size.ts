'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { defaultFontSize, fontSizeStorageKey, parseStoredFontSize, stepFontSize } from '@/lib/client/shell/font-size';

// Panels on the same page hear a change at once; other tabs through the storage event.
const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

function readSaved(): number {
  try {
    return parseStoredFontSize(window.localStorage.getItem(fontSizeStorageKey));
  } catch {
    // Storage can be switched off (private modes, policies); the default size still works.
    return defaultFontSize;
  }
}

/** The terminal's text size (10-24 px), remembered in localStorage; the default while server rendering. */
export function useFontSize(): { fontSize: number; step: (step: 1 | -1) => void } {
  const fontSize = useSyncExternalStore(subscribe, readSaved, () => defaultFontSize);
  const step = useCallback((by: 1 | -1) => {
    try {
      window.localStorage.setItem(fontSizeStorageKey, String(stepFontSize(readSaved(), by)));
    } catch {
      // Not saved: without storage the size stays at the default.
    }
    for (const listener of listeners) listener();
  }, []);
  return { fontSize, step };
}
