'use client';

import { useLiveChanges } from '@/lib/queries/live-changes';

/** Mounted once for a signed-in user, inside the query provider: keeps every open page current. */
export function LiveChanges(): null {
  useLiveChanges();
  return null;
}
