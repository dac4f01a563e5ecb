import Link from 'next/link';
import type { ContainerView } from '@/lib/domain/stacks/stack-schemas';
import { ContainerRestartButton } from './container-restart-button';
import { RelativeTime } from './relative-time';
import { StateBadge } from './state-badge';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';

export function ContainerTable({
  stackId,
  containers,
  serviceName,
  canOperate,
  logsHref,
  resourcesHref,
}: {
  stackId: string;
  containers: ContainerView[];
  serviceName: string;
  canOperate: boolean;
  /** Where a container's log opens; no link without the logs right. */
  logsHref?: (containerId: string) => string;
  /** Where a container's resource charts open. */
  resourcesHref?: (containerId: string) => string;
}) {
  const hasActions = canOperate || resourcesHref !== undefined;
  if (containers.length === 0) return <p className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">No containers.</p>;
  return (
    <Table>
      <TableCaption>Containers of {serviceName}</TableCaption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Container</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell>Health</TableHeaderCell>
          <TableHeaderCell>Host</TableHeaderCell>
          <TableHeaderCell>Starts</TableHeaderCell>
          <TableHeaderCell>Last exit</TableHeaderCell>
          <TableHeaderCell>Age</TableHeaderCell>
          {hasActions ? (
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          ) : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {containers.map((c) => (
          <TableRow key={c.id} data-testid={`container-${c.name}`}>
            <TableHeaderCell scope="row" className="font-mono font-normal">
              {logsHref ? (
                <Link href={logsHref(c.id)} className="text-brand-600 hover:underline dark:text-blue-400" title={`Logs of ${c.name}`}>
                  {c.name}
                </Link>
              ) : (
                c.name
              )}
            </TableHeaderCell>
            <TableCell><StateBadge value={c.state} kind="state" /></TableCell>
            <TableCell><StateBadge value={c.healthState} kind="health" /></TableCell>
            <TableCell>{c.hostname ?? '—'}</TableCell>
            <TableCell>{c.startCount}</TableCell>
            <TableCell>{c.exitCode === null ? '—' : c.exitCode}</TableCell>
            <TableCell><RelativeTime iso={c.createdAt} /></TableCell>
            {hasActions ? (
              <TableCell className="space-x-3 whitespace-nowrap text-right">
                {resourcesHref ? (
                  <Link href={resourcesHref(c.id)} className="text-sm text-brand-600 hover:underline dark:text-blue-400" aria-label={`Resources of ${c.name}`}>
                    Resources
                  </Link>
                ) : null}
                {canOperate ? <ContainerRestartButton stackId={stackId} container={c} /> : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
