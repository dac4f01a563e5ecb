'use client';

import { useCallback, useState } from 'react';
import { useServiceAction } from '@/lib/client/queries/use-service-action';
import { offeredVerbs, type ServiceActionVerb } from '@/lib/domain/rancher/service-verbs';
import type { ServiceView } from '@/lib/domain/stacks/stack-schemas';
import { EnvironmentConfirmDialog } from './environment-confirm-dialog';
import { ActionProgress, type PendingAction } from './action-progress';
import { stackPhrase, typedConfirmation, verbCopy } from './service-action-copy';
import { useUndoWindow } from './use-undo-window';
import { Button } from '@/components/ui/button';

/**
 * Stop, start, restart (and finish or roll back an upgrade) for one service, each behind a confirm that
 * names the stack and the service and says what will happen; progress follows live until it settles.
 * A confirmed stop or restart waits 5 s in the browser, where Undo cancels it before Rancher hears of it.
 */
export function ServiceActions({ stackId, stackName, service, canOperate, canUpgrade }: { stackId: string; stackName: string; service: ServiceView; canOperate: boolean; canUpgrade: boolean }) {
  const action = useServiceAction(stackId);
  const [asking, setAsking] = useState<ServiceActionVerb | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const { mutate } = action;
  const { id: serviceId, name: serviceName } = service;
  const send = useCallback(
    (verb: ServiceActionVerb) => {
      setPending(null);
      const startedAt = Date.now();
      // Progress is judged only once Rancher has answered with the transitional state.
      mutate({ serviceId, verb }, { onSuccess: () => setPending({ verb, startedAt, serviceName }) });
    },
    [mutate, serviceId, serviceName],
  );
  const held = useUndoWindow(send);

  // Rancher's own answer (its action links) says which verbs the service's state allows.
  const allowed = offeredVerbs(service.allowedVerbs, { operate: canOperate, upgrade: canUpgrade });
  const isBusy = action.isPending || held.scheduled !== null || service.transitioning === 'yes';

  function confirm() {
    if (!asking) return;
    const verb = asking;
    setAsking(null);
    setPending(null);
    action.reset();
    if (verbCopy[verb].undoable) held.schedule(verb);
    else send(verb);
  }

  if (!canOperate && !canUpgrade) return null;
  const copy = asking ? verbCopy[asking] : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {allowed.map((verb) => (
        <Button key={verb} disabled={isBusy} onClick={() => setAsking(verb)} aria-label={`${verbCopy[verb].label} ${service.name}`}>
          {verbCopy[verb].label}
        </Button>
      ))}
      <ActionProgress
        held={held.scheduled ? { verb: held.scheduled.value, dueAt: held.scheduled.dueAt } : null}
        pending={pending}
        sending={action.isPending && action.variables ? { verb: action.variables.verb, since: action.submittedAt } : null}
        service={service}
        error={action.error}
        onUndo={held.undo}
        onStartAgain={canOperate ? () => send('start') : null}
        onDismiss={() => {
          setPending(null);
          action.reset();
        }}
      />
      <EnvironmentConfirmDialog
        open={copy !== null}
        title={copy ? `${copy.confirm} ${service.name} in ${stackPhrase(stackName, service.environment)}?` : ''}
        confirmLabel={copy?.label ?? ''}
        tone={copy?.tone}
        environment={service.environment}
        typeToConfirm={asking ? typedConfirmation(asking, stackName, service.environment) : undefined}
        onConfirm={confirm}
        onCancel={() => setAsking(null)}
      >
        {copy ? <p>{copy.effect(service.name, service.containers.length)}</p> : null}
      </EnvironmentConfirmDialog>
    </div>
  );
}
