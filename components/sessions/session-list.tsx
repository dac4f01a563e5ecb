'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { RelativeTime } from '@/components/stacks/relative-time';
import { useEndAllSessions, useEndSession, useSessions } from '@/lib/client/queries/use-sessions';
import type { SessionList as SessionListData } from '@/lib/domain/sessions/session-schemas';

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
      <Table className="rounded-lg border border-slate-200 dark:border-slate-800">
        <TableCaption>Your sessions</TableCaption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Browser</TableHeaderCell>
            <TableHeaderCell>Address</TableHeaderCell>
            <TableHeaderCell>Started</TableHeaderCell>
            <TableHeaderCell>Last active</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.sessions.map((session) => (
            <TableRow key={session.id} data-testid="session-row">
              <TableCell title={session.userAgent ?? undefined}>
                {session.browser}
                {session.isCurrent ? (
                  <Badge tone="brand" className="ml-2">
                    This browser
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell className="font-mono text-xs">{session.clientAddress ?? 'unknown'}</TableCell>
              <TableCell>
                <RelativeTime iso={session.startedAt} />
              </TableCell>
              <TableCell>
                <RelativeTime iso={session.lastActiveAt} />
              </TableCell>
              <TableCell className="text-right">
                <Button
                  size="sm"
                  disabled={endOne.isPending}
                  aria-label={session.isCurrent ? 'Sign out this browser' : `Sign out ${session.browser} at ${session.clientAddress ?? 'an unknown address'}`}
                  onClick={() => (session.isCurrent ? void signOut({ callbackUrl: '/login' }) : endOne.mutate(session.id))}
                >
                  Sign out
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button variant="danger" disabled={endAll.isPending} onClick={() => setIsConfirming(true)}>
        Sign out everywhere
      </Button>
      <ConfirmDialog open={isConfirming} title="Sign out everywhere?" confirmLabel="Sign out everywhere" tone="danger" onConfirm={signOutEverywhere} onCancel={() => setIsConfirming(false)}>
        Every browser signed in as you, this one included, is signed out, and open logs and shells close within seconds.
      </ConfirmDialog>
    </div>
  );
}
