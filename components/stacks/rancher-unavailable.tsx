'use client';

import { useRouter } from 'next/navigation';
import { useRetryCountdown } from '@/components/layout/use-retry-countdown';
import { Button } from '@/components/ui/button';

/**
 * A page whose data Rancher could not give (503): the API's own words, and the page loads itself again
 * every few seconds until Rancher answers, with a button for the impatient.
 */
export function RancherUnavailable({ message, what }: { message: string; what: string }) {
  const router = useRouter();
  const { left, retryNow } = useRetryCountdown(15, () => router.refresh());
  return (
    <section className="max-w-xl space-y-3">
      <h1 className="text-2xl font-semibold">{what} cannot be shown right now</h1>
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
        {message}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">The page tries again by itself in {left} s.</p>
      <Button variant="primary" onClick={retryNow}>
        Try now
      </Button>
    </section>
  );
}
