'use client';

import { useState } from 'react';
import { useContainerRestart } from '@/lib/client/queries/use-service-action';
import type { ContainerView } from '@/lib/domain/stacks/stack-schemas';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';
import { Button } from '@/components/ui/button';

export function ContainerRestartButton({ stackId, container }: { stackId: string; container: ContainerView }) {
  const restart = useContainerRestart(stackId);
  const [isAsking, setIsAsking] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      {restart.error ? <span className="text-xs text-red-800 dark:text-red-300">{restart.error.message}</span> : null}
      <Button size="xs" disabled={restart.isPending || isTransitional(container.state)} onClick={() => setIsAsking(true)} aria-label={`Restart container ${container.name}`}>
        Restart
      </Button>
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
