import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { getSessionUser } from '@/lib/auth/session';
import { env } from '@/lib/config/env';
import { safeReturnPath } from '@/lib/http/safe-return-path';

export const metadata: Metadata = { title: 'Sign in' };

/** `8 hours`, `90 minutes`. */
function idlePeriod(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'}` : `${minutes} minutes`;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, idle } = await searchParams;
  const returnTo = safeReturnPath(typeof callbackUrl === 'string' ? callbackUrl : undefined);
  if (await getSessionUser()) redirect(returnTo);
  return (
    <section className="mx-auto max-w-sm space-y-6 pt-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Sign in</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Use your NERSC username and password.</p>
      </div>
      {idle === '1' ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          You were signed out after {idlePeriod(env().SESSION_IDLE_MINUTES)} without activity. Sign in again to carry on.
        </p>
      ) : null}
      <LoginForm returnTo={returnTo} />
    </section>
  );
}
