'use client';

import { useRouter } from 'next/navigation';
import { startTransition } from 'react';
import { useRetryCountdown } from '@/components/layout/use-retry-countdown';
import { Button } from '@/components/ui/button';

/**
 * A page that failed to render. Most failures pass (Rancher back, a deploy over): the page tries again
 * by itself, and the reference is there for Spin staff when it does not.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const { left, retryNow } = useRetryCountdown(20, () =>
    startTransition(() => {
      router.refresh();
      reset();
    }),
  );
  return (
    <section className="max-w-xl space-y-3">
      <h1 className="text-2xl font-semibold">This page could not be shown</h1>
      <p role="alert">The portal could not prepare it just now.</p>
      <p className="text-slate-600 dark:text-slate-400">
        It tries again by itself in {left} s.
        {error.digest ? (
          <>
            {' '}
            If it keeps failing, tell Spin staff the reference <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{error.digest}</code>.
          </>
        ) : null}
      </p>
      <Button variant="primary" size="lg" onClick={retryNow}>
        Try now
      </Button>
    </section>
  );
}
