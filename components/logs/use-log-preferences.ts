'use client';

import { useCallback, useMemo } from 'react';
import { type LogPreferences, logPreferencesKey, parseLogPreferences } from '@/lib/client/logs/log-preferences';
import { useStoredString } from './use-stored-string';

/** The log view's saved settings and a setter that saves a change (ux.md G4). */
export function useLogPreferences(): [LogPreferences, (change: Partial<LogPreferences>) => void] {
  const [stored, save] = useStoredString(logPreferencesKey);
  const preferences = useMemo(() => parseLogPreferences(stored), [stored]);
  const update = useCallback((change: Partial<LogPreferences>) => save(JSON.stringify({ ...preferences, ...change })), [preferences, save]);
  return [preferences, update];
}
