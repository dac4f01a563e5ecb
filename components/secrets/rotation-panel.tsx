'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { stackKeys } from '@/lib/client/queries/stack-keys';
import { fetchJson } from '@/lib/client/queries/fetch-json';
import { secretPath } from '@/lib/domain/secrets/secret-changes';
import { postUpgrade } from '@/lib/domain/upgrade/post-upgrade';
import type { EnvironmentView, ServiceView } from '@/lib/domain/stacks/stack-schemas';
import { EnvironmentConfirmDialog } from '@/components/stacks/environment-confirm-dialog';
import { stackPhrase, typedConfirmation } from '@/components/stacks/service-action-copy';
import { Button } from '@/components/ui/button';
import type { ReplacedSecret } from '@/lib/domain/secrets/stack-secrets';

type Step = 'preview' | 'upgrading' | 'finishing' | 'finished';

/**
 * After "Replace value": one preview of every service to move to the new secret, then one Upgrade for
 * all, one Finish for all, and the offer to remove the old secret. Each upgrade goes through the usual
 * route, so the policy checks and records each one.
 */
export function RotationPanel({
  stack,
  rotation,
  services,
  onRemoveOld,
  onDone,
}: {
  stack: { id: string; name: string; environment: EnvironmentView };
  rotation: ReplacedSecret;
  services: readonly ServiceView[];
  onRemoveOld: () => void;
  onDone: () => void;
}) {
  const stackId = stack.id;
  const qc = useQueryClient();
  const [step, setStep] = useState<Step>('preview');
  const [isConfirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const targets = rotation.upgrades.map((u) => ({ ...u, service: services.find((s) => s.id === u.serviceId) }));
  const allUpgraded = targets.every((t) => t.service?.state === 'upgraded');
  const allActive = targets.every((t) => t.service?.state === 'active' && t.service.transitioning !== 'yes');

  async function each(work: (serviceId: string) => Promise<unknown>, next: Step) {
    setProblem(null);
    try {
      for (const t of targets) await work(t.serviceId);
      setStep(next);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      // The services are moving: follow them (and who mounts what) at once rather than at the next poll.
      void qc.invalidateQueries({ queryKey: stackKeys.all });
    }
  }

  return (
    <section aria-labelledby="rotation-heading" className="space-y-3 rounded-md border border-brand-600/40 p-3">
      <h3 id="rotation-heading" className="text-sm font-semibold">
        Replacing {rotation.replaces.name} by {rotation.secret.name}
      </h3>
      {targets.length === 0 ? <p className="text-sm">No service mounts {rotation.replaces.name}; mount {rotation.secret.name} from a service’s Upgrade tab.</p> : null}
      <ul data-testid="rotation-preview" className="space-y-1 text-sm">
        {targets.map((t) => (
          <li key={t.serviceId}>
            <span className="font-medium">{t.serviceName}</span>: mounts <span className="font-mono">{secretPath(rotation.secret.filename)}</span> instead of the old file
            {t.change.environment ? (
              <>
                ; {Object.keys(t.change.environment).join(', ')} → <span className="font-mono">{secretPath(rotation.secret.filename)}</span>
              </>
            ) : null}
            {t.service ? <span className="text-slate-600 dark:text-slate-400"> ({t.service.state})</span> : null}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        {step === 'preview' && targets.length > 0 ? (
          <Button variant="primary" onClick={() => setConfirming(true)}>
            Upgrade {targets.length === 1 ? targets[0]?.serviceName : `all ${targets.length} services`}
          </Button>
        ) : null}
        {step === 'upgrading' ? (
          <Button
            variant="primary"
            disabled={!allUpgraded}
            onClick={() => void each((id) => fetchJson(`/api/v1/stacks/${encodeURIComponent(stackId)}/services/${encodeURIComponent(id)}/finish-upgrade`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 'finishing')}
          >
            {allUpgraded ? 'Finish upgrade' : 'Upgrading…'}
          </Button>
        ) : null}
        {(step === 'finishing' && allActive) || targets.length === 0 ? (
          <Button
            variant="danger"
            onClick={() => {
              setStep('finished');
              onRemoveOld();
            }}
          >
            Remove {rotation.replaces.name}
          </Button>
        ) : null}
        <Button onClick={onDone}>{step === 'finished' ? 'Close' : 'Keep the old secret for now'}</Button>
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      ) : null}
      <EnvironmentConfirmDialog
        open={isConfirming}
        title={`Upgrade ${targets.map((t) => t.serviceName).join(', ')} in ${stackPhrase(stack.name, stack.environment)}?`}
        confirmLabel="Upgrade"
        environment={stack.environment}
        typeToConfirm={typedConfirmation('upgrade', stack.name, stack.environment)}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void each((id) => postUpgrade(stackId, id, { launchConfig: targets.find((t) => t.serviceId === id)?.change ?? {} }), 'upgrading');
        }}
      >
        <p>Rancher replaces the containers of each service with the new secret mounted. Finish afterwards, then remove {rotation.replaces.name}.</p>
      </EnvironmentConfirmDialog>
    </section>
  );
}
