import Link from 'next/link';
import type { Right } from '@/lib/domain/access/rights';
import type { ContainerView, ServiceView } from '@/lib/domain/stacks/stack-schemas';
import { upgradeGenerations, type Generation } from '@/lib/domain/stacks/upgrade-generations';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { ContainerRestartButton } from './container-restart-button';
import { RelativeTime } from './relative-time';
import { StateBadge } from './state-badge';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';

const generationText: Record<Generation, { label: string; title: string }> = {
  old: { label: 'old', title: 'Kept from before the upgrade until Finish (Roll back returns to it)' },
  new: { label: 'new', title: 'Started by the upgrade' },
};

type ServiceFacts = Pick<ServiceView, 'id' | 'name' | 'image' | 'upgradeInProgress' | 'containers' | 'environment'>;

/**
 * A service's containers, each with its quick actions (Logs, Shell, Restart, as Rancher's container menu
 * and Portainer's quick actions offer them) and, during an upgrade, whether it is the old or the new one.
 */
export function ContainerTable({ stackId, stackName, service, rights }: { stackId: string; stackName: string; service: ServiceFacts; rights: readonly Right[] }) {
  const { containers } = service;
  if (containers.length === 0) return <p className="px-4 py-3 text-sm text-slate-600 dark:text-slate-400">No containers.</p>;
  const generations = upgradeGenerations(containers, service.image, service.upgradeInProgress);
  const base = `/stacks/${stackId}/services/${service.id}`;
  const running = containers.filter((c) => c.state === 'running');
  return (
    <Table>
      <TableCaption>Containers of {service.name}</TableCaption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Container</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell>Health</TableHeaderCell>
          <TableHeaderCell>Host</TableHeaderCell>
          <TableHeaderCell>Starts</TableHeaderCell>
          <TableHeaderCell>Last exit</TableHeaderCell>
          <TableHeaderCell>Age</TableHeaderCell>
          <TableHeaderCell>Actions</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {containers.map((c) => (
          <TableRow key={c.id} data-testid={`container-${c.name}`}>
            <TableHeaderCell scope="row" className="font-normal">
              <span className="font-mono">{c.name}</span>
              <ContainerGeneration generation={generations.get(c.id)} />
              {c.image ? <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{c.image}</span> : null}
            </TableHeaderCell>
            <TableCell><StateBadge value={c.state} kind="state" /></TableCell>
            <TableCell><StateBadge value={c.healthState} kind="health" /></TableCell>
            <TableCell>{c.hostname ?? '—'}</TableCell>
            <TableCell>{c.startCount}</TableCell>
            <TableCell>{c.lastExitCode ?? c.exitCode ?? '—'}</TableCell>
            <TableCell><RelativeTime iso={c.createdAt} /></TableCell>
            <TableCell>
              <ContainerActions
                container={c}
                base={base}
                rights={rights}
                restart={{ stackId, stackName, serviceName: service.name, environment: service.environment, othersRunning: running.filter((r) => r.id !== c.id).length }}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ContainerGeneration({ generation }: { generation: Generation | undefined }) {
  if (!generation) return null;
  const { label, title } = generationText[generation];
  return (
    <Badge tone={generation === 'new' ? 'brand' : 'idle'} className="ml-2" title={title}>
      {label}
      <span className="sr-only"> container ({title})</span>
    </Badge>
  );
}

/** Logs and Resources always (a stopped container's last lines and charts stay readable); Shell and Restart only while it runs. */
function ContainerActions({ container, base, rights, restart }: { container: ContainerView; base: string; rights: readonly Right[]; restart: Parameters<typeof ContainerRestartButton>[0]['target'] }) {
  const isRunning = container.state === 'running';
  const linkClass = buttonClasses({ size: 'xs' });
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {rights.includes('logs') ? (
        <Link href={`${base}?tab=logs&container=${container.id}`} className={linkClass} aria-label={`Logs of ${container.name}`}>
          Logs
        </Link>
      ) : null}
      {rights.includes('shell') && isRunning ? (
        <Link href={`${base}?tab=shell&container=${container.id}`} className={linkClass} aria-label={`Shell in ${container.name}`}>
          Shell
        </Link>
      ) : null}
      {rights.includes('view') ? (
        <Link href={`${base}?tab=resources&container=${container.id}`} className={linkClass} aria-label={`Resources of ${container.name}`}>
          Resources
        </Link>
      ) : null}
      {rights.includes('operate') && isRunning ? <ContainerRestartButton target={restart} container={container} /> : null}
    </span>
  );
}
