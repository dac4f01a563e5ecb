'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/stacks/confirm-dialog';
import { RelativeTime } from '@/components/stacks/relative-time';
import { useEndAllSessions, useEndSession, useSessions } from '@/lib/client/queries/use-sessions';
import type { SessionList as SessionListData } from '@/lib/domain/sessions/session-schemas';

const buttonClass = 'rounded-md px-2 py-1 text-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-50 dark:ring-slate-600 dark:hover:bg-slate-800';

/** "Your sessions": each open session with a Sign out, and Sign out everywhere (this browser too). */
export function SessionList({ initial }: { initial: SessionListData }) {
  const { data } = useSessions(initial);
  const endOne = useEndSession();
  const endAll = useEndAllSessions();
  const [isConfirming, setIsConfirming] = useState(false);
  const error = endOne.error ?? endAll.error;

  const signOutEverywhere = () => {
    setIsConfirming(false);
    // The cookie of this browser goes too, by next-auth's own sign-out once the records have ended.
    endAll.mutate(undefined, { onSuccess: () => void signOut({ callbackUrl: '/login' }) });
  };

  return (
    <div className="space-y-4">
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <tr>
            <th className="py-2 pr-4 font-medium">Browser</th>
            <th className="py-2 pr-4 font-medium">Address</th>
            <th className="py-2 pr-4 font-medium">Started</th>
            <th className="py-2 pr-4 font-medium">Last active</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.sessions.map((session) => (
            <tr key={session.id} data-testid="session-row" className="border-b border-slate-100 dark:border-slate-800">
              <td className="py-2 pr-4" title={session.userAgent ?? undefined}>
                {session.browser}
                {session.isCurrent ? <span className="ml-2 rounded-full bg-brand-600/10 px-2 py-0.5 text-xs font-medium text-brand-700 dark:text-blue-300">This browser</span> : null}
              </td>
              <td className="py-2 pr-4 font-mono text-xs">{session.clientAddress ?? 'unknown'}</td>
              <td className="py-2 pr-4">
                <RelativeTime iso={session.startedAt} />
              </td>
              <td className="py-2 pr-4">
                <RelativeTime iso={session.lastActiveAt} />
              </td>
              <td className="py-2 text-right">
                <button
                  type="button"
                  className={buttonClass}
                  disabled={endOne.isPending}
                  aria-label={session.isCurrent ? 'Sign out this browser' : `Sign out ${session.browser} at ${session.clientAddress ?? 'an unknown address'}`}
                  onClick={() => (session.isCurrent ? void signOut({ callbackUrl: '/login' }) : endOne.mutate(session.id))}
                >
                  Sign out
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-50" disabled={endAll.isPending} onClick={() => setIsConfirming(true)}>
        Sign out everywhere
      </button>
      <ConfirmDialog open={isConfirming} title="Sign out everywhere?" confirmLabel="Sign out everywhere" tone="danger" onConfirm={signOutEverywhere} onCancel={() => setIsConfirming(false)}>
        Every browser signed in as you, this one included, is signed out, and open logs and shells close within seconds.
      </ConfirmDialog>
    </div>
  );
}
