import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { getSessionUser } from '@/lib/auth/session';
import { safeReturnPath } from '@/lib/http/safe-return-path';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeReturnPath(typeof callbackUrl === 'string' ? callbackUrl : undefined);
  if (await getSessionUser()) redirect(returnTo);
  return (
    <section className="mx-auto max-w-sm space-y-6 pt-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Sign in</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Use your NERSC username and password.</p>
      </div>
      <LoginForm returnTo={returnTo} />
    </section>
  );
}
