'use client';

import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { RelativeTime } from '@/components/stacks/relative-time';
import { useRevokeToken, useTokens } from '@/lib/client/queries/use-tokens';
import type { TokenList as TokenListData, TokenView } from '@/lib/domain/tokens/token-schemas';

function reach(token: TokenView, stackNames: ReadonlyMap<string, string>): string {
  const stacks = token.stackIds ? token.stackIds.map((id) => stackNames.get(id) ?? id).join(', ') : 'all stacks';
  const rights = token.rights ? token.rights.join(', ') : 'all rights';
  return `${stacks}; ${rights}`;
}

/** The tokens not revoked, with when each was made, expires and was last used, and Revoke (asked first). */
export function TokenList({ initial, everyone, stackNames }: { initial: TokenListData; everyone: boolean; stackNames: ReadonlyMap<string, string> }) {
  const { data } = useTokens(initial, everyone);
  const revoke = useRevokeToken();
  const [revoking, setRevoking] = useState<TokenView | null>(null);

  const confirmRevoke = () => {
    if (revoking) revoke.mutate(revoking.id);
    setRevoking(null);
  };

  if (data.tokens.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{everyone ? 'Nobody has an API token.' : 'You have no API tokens.'}</p>;
  return (
    <div className="space-y-3">
      {revoke.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {revoke.error.message}
        </p>
      ) : null}
      <Table className="rounded-lg border border-slate-200 dark:border-slate-800">
        <TableCaption>{everyone ? 'Everyone’s API tokens' : 'Your API tokens'}</TableCaption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            {everyone ? <TableHeaderCell>Owner</TableHeaderCell> : null}
            <TableHeaderCell>Reaches</TableHeaderCell>
            <TableHeaderCell>Created</TableHeaderCell>
            <TableHeaderCell>Expires</TableHeaderCell>
            <TableHeaderCell>Last used</TableHeaderCell>
            <TableHeaderCell>Last address</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.tokens.map((token) => (
            <TableRow key={token.id} data-testid="token-row">
              <TableCell>
                <span className="font-medium">{token.name}</span> <span className="font-mono text-xs text-slate-500 dark:text-slate-400">spinpat_{token.id}</span>
              </TableCell>
              {everyone ? <TableCell>{token.owner}</TableCell> : null}
              <TableCell className="text-xs">{reach(token, stackNames)}</TableCell>
              <TableCell>
                <RelativeTime iso={token.createdAt} />
              </TableCell>
              <TableCell>
                <time dateTime={token.expiresAt}>{token.expiresAt.slice(0, 10)}</time>
                {token.isExpired ? (
                  <Badge tone="bad" className="ml-2">
                    Expired
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell>{token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt} /> : 'never'}</TableCell>
              <TableCell className="font-mono text-xs">{token.lastUsedAddress ?? '—'}</TableCell>
              <TableCell className="text-right">
                <Button size="sm" variant="danger" disabled={revoke.isPending} aria-label={`Revoke token ${token.name}`} onClick={() => setRevoking(token)}>
                  Revoke
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke token ${revoking?.name ?? ''}?`}
        confirmLabel="Revoke"
        tone="danger"
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        Scripts and CI jobs using it are refused from now on, and its open logs and shells close within seconds.
      </ConfirmDialog>
    </div>
  );
}
