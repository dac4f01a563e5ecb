'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useServiceAction } from '@/lib/client/queries/use-service-action';
import { upgradeDecisions, type UpgradeDecision } from '@/lib/domain/rancher/service-verbs';
import { awaitingFinishState } from '@/lib/domain/rancher/transitional-state';
import type { StackListItem } from '@/lib/domain/stacks/stack-schemas';
import { EnvironmentConfirmDialog } from './environment-confirm-dialog';
import { stackPhrase, verbCopy } from './service-action-copy';
import { Button } from '@/components/ui/button';

type Waiting = { stack: StackListItem; service: StackListItem['services'][number] };

function WaitingRow({ stack, service }: Waiting) {
  const action = useServiceAction(stack.id);
  const [asking, setAsking] = useState<UpgradeDecision | null>(null);
  const copy = asking ? verbCopy[asking] : null;
  const sending = action.isPending ? action.variables?.verb : null;
  return (
    <li className="flex flex-wrap items-center gap-3 py-2" data-testid={`awaiting-${stack.name}-${service.name}`}>
      <Link href={`/stacks/${stack.id}/services/${service.id}?tab=upgrade`} className="font-medium text-brand-600 underline dark:text-blue-400">
        {stack.name} / {service.name}
      </Link>
      <span className="text-slate-700 dark:text-slate-300">now runs {service.image}</span>
      {upgradeDecisions.map((verb) => (
        <Button key={verb} variant="outline" size="sm" disabled={action.isPending} onClick={() => setAsking(verb)} aria-label={`${verbCopy[verb].label} ${stack.name}/${service.name}`}>
          {verbCopy[verb].label}
        </Button>
      ))}
      <span role="status" className="text-sm">
        {sending ? `${verbCopy[sending].progress} ${service.name}…` : action.error ? <span className="text-red-800 dark:text-red-300">{action.error.message}</span> : null}
      </span>
      <EnvironmentConfirmDialog
        open={copy !== null}
        title={copy ? `${copy.confirm} of ${service.name} in ${stackPhrase(stack.name, stack.environment)}?` : ''}
        confirmLabel={copy?.label ?? ''}
        tone={copy?.tone}
        environment={stack.environment}
        onConfirm={() => {
          if (asking) action.mutate({ serviceId: service.id, verb: asking });
          setAsking(null);
        }}
        onCancel={() => setAsking(null)}
      >
        {copy ? <p>{copy.effect(service.name, service.scale)}</p> : null}
      </EnvironmentConfirmDialog>
    </li>
  );
}

/**
 * Upgrades left waiting for a decision, pinned above the list (ux.md L4): an `upgraded` service keeps
 * its old containers until someone finishes or rolls back, and is easily forgotten.
 */
export function AwaitingFinishList({ stacks }: { stacks: readonly StackListItem[] }) {
  const waiting: Waiting[] = stacks.flatMap((stack) => stack.services.filter((s) => s.state === awaitingFinishState).map((service) => ({ stack, service })));
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby="awaiting-finish-title" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
      <h2 id="awaiting-finish-title" className="text-sm font-semibold">
        Upgrades waiting for Finish or Roll back
      </h2>
      <ul className="divide-y divide-amber-200 dark:divide-amber-900">
        {waiting.map((w) => (
          <WaitingRow key={w.service.id} {...w} />
        ))}
      </ul>
    </section>
  );
}
