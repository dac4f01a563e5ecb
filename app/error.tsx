'use client';

import { Button } from '@/components/ui/button';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="max-w-xl space-y-3" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600 dark:text-slate-400">
        The page could not be shown. Try again; if it keeps failing, tell Spin staff
        {error.digest ? (
          <>
            {' '}
            and quote <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button variant="primary" size="lg" onClick={reset}>
        Try again
      </Button>
    </section>
  );
}
