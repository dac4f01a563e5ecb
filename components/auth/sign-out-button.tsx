'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * Ends the session record first, then lets next-auth clear the cookie: if the portal cannot end the
 * record, the person is told so instead of seeing a sign-out that left the session usable.
 */
export function SignOutButton({ className }: { className?: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  async function signOutHere() {
    setProblem(null);
    const ended = await fetch('/api/v1/sessions/current', { method: 'DELETE', headers: { 'content-type': 'application/json' } }).catch(() => null);
    // 401: the session had already ended (elsewhere, or idle); there is nothing left to end.
    if (!ended || (!ended.ok && ended.status !== 401)) {
      setProblem('The portal could not end your session. Try again in a moment.');
      return;
    }
    await signOut({ callbackUrl: '/login' });
  }
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => void signOutHere()} className={className}>
        Sign out
      </Button>
      {problem ? (
        <span role="alert" className="text-sm text-red-800 dark:text-red-300">
          {problem}
        </span>
      ) : null}
    </>
  );
}
