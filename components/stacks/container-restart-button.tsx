'use client';

import { useState } from 'react';
import { useContainerRestart } from '@/lib/client/queries/use-service-action';
import type { ContainerView, EnvironmentView } from '@/lib/domain/stacks/stack-schemas';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';
import { Button } from '@/components/ui/button';
import { EnvironmentConfirmDialog } from './environment-confirm-dialog';
import { containerRestartEffect, stackPhrase } from './service-action-copy';

export interface RestartTarget {
  stackId: string;
  stackName: string;
  serviceName: string;
  environment: EnvironmentView;
  /** Running containers of the service other than this one: whether the service stays up. */
  othersRunning: number;
}

/** Restarts one running container, after a confirm that says what happens to its service meanwhile. */
export function ContainerRestartButton({ target, container }: { target: RestartTarget; container: ContainerView }) {
  const restart = useContainerRestart(target.stackId);
  const [isAsking, setIsAsking] = useState(false);
  return (
    <>
      {restart.error ? <span className="text-xs text-red-800 dark:text-red-300">{restart.error.message}</span> : null}
      <Button size="xs" disabled={restart.isPending || isTransitional(container.state)} onClick={() => setIsAsking(true)} aria-label={`Restart container ${container.name}`}>
        Restart
      </Button>
      <EnvironmentConfirmDialog
        open={isAsking}
        environment={target.environment}
        title={`Restart container ${container.name} of ${target.serviceName} in ${stackPhrase(target.stackName, target.environment)}?`}
        confirmLabel="Restart"
        onConfirm={() => {
          setIsAsking(false);
          restart.mutate(container.id);
        }}
        onCancel={() => setIsAsking(false)}
      >
        <p>{containerRestartEffect(container.name, target.serviceName, target.othersRunning)}</p>
      </EnvironmentConfirmDialog>
    </>
  );
}
