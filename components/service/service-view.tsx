'use client';

import Link from 'next/link';
import { stringify } from 'yaml';
import { ActivityTimeline } from '@/components/activity/activity-timeline';
import { LogViewer } from '@/components/logs/log-viewer';
import { ShellPanel } from '@/components/shell/shell-panel';
import { ContainerResources } from '@/components/stats/container-resources';
import { ResourceCharts } from '@/components/stats/resource-charts';
import { ContainerTable } from '@/components/stacks/container-table';
import { QueryError } from '@/components/stacks/query-error';
import { ServiceActions } from '@/components/stacks/service-actions';
import { StateBadge } from '@/components/stacks/state-badge';
import { CrashLoopBadge } from '@/components/stacks/crash-loop-badge';
import { shownServiceHealth } from '@/lib/domain/stacks/shown-health';
import { UpgradePanel } from '@/components/upgrade/upgrade-panel';
import type { LogPermalink } from '@/lib/client/logs/permalink';
import { useService } from '@/lib/client/queries/use-service';
import { isCrashLooping } from '@/lib/domain/stacks/exit-codes';
import { promotionHref, type PromotionTarget } from '@/lib/domain/stacks/promotion';
import type { ServiceDetailView, StackView } from '@/lib/domain/stacks/stack-schemas';
import type { UpgradeContext } from '@/lib/domain/upgrade/check-proposed';
import { CrashHelp } from './crash-help';
import { serviceTabs, type ServiceTab } from './service-tab';

export interface ServiceViewProps {
  stack: StackView;
  initial: ServiceDetailView;
  tab: ServiceTab;
  containerId?: string;
  permalink?: LogPermalink;
  /** Who is looking and the portal's allowed host paths, for the upgrade form's policy check. */
  viewer: Pick<UpgradeContext, 'actorRole' | 'allowedHostPaths'>;
  /** On a dev service: the production service this one's image may be promoted to. */
  promoteTo?: PromotionTarget;
  /** An image the upgrade form opens with (from a promote link). */
  prefillImage?: string;
}

/** A service's page: overview (containers, crash help), configuration, upgrade, logs, shell, activity. */
export function ServiceView({ stack, initial, tab, containerId, permalink, viewer, promoteTo, prefillImage }: ServiceViewProps) {
  const { data, error, refetch, isFetching, dataUpdatedAt } = useService(stack.id, initial.id, initial);
  const service = data ?? initial;
  const base = `/stacks/${stack.id}/services/${service.id}`;
  const can = (right: StackView['rights'][number]) => stack.rights.includes(right);
  const tabs = serviceTabs.filter((t) => !t.right || can(t.right));
  const containers = service.containers.map(({ id, name, state }) => ({ id, name, state }));

  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{service.name}</h1>
        <StateBadge value={service.state} kind="state" />
        <StateBadge value={shownServiceHealth(service)} kind="health" />
        <CrashLoopBadge services={[service]} />
        <span className="break-all font-mono text-sm text-slate-700 dark:text-slate-300">{service.image}</span>
        <span className="text-sm text-slate-600 dark:text-slate-400">scale {service.scale}</span>
        <div className="ml-auto">
          <ServiceActions stackId={stack.id} stackName={stack.name} service={service} canOperate={can('operate')} canUpgrade={can('upgrade')} />
        </div>
      </header>
      {promoteTo && service.image ? (
        <p className="text-sm">
          <Link href={promotionHref(promoteTo, service.image)} className="font-medium text-brand-600 underline dark:text-blue-400">
            Upgrade the same service in prod to this image
          </Link>{' '}
          <span className="text-slate-600 dark:text-slate-400">
            ({promoteTo.stackName}/{service.name} → <span className="font-mono">{service.image}</span>; the production form checks and previews it first)
          </span>
        </p>
      ) : null}
      {error ? <QueryError error={error} onRetry={() => void refetch()} isRetrying={isFetching} updatedAt={dataUpdatedAt} /> : null}
      <nav aria-label="Service sections" className="border-b border-slate-200 dark:border-slate-800">
        <ul className="-mb-px flex flex-wrap gap-1">
          {tabs.map((t) => (
            <li key={t.id}>
              <Link
                href={`${base}?tab=${t.id}`}
                aria-current={t.id === tab ? 'page' : undefined}
                aria-keyshortcuts={t.shortcut?.key}
                data-shortcut={t.shortcut?.key}
                data-shortcut-label={t.shortcut?.label}
                className={`inline-block border-b-2 px-3 py-2 text-sm ${t.id === tab ? 'border-brand-600 font-medium text-slate-950 dark:text-white' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white'}`}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'overview' ? (
        <div className="space-y-4">
          {(service.crashLoop !== null || isCrashLooping(service.containers)) && can('logs') ? <CrashHelp containers={service.containers} logsHref={`${base}?tab=logs`} /> : null}
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
            <ContainerTable stackId={stack.id} stackName={stack.name} service={service} rights={stack.rights} />
          </div>
          <ResourceCharts target={{ stackId: stack.id, serviceId: service.id }} containers={containers} title="Resources" />
        </div>
      ) : null}
      {tab === 'resources' ? <ContainerResources key={containerId ?? 'first'} containers={containers} initialContainerId={containerId} /> : null}
      {tab === 'config' ? (
        <pre className="overflow-auto rounded-lg bg-slate-100 p-4 text-xs dark:bg-slate-900" aria-label="Launch configuration">
          {service.launchConfig ? stringify(service.launchConfig) : 'This service has no launch configuration.'}
        </pre>
      ) : null}
      {tab === 'upgrade' && can('upgrade') ? (
        <UpgradePanel
          stackId={stack.id}
          stackName={stack.name}
          stackTags={stack.tags}
          stackServices={stack.services.map((s) => ({ name: s.name, state: s.state }))}
          policyContext={{ ...viewer, stackContainers: stack.services.flatMap((s) => s.containers.map(({ id, name }) => ({ id, name }))) }}
          service={service}
          prefillImage={prefillImage}
        />
      ) : null}
      {tab === 'logs' && can('logs') ? <LogViewer key={containerId ?? 'all'} containers={containers} initialContainerId={containerId} permalink={permalink} /> : null}
      {tab === 'shell' && can('shell') ? <ShellPanel containers={containers} initialContainerId={containerId} /> : null}
      {tab === 'activity' ? <ActivityTimeline stackId={stack.id} serviceId={service.id} /> : null}
    </div>
  );
}
