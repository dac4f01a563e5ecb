'use client';

import { useState } from 'react';
import { EnvironmentConfirmDialog } from '@/components/stacks/environment-confirm-dialog';
import { stackPhrase, verbCopy } from '@/components/stacks/service-action-copy';
import type { ServiceDetailView } from '@/lib/domain/stacks/stack-schemas';
import { imageOfLaunchConfig as imageOf } from '@/lib/domain/upgrade/image-parts';
import { ContainerHealthList } from './container-health-list';
import { sectionClass } from './form-styles';
import { Button } from '@/components/ui/button';

type Verb = 'finish-upgrade' | 'rollback';

/**
 * Replaces the form while the service is `upgraded`: what runs now and what it replaced, the containers
 * with their health, and Finish or Roll back, each behind a confirm that says what it does.
 */
export function UpgradeAwaitingFinish({ service, stackName, isBusy, onAction }: { service: ServiceDetailView; stackName: string; isBusy: boolean; onAction: (verb: Verb) => void }) {
  const [asking, setAsking] = useState<Verb | null>(null);
  const now = imageOf(service.launchConfig);
  const before = imageOf(service.previousLaunchConfig);
  const copy = asking ? verbCopy[asking] : null;
  return (
    <section className={sectionClass} aria-labelledby="upgrade-awaiting-title">
      <h3 id="upgrade-awaiting-title" className="text-base font-semibold">
        Check the new version
      </h3>
      <p className="text-sm">
        {now ? (
          <>
            Running <code className="font-mono">{now}</code>
            {before && before !== now ? (
              <>
                {' '}
                (was <code className="font-mono">{before}</code>)
              </>
            ) : null}
            .{' '}
          </>
        ) : null}
        Rancher keeps the old containers stopped until you finish, so rolling back is quick.
      </p>
      <ContainerHealthList containers={service.containers} />
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={isBusy} onClick={() => setAsking('finish-upgrade')}>
          Finish upgrade
        </Button>
        <Button disabled={isBusy} onClick={() => setAsking('rollback')}>
          Roll back
        </Button>
      </div>
      <EnvironmentConfirmDialog
        open={copy !== null}
        title={copy ? `${copy.confirm} of ${service.name} in ${stackPhrase(stackName, service.environment)}?` : ''}
        confirmLabel={copy?.label ?? ''}
        tone={copy?.tone}
        environment={service.environment}
        onConfirm={() => {
          if (asking) onAction(asking);
          setAsking(null);
        }}
        onCancel={() => setAsking(null)}
      >
        {copy ? <p>{copy.effect(service.name, service.containers.length)}</p> : null}
      </EnvironmentConfirmDialog>
    </section>
  );
}
