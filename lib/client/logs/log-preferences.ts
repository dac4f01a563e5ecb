import { z } from 'zod';
import { defaultTailSize, tailSizes } from './log-socket-url';
import { streamChoices } from './log-view';

/** The log view's settings a person keeps between visits (ux.md G4). */
export const logPreferences = z.object({
  timestamps: z.boolean().catch(true),
  timeZone: z.enum(['local', 'utc', 'relative']).catch('local'),
  wrap: z.boolean().catch(false),
  streams: z.enum(streamChoices).catch('all'),
  tail: z.enum(tailSizes).catch(defaultTailSize),
});
export type LogPreferences = z.infer<typeof logPreferences>;

export const defaultLogPreferences: LogPreferences = { timestamps: true, timeZone: 'local', wrap: false, streams: 'all', tail: defaultTailSize };

export const logPreferencesKey = 'spin-portal.log-preferences';

/** Stored preferences, each malformed or missing field falling back to its default. */
export function parseLogPreferences(stored: string | null): LogPreferences {
  if (!stored) return defaultLogPreferences;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return defaultLogPreferences; // Someone else's value under our key: start from the defaults.
  }
  if (typeof json !== 'object' || json === null) return defaultLogPreferences;
  return logPreferences.parse({ ...defaultLogPreferences, ...json });
}
