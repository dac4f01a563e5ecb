'use client';

import { useId, useState, type FormEvent } from 'react';
import { ConfirmDialog } from '@/components/stacks/confirm-dialog';
import { useEndAllSessions } from '@/lib/client/queries/use-sessions';

/**
 * Staff only (the /activity page): sign a person out of every browser, e.g. when their account may be
 * in the wrong hands. Their open logs and shells close within seconds.
 */
export function EndPersonSessions() {
  const inputId = useId();
  const endAll = useEndAllSessions();
  const [uid, setUid] = useState('');
  const [pending, setPending] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (uid.trim()) setPending(uid.trim());
  };
  const confirm = () => {
    if (pending) endAll.mutate(pending);
    setPending(null);
  };

  return (
    <form onSubmit={onSubmit} aria-label="End a person’s sessions" className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div>
        <label htmlFor={inputId} className="block text-xs font-medium text-slate-600 dark:text-slate-400">
          Sign out a person everywhere (uid)
        </label>
        <input
          id={inputId}
          value={uid}
          onChange={(e) => setUid(e.target.value)}
          autoComplete="off"
          className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
      </div>
      <button type="submit" disabled={endAll.isPending} className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-50">
        End all sessions
      </button>
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {endAll.isSuccess ? `Ended ${endAll.data.ended} ${endAll.data.ended === 1 ? 'session' : 'sessions'} of ${endAll.variables}.` : null}
      </p>
      {endAll.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {endAll.error.message}
        </p>
      ) : null}
      <ConfirmDialog open={pending !== null} title={`Sign ${pending ?? ''} out everywhere?`} confirmLabel="End all sessions" tone="danger" onConfirm={confirm} onCancel={() => setPending(null)}>
        Every browser signed in as {pending} is signed out, and their open logs and shells close within seconds. They can sign in again.
      </ConfirmDialog>
    </form>
  );
}
