'use client';

import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

type Status = { kind: 'idle' } | { kind: 'submitting' } | { kind: 'error'; message: string };

async function problemDetail(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { detail?: unknown };
    if (typeof body.detail === 'string' && body.detail) return body.detail;
  } catch {
    // Not a problem body: fall through to a message by status.
  }
  if (res.status === 429) return 'Too many attempts, wait a few minutes.';
  if (res.status >= 500) return 'The directory is unavailable, try again shortly.';
  return 'Wrong username or password.';
}

/**
 * Posts to next-auth's credentials callback directly (not next-auth/react's signIn) so the portal's
 * own refusals — wrong password, too many attempts, directory down — reach the person word for word.
 */
export function LoginForm({ returnTo }: { returnTo: string }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const errorId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setStatus({ kind: 'submitting' });
    try {
      const csrf = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
      const body = new URLSearchParams({
        username: String(form.get('username') ?? '').trim(),
        password: String(form.get('password') ?? ''),
        csrfToken: csrf.csrfToken,
        callbackUrl: returnTo,
        json: 'true',
      });
      const res = await fetch('/api/auth/callback/credentials', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      if (!res.ok) {
        setStatus({ kind: 'error', message: await problemDetail(res) });
        return;
      }
      // A full navigation, so the header and every server component render with the new session.
      window.location.assign(returnTo);
    } catch {
      setStatus({ kind: 'error', message: 'The portal could not be reached. Check your connection and try again.' });
    }
  }

  const isSubmitting = status.kind === 'submitting';
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-describedby={status.kind === 'error' ? errorId : undefined} noValidate>
      <Field id="username" label="Username" labelClassName="text-sm">
        {(control) => <Input {...control} size="lg" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus className="w-full" />}
      </Field>
      <Field id="password" label="Password" labelClassName="text-sm">
        {(control) => <Input {...control} size="lg" name="password" type="password" autoComplete="current-password" required className="w-full" />}
      </Field>
      {status.kind === 'error' ? (
        <p id={errorId} data-testid="login-error" aria-live="assertive" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {status.message}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="lg" disabled={isSubmitting} className="w-full">
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
