'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

const retrySeconds = 15;

/**
 * A page whose data Rancher could not give (503): the API's own words, and the page loads itself again
 * every few seconds until Rancher answers, with a button for the impatient.
 */
export function RancherUnavailable({ message, what }: { message: string; what: string }) {
  const router = useRouter();
  const [left, setLeft] = useState(retrySeconds);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (left > 1) return setLeft(left - 1);
      setLeft(retrySeconds);
      router.refresh();
    }, 1_000);
    return () => clearTimeout(timer);
  }, [left, router]);
  return (
    <section className="max-w-xl space-y-3">
      <h1 className="text-2xl font-semibold">{what} cannot be shown right now</h1>
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
        {message}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="off">
        The page tries again by itself in {left} s.
      </p>
      <Button
        variant="primary"
        onClick={() => {
          setLeft(retrySeconds);
          router.refresh();
        }}
      >
        Try now
      </Button>
    </section>
  );
}
