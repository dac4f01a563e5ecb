'use client';

import { useState } from 'react';
import { useServiceAction, type ServiceActionVerb } from '@/lib/queries/use-service-action';
import type { ServiceView } from '@/lib/stacks/stack-schemas';
import { ConfirmDialog } from './confirm-dialog';
import { ActionProgress, type PendingAction } from './action-progress';
import { verbCopy, verbsFor } from './service-action-copy';

/**
 * Stop, start, restart (and finish or roll back an upgrade) for one service, each behind a confirm that
 * names the stack and the service and says what will happen; progress follows live until it settles.
 */
export function ServiceActions({ stackId, stackName, service, canOperate, canUpgrade }: { stackId: string; stackName: string; service: ServiceView; canOperate: boolean; canUpgrade: boolean }) {
  const action = useServiceAction(stackId);
  const [asking, setAsking] = useState<ServiceActionVerb | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);

  const allowed = verbsFor(service.state).filter((v) => (v === 'finish-upgrade' || v === 'rollback' ? canUpgrade : canOperate));
  const isBusy = action.isPending || service.transitioning === 'yes';

  function confirm() {
    if (!asking) return;
    const verb = asking;
    setAsking(null);
    setPending(null);
    const startedAt = Date.now();
    // Progress is judged only once Rancher has answered with the transitional state.
    action.mutate({ serviceId: service.id, verb }, { onSuccess: () => setPending({ verb, startedAt, serviceName: service.name }) });
  }

  if (!canOperate && !canUpgrade) return null;
  const copy = asking ? verbCopy[asking] : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {allowed.map((verb) => (
        <button
          key={verb}
          type="button"
          disabled={isBusy}
          onClick={() => setAsking(verb)}
          className="rounded-md px-3 py-1 text-sm font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:ring-slate-600 dark:hover:bg-slate-800"
          aria-label={`${verbCopy[verb].label} ${service.name}`}
        >
          {verbCopy[verb].label}
        </button>
      ))}
      <ActionProgress
        pending={pending}
        sending={action.isPending ? (action.variables?.verb ?? null) : null}
        service={service}
        error={action.error}
        onDismiss={() => {
          setPending(null);
          action.reset();
        }}
      />
      <ConfirmDialog
        open={copy !== null}
        title={copy ? `${copy.confirm} ${service.name} in stack ${stackName}?` : ''}
        confirmLabel={copy?.label ?? ''}
        tone={copy?.tone}
        onConfirm={confirm}
        onCancel={() => setAsking(null)}
      >
        {copy ? <p>{copy.effect(service.name, service.containers.length)}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
