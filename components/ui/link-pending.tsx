'use client';

import { useLinkStatus } from 'next/link';

/**
 * Inside a next/link: a small spinner beside the link that was clicked while the page it opens is
 * loading, so a slow Rancher answer shows where it is being waited for. The top progress bar says it
 * to screen readers; this one is only seen.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span
      aria-hidden="true"
      data-testid="link-pending"
      className="ml-1.5 inline-block size-3 animate-spin rounded-full border-2 border-current border-r-transparent align-middle motion-reduce:animate-none"
    />
  );
}
