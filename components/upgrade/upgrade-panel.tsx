'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useServiceAction } from '@/lib/client/queries/use-service-action';
import { serviceQueryOptions } from '@/lib/client/queries/use-service';
import type { UpgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import type { ServiceDetailView, StackView } from '@/lib/domain/stacks/stack-schemas';
import type { UpgradeContext } from '@/lib/domain/upgrade/check-proposed';
import { imageOfLaunchConfig } from '@/lib/domain/upgrade/image-parts';
import { redeployUpgrade } from '@/lib/domain/upgrade/redeploy-change';
import { upgradeStatusText, type UpgradeStep } from '@/lib/domain/upgrade/upgrade-status-text';
import { useUpgradeService } from '@/lib/client/queries/use-upgrade-service';
import { EnvironmentConfirmDialog } from '@/components/stacks/environment-confirm-dialog';
import { stackPhrase, typedConfirmation } from '@/components/stacks/service-action-copy';
import { ContainerHealthList } from './container-health-list';
import { RedeploySection } from './redeploy-section';
import { RevertSection } from './revert-section';
import { UpgradeAwaitingFinish } from './upgrade-awaiting-finish';
import { UpgradeForm } from './upgrade-form';
import { UpgradeRefusalNotice } from './upgrade-refusal-notice';
import { UpgradeStatus } from './upgrade-status';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';
import { useStackSecrets } from '@/components/secrets/use-stack-secrets';

export interface UpgradePanelProps {
  stackId: string;
  stackName: string;
  stackTags: StackView['tags'];
  stackServices: { name: string; state: string }[];
  /** What the policy needs that the page knows: the stack's containers, who is looking, the allowed host paths. */
  policyContext: Pick<UpgradeContext, 'stackContainers' | 'actorRole' | 'allowedHostPaths'>;
  service: ServiceDetailView;
  /** An image the form opens with instead of the current one (a promotion from dev). */
  prefillImage?: string;
}

function subscribeSecond(listener: () => void): () => void {
  const timer = setInterval(listener, 1000);
  return () => clearInterval(timer);
}

/**
 * The service page's Upgrade tab: form → Preview → Upgrade → live progress → Finish or Roll back, plus
 * Redeploy. While the service is `upgraded`, the form gives way to the Finish / Roll back box; while
 * Rancher moves it, to the progress. `service` is expected to be the live (polled) service.
 */
export function UpgradePanel({ stackId, stackName, stackTags, stackServices, policyContext, service, prefillImage }: UpgradePanelProps) {
  const qc = useQueryClient();
  const upgrade = useUpgradeService(stackId, service.id);
  const action = useServiceAction(stackId);
  const [step, setStep] = useState<UpgradeStep | null>(null);
  const [sending, setSending] = useState<UpgradeStep['kind'] | null>(null);
  const [revertFor, setRevertFor] = useState<string | null>(null);
  // On production an upgrade waits here for the stack's name to be typed.
  const [held, setHeld] = useState<UpgradeInput | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const seconds = useSyncExternalStore(subscribeSecond, () => Math.floor(Date.now() / 1000), () => 0);

  // A stable object per configuration, so polling the same service does not re-run the policy check.
  const configKey = JSON.stringify(service.launchConfig);
  const current = useMemo(() => JSON.parse(configKey) as Record<string, unknown> | null, [configKey]);
  const servicesKey = JSON.stringify(stackServices);
  const tagsKey = JSON.stringify(stackTags);
  const policyKey = JSON.stringify(policyContext);
  const secrets = useStackSecrets(stackId).data;
  // Mounts name secrets by id: the check needs their names to keep every mount to this stack's own.
  const secretNamesKey = secrets ? JSON.stringify(Object.fromEntries(secrets.map((s) => [s.id, s.name]))) : null;
  const context = useMemo<UpgradeContext>(
    () => ({
      serviceName: service.name,
      stackName,
      stackTags: JSON.parse(tagsKey) as StackView['tags'],
      stackServices: JSON.parse(servicesKey) as UpgradeContext['stackServices'],
      ...(JSON.parse(policyKey) as UpgradePanelProps['policyContext']),
      ...(secretNamesKey ? { secretNames: JSON.parse(secretNamesKey) as Record<string, string> } : {}),
    }),
    [service.name, stackName, tagsKey, servicesKey, policyKey, secretNamesKey],
  );

  const isBusy = sending !== null || service.transitioning === 'yes' || isTransitional(service.state);
  const phase = !current ? 'none' : service.state === 'upgraded' ? 'awaiting' : isBusy ? 'busy' : 'form';
  const status = upgradeStatusText({ service, step, sending, now: seconds * 1000 });
  const error = upgrade.error ?? action.error;

  // The button that was pressed disappears with its phase; keep the keyboard user in the panel.
  useEffect(() => {
    if (typeof document !== 'undefined' && (document.activeElement === document.body || document.activeElement === null)) headingRef.current?.focus();
  }, [phase]);

  function begin(kind: UpgradeStep['kind']) {
    const containersBefore = service.containers.map((c) => c.id);
    upgrade.reset();
    action.reset();
    setStep(null);
    setSending(kind);
    return { onSuccess: () => setStep({ kind, startedAt: Date.now(), containersBefore }), onSettled: () => setSending(null) };
  }

  function send(kind: 'upgrade' | 'redeploy', input: UpgradeInput) {
    upgrade.mutate(input, begin(kind));
  }

  function act(verb: 'finish-upgrade' | 'rollback') {
    const { onSuccess, onSettled } = begin(verb);
    action.mutate(
      { serviceId: service.id, verb },
      {
        onSuccess: (answer) => {
          qc.setQueryData<ServiceDetailView>(serviceQueryOptions(stackId, service.id).queryKey, (old) => (old ? { ...old, ...answer } : old));
          onSuccess();
        },
        onSettled,
      },
    );
  }

  const redeploy = current ? redeployUpgrade(current) : null;
  const revertible = service.revertibleLaunchConfig;
  // A revert applies to the configuration it was asked on; once that changes, the form starts afresh.
  const isReverting = revertible !== null && revertFor === configKey;
  const image = imageOfLaunchConfig(current) ?? '';
  const isPrefilled = current !== null && !isReverting && prefillImage !== undefined && prefillImage !== image;
  const startFrom = isReverting ? revertible : isPrefilled ? { ...current, imageUuid: `docker:${prefillImage}` } : current;
  return (
    <section aria-labelledby="upgrade-panel-title" className="space-y-4">
      <h2 id="upgrade-panel-title" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        Upgrade {service.name}
      </h2>
      <UpgradeStatus status={status} />
      {error ? <UpgradeRefusalNotice error={error} /> : null}
      {phase === 'none' ? <p className="text-sm">{service.name} has no launch configuration of its own (it may be a load balancer or an external service), so there is nothing to upgrade here.</p> : null}
      {phase === 'awaiting' ? <UpgradeAwaitingFinish service={service} stackName={stackName} isBusy={isBusy} onAction={act} /> : null}
      {phase === 'busy' ? (
<ContainerHealthList containers={service.containers} />
      ) : null}
      {phase === 'form' && current ? (
        <>
          {isPrefilled ? (
            <p data-testid="upgrade-prefilled" className="text-sm">
              The form is filled in with <span className="font-mono">{prefillImage}</span> from development. Preview the change, then upgrade.
            </p>
          ) : null}
          <UpgradeForm
            key={`${configKey}:${isReverting}`}
            current={current}
            startFrom={startFrom ?? current}
            context={context}
            scale={service.scale}
            isSending={sending !== null}
            onUpgrade={(input) => (service.environment.production ? setHeld(input) : send('upgrade', input))}
            stackSecrets={secrets ? { stackId, serviceId: service.id, secrets } : undefined}
          />
          {revertible ? (
            <RevertSection serviceName={service.name} previousImage={imageOfLaunchConfig(revertible) ?? 'another image'} isReverting={isReverting} isDisabled={isBusy} onRevert={() => setRevertFor(configKey)} />
          ) : null}
          <RedeploySection serviceName={service.name} stackName={stackName} environment={service.environment} image={image} isDisabled={!redeploy || isBusy} onRedeploy={() => redeploy && send('redeploy', redeploy)} />
        </>
      ) : null}
      <EnvironmentConfirmDialog
        open={held !== null}
        title={`Upgrade ${service.name} in ${stackPhrase(stackName, service.environment)}?`}
        confirmLabel="Upgrade"
        environment={service.environment}
        typeToConfirm={typedConfirmation('upgrade', stackName, service.environment)}
        onConfirm={() => {
          if (held) send('upgrade', held);
          setHeld(null);
        }}
        onCancel={() => setHeld(null)}
      >
        <p>Rancher replaces the containers of {service.name} with the previewed configuration. Finish or roll back afterwards.</p>
      </EnvironmentConfirmDialog>
    </section>
  );
}
