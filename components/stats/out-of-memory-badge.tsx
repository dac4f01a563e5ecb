'use client';

import { useState } from 'react';

/**
 * "Needs attention" for a service whose container was killed with exit code 137, the kernel's kill for
 * running out of memory. Rancher shows the exit code only while the container is down, so once seen it
 * stays for as long as the page is open.
 */
export function OutOfMemoryBadge({ containers }: { containers: readonly { exitCode: number | null }[] }) {
  const [seen, setSeen] = useState(false);
  const killedNow = containers.some((c) => c.exitCode === 137);
  if (killedNow && !seen) setSeen(true);
  if (!killedNow && !seen) return null;
  return (
    <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900 dark:bg-red-950 dark:text-red-200" data-testid="out-of-memory-badge">
      Needs attention: probably out of memory (exit code 137)
    </span>
  );
}
