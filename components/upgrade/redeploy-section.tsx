'use client';

import { useState } from 'react';
import { EnvironmentConfirmDialog } from '@/components/stacks/environment-confirm-dialog';
import { stackPhrase, typedConfirmation } from '@/components/stacks/service-action-copy';
import type { EnvironmentView } from '@/lib/domain/stacks/stack-schemas';
import { sectionClass } from './form-styles';
import { Button } from '@/components/ui/button';

/** Same image, pulled again: for a rebuilt image pushed under the tag the service already runs. */
export function RedeploySection({
  serviceName,
  stackName,
  environment,
  image,
  isDisabled,
  onRedeploy,
}: {
  serviceName: string;
  stackName: string;
  environment: EnvironmentView;
  image: string;
  isDisabled: boolean;
  onRedeploy: () => void;
}) {
  const [isAsking, setAsking] = useState(false);
  const why = `Rancher pulls the image when it upgrades a service but may reuse a node's cached copy when it restarts one, so redeploy after pushing a new build of ${image}.`;
  return (
    <section className={sectionClass} aria-labelledby="redeploy-title">
      <h3 id="redeploy-title" className="text-sm font-semibold">
        Pull again
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">{why}</p>
      <Button disabled={isDisabled} onClick={() => setAsking(true)}>
        Redeploy
      </Button>
      <EnvironmentConfirmDialog
        open={isAsking}
        title={`Redeploy ${serviceName} in ${stackPhrase(stackName, environment)}?`}
        confirmLabel="Redeploy"
        environment={environment}
        typeToConfirm={typedConfirmation('upgrade', stackName, environment)}
        onConfirm={() => {
          setAsking(false);
          onRedeploy();
        }}
        onCancel={() => setAsking(false)}
      >
        <p>
          Redeploy upgrades {serviceName} to the same image, {image}, with the label io.rancher.container.pull_image: always, so every node pulls it again and
          replaces the containers. Finish or roll back afterwards, as with any upgrade.
        </p>
      </EnvironmentConfirmDialog>
    </section>
  );
}
