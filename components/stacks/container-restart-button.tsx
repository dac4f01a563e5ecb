'use client';

import { useState } from 'react';
import { useContainerRestart } from '@/lib/client/queries/use-service-action';
import type { ContainerView } from '@/lib/domain/stacks/stack-schemas';
import { ConfirmDialog } from './confirm-dialog';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';

export function ContainerRestartButton({ stackId, container }: { stackId: string; container: ContainerView }) {
  const restart = useContainerRestart(stackId);
  const [isAsking, setIsAsking] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      {restart.error ? <span className="text-xs text-red-800 dark:text-red-300">{restart.error.message}</span> : null}
      <button
        type="button"
        disabled={restart.isPending || isTransitional(container.state)}
        onClick={() => setIsAsking(true)}
        aria-label={`Restart container ${container.name}`}
        className="rounded px-2 py-0.5 text-xs ring-1 ring-inset ring-slate-300 hover:bg-slate-100 disabled:opacity-50 dark:ring-slate-600 dark:hover:bg-slate-800"
      >
        Restart
      </button>
      <ConfirmDialog
        open={isAsking}
        title={`Restart container ${container.name}?`}
        confirmLabel="Restart"
        onConfirm={() => {
          setIsAsking(false);
          restart.mutate(container.id);
        }}
        onCancel={() => setIsAsking(false)}
      >
        <p>The container stops and starts again; the service’s other containers keep serving meanwhile.</p>
      </ConfirmDialog>
    </span>
  );
}
