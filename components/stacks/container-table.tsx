import Link from 'next/link';
import type { ContainerView } from '@/lib/domain/stacks/stack-schemas';
import { ContainerRestartButton } from './container-restart-button';
import { RelativeTime } from './relative-time';
import { StateBadge } from './state-badge';

export function ContainerTable({
  stackId,
  containers,
  serviceName,
  canOperate,
  logsHref,
}: {
  stackId: string;
  containers: ContainerView[];
  serviceName: string;
  canOperate: boolean;
  /** Where a container's log opens; no link without the logs right. */
  logsHref?: (containerId: string) => string;
}) {
  if (containers.length === 0) return <p className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">No containers.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Containers of {serviceName}</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-2">Container</th>
            <th scope="col" className="px-4 py-2">State</th>
            <th scope="col" className="px-4 py-2">Health</th>
            <th scope="col" className="px-4 py-2">Host</th>
            <th scope="col" className="px-4 py-2">Starts</th>
            <th scope="col" className="px-4 py-2">Last exit</th>
            <th scope="col" className="px-4 py-2">Age</th>
            {canOperate ? <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {containers.map((c) => (
            <tr key={c.id} data-testid={`container-${c.name}`}>
              <th scope="row" className="px-4 py-2 font-mono font-normal">
                {logsHref ? (
                  <Link href={logsHref(c.id)} className="text-brand-600 hover:underline dark:text-blue-400" title={`Logs of ${c.name}`}>
                    {c.name}
                  </Link>
                ) : (
                  c.name
                )}
              </th>
              <td className="px-4 py-2"><StateBadge value={c.state} kind="state" /></td>
              <td className="px-4 py-2"><StateBadge value={c.healthState} kind="health" /></td>
              <td className="px-4 py-2">{c.hostname ?? '—'}</td>
              <td className="px-4 py-2">{c.startCount}</td>
              <td className="px-4 py-2">{c.exitCode === null ? '—' : c.exitCode}</td>
              <td className="px-4 py-2"><RelativeTime iso={c.createdAt} /></td>
              {canOperate ? (
                <td className="px-4 py-2 text-right">
                  <ContainerRestartButton stackId={stackId} container={c} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
