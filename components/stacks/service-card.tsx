import Link from 'next/link';
import { LinkPending } from '@/components/ui/link-pending';
import type { Right } from '@/lib/domain/access/rights';
import type { ServiceView } from '@/lib/domain/stacks/stack-schemas';
import { OutOfMemoryBadge } from '@/components/stats/out-of-memory-badge';
import { StateBadge } from './state-badge';
import { CrashLoopBadge } from './crash-loop-badge';
import { shownServiceHealth } from '@/lib/domain/stacks/shown-health';
import { ContainerTable } from './container-table';
import { ServiceActions } from './service-actions';
import { buttonClasses } from '@/components/ui/button';

export function ServiceCard({ stackId, stackName, service, rights }: { stackId: string; stackName: string; service: ServiceView; rights: readonly Right[] }) {
  return (
    <article aria-labelledby={`service-${service.id}`} data-testid={`service-${service.name}`} className="rounded-lg border border-slate-200 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h3 id={`service-${service.id}`} className="text-base font-semibold">
          <Link href={`/stacks/${stackId}/services/${service.id}`} className="text-brand-600 hover:underline dark:text-blue-400">
            {service.name}
            <LinkPending />
          </Link>
        </h3>
        <StateBadge value={service.state} kind="state" />
        <StateBadge value={shownServiceHealth(service)} kind="health" />
        <CrashLoopBadge services={[service]} />
        <OutOfMemoryBadge containers={service.containers} />
        <span className="break-all font-mono text-sm text-slate-700 dark:text-slate-300" title="Image">
          {service.image || 'no image'}
        </span>
        <span className="text-sm text-slate-600 dark:text-slate-400">scale {service.scale}</span>
        {service.transitioning === 'yes' && service.transitioningMessage ? (
          <span className="text-sm text-sky-800 dark:text-sky-300" aria-live="polite">
            {service.transitioningMessage}
          </span>
        ) : null}
        {service.transitioning === 'error' && service.transitioningMessage ? (
          <span className="text-sm text-red-800 dark:text-red-300">{service.transitioningMessage}</span>
        ) : null}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {rights.includes('upgrade') && service.upgradeInProgress === false ? (
            <Link href={`/stacks/${stackId}/services/${service.id}?tab=upgrade`} className={buttonClasses()} aria-label={`Upgrade ${service.name}`}>
              Upgrade
            </Link>
          ) : null}
          <ServiceActions stackId={stackId} stackName={stackName} service={service} canOperate={rights.includes('operate')} canUpgrade={rights.includes('upgrade')} />
        </div>
      </div>
      <ContainerTable stackId={stackId} stackName={stackName} service={service} rights={rights} />
    </article>
  );
}
