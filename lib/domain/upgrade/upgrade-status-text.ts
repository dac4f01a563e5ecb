import type { ServiceView } from '@/lib/domain/stacks/stack-schemas';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';

/** What the panel last asked Rancher to do, remembered so progress can count the new containers. */
export interface UpgradeStep {
  kind: 'upgrade' | 'redeploy' | 'finish-upgrade' | 'rollback';
  startedAt: number;
  /** Container ids before the upgrade: any other id is a new container. */
  containersBefore: readonly string[];
}

export interface StatusText {
  text: string;
  tone: 'idle' | 'busy' | 'ok' | 'warn' | 'bad';
}

/** Exactly the words the issue asks for once Rancher has rolled the upgrade out. */
export const awaitingFinishText = 'Upgraded: check the service, then Finish or Roll back.';

const sendingText: Record<UpgradeStep['kind'], (name: string) => string> = {
  upgrade: (name) => `Sending the upgrade of ${name}…`,
  redeploy: (name) => `Sending the redeploy of ${name}…`,
  'finish-upgrade': (name) => `Finishing the upgrade of ${name}…`,
  rollback: (name) => `Rolling back ${name}…`,
};

type StatusService = Pick<ServiceView, 'name' | 'state' | 'transitioning' | 'transitioningMessage' | 'containers' | 'scale'>;

/**
 * The one line the upgrade panel's live region says: what is being sent, how far the rollout is (new
 * containers running out of the scale), that the upgrade waits for Finish or Roll back, or how it ended.
 *
 * @example upgradeStatusText({ service: { name: 'web', state: 'rolling-back', transitioning: 'yes', ... }, step: null, sending: null, now: 0 }).text
 *   // 'Rolling back web to its previous configuration…'
 */
export function upgradeStatusText({ service, step, sending, now }: { service: StatusService; step: UpgradeStep | null; sending: UpgradeStep['kind'] | null; now: number }): StatusText {
  const { name, state } = service;
  if (sending) return { text: sendingText[sending](name), tone: 'busy' };
  if (service.transitioning === 'error') return { text: `${name} did not settle: it is ${state}${service.transitioningMessage ? ` (${service.transitioningMessage})` : ''}.`, tone: 'bad' };
  if (state === 'upgraded') return { text: awaitingFinishText, tone: 'warn' };
  const seconds = step ? ` ${Math.max(0, Math.round((now - step.startedAt) / 1000))} s` : '';
  if (state === 'upgrading') {
    if (!step) return { text: `Upgrading ${name}…`, tone: 'busy' };
    const before = new Set(step.containersBefore);
    const running = service.containers.filter((c) => !before.has(c.id) && c.state === 'running').length;
    return { text: `Upgrading ${name}: ${running} of ${service.scale} new ${service.scale === 1 ? 'container' : 'containers'} running…${seconds}`, tone: 'busy' };
  }
  if (state === 'finishing-upgrade') return { text: `Finishing the upgrade of ${name}: removing the old containers…${seconds}`, tone: 'busy' };
  if (state === 'rolling-back') return { text: `Rolling back ${name} to its previous configuration…${seconds}`, tone: 'busy' };
  if (service.transitioning === 'yes' || isTransitional(state)) return { text: `${name} is ${state}…`, tone: 'busy' };
  if (!step) return { text: '', tone: 'idle' };
  if (step.kind === 'rollback') return { text: `Rolled back: ${name} is restored to its previous configuration.`, tone: 'ok' };
  if (step.kind === 'finish-upgrade') return { text: `Finished: ${name} keeps the new version and its old containers are removed.`, tone: 'ok' };
  return { text: `${name} is ${state}.`, tone: state === 'active' ? 'ok' : 'warn' };
}
