'use client';

import { useState, type FormEvent } from 'react';
import { useEndAllSessions } from '@/lib/client/queries/use-sessions';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/**
 * Staff only (the /activity page): sign a person out of every browser, e.g. when their account may be
 * in the wrong hands. Their open logs and shells close within seconds.
 */
export function EndPersonSessions() {
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
      <Field label="Sign out a person everywhere (uid)">{(control) => <Input {...control} value={uid} onChange={(e) => setUid(e.target.value)} autoComplete="off" />}</Field>
      <Button type="submit" variant="danger" disabled={endAll.isPending}>
        End all sessions
      </Button>
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
