'use client';

import { ActivityTimeline } from '@/components/activity/activity-timeline';
import { StackSecretsSection } from '@/components/secrets/stack-secrets-section';
import { useStack } from '@/lib/client/queries/use-stack';
import type { StackView } from '@/lib/domain/stacks/stack-schemas';
import { EnvironmentBadge } from './environment-badge';
import { QueryError } from './query-error';
import { ServiceCard } from './service-card';
import { StateBadge } from './state-badge';
import { CrashLoopBadge } from './crash-loop-badge';
import { shownStackHealth } from '@/lib/domain/stacks/shown-health';

const tagLabels: [keyof StackView['tags'], string][] = [
  ['owner', 'Owner'],
  ['group', 'Group'],
  ['staffOwner', 'Staff owner'],
  ['staffGroup', 'Staff group'],
  ['fqdn', 'Address'],
  ['requires', 'Requires'],
];

/** A stack page: tags, then each service with its containers, refreshed live while anything moves. */
export function StackDetail({ initial, viewerUid }: { initial: StackView; viewerUid: string }) {
  const { data, error, refetch, isFetching, dataUpdatedAt } = useStack(initial.id, initial);
  const stack = data ?? initial;
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{stack.name}</h1>
          <EnvironmentBadge environment={stack.environment} />
          <StateBadge value={stack.state} kind="state" />
          <StateBadge value={shownStackHealth(stack)} kind="health" />
          <CrashLoopBadge services={stack.services} />
          {stack.isUntagged ? <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs dark:bg-slate-700">untagged</span> : null}
        </div>
        {stack.description ? <p className="text-slate-600 dark:text-slate-400">{stack.description}</p> : null}
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-3 lg:grid-cols-6">
          {tagLabels.map(([key, label]) => (
            <div key={key}>
              <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
              <dd className="break-words font-medium">{stack.tags[key] ?? '—'}</dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          You may: {stack.rights.join(', ')} · {stack.relation === 'owner' ? 'you own this stack' : stack.relation === 'group' ? `shared with your group ${stack.tags.group}` : 'staff access'}
        </p>
      </header>
      {error ? <QueryError error={error} onRetry={() => void refetch()} isRetrying={isFetching} updatedAt={dataUpdatedAt} /> : null}
      <section aria-labelledby="services-heading" className="space-y-4">
        <h2 id="services-heading" className="text-lg font-semibold">
          Services
        </h2>
        {stack.services.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">This stack has no services.</p> : null}
        {stack.services.map((service) => (
          <ServiceCard key={service.id} stackId={stack.id} stackName={stack.name} service={service} rights={stack.rights} />
        ))}
      </section>
      <StackSecretsSection stack={stack} viewerUid={viewerUid} />
      <section aria-labelledby="activity-heading" className="space-y-2">
        <h2 id="activity-heading" className="text-lg font-semibold">
          Activity
        </h2>
        <ActivityTimeline stackId={stack.id} />
      </section>
    </div>
  );
}
