'use client';

import { useSyncExternalStore } from 'react';
import type { ServiceActionVerb } from '@/lib/queries/use-service-action';
import type { ServiceView } from '@/lib/stacks/stack-schemas';
import { verbCopy } from './service-action-copy';
import { isTransitional } from '@/lib/rancher/transitional-state';

export interface PendingAction {
  verb: ServiceActionVerb;
  startedAt: number;
  serviceName: string;
}

function subscribeSecond(listener: () => void): () => void {
  const timer = setInterval(listener, 1000);
  return () => clearInterval(timer);
}

/**
 * Says how an action goes: "Restarting web… 4 s" while Rancher works, then in words whether it worked,
 * with Rancher's reason when it did not. Announced to screen readers as it changes.
 */
export function ActionProgress({
  pending,
  sending,
  service,
  error,
  onDismiss,
}: {
  pending: PendingAction | null;
  sending: ServiceActionVerb | null;
  service: ServiceView;
  error: Error | null;
  onDismiss: () => void;
}) {
  const now = useSyncExternalStore(subscribeSecond, () => Math.floor(Date.now() / 1000), () => 0);
  let message: string | null = null;
  let tone: 'busy' | 'ok' | 'bad' = 'busy';
  if (error) {
    message = error.message;
    tone = 'bad';
  } else if (sending) {
    message = `${verbCopy[sending].progress} ${service.name}…`;
  } else if (pending) {
    const copy = verbCopy[pending.verb];
    const seconds = Math.max(0, now - Math.floor(pending.startedAt / 1000));
    const settled = service.transitioning !== 'yes' && !isTransitional(service.state);
    if (!settled) {
      message = `${copy.progress} ${pending.serviceName}… ${seconds} s (${service.state})`;
    } else if (service.transitioning === 'error' || service.state !== copy.settlesIn) {
      message = `${pending.serviceName} did not settle as expected: it is ${service.state}${service.transitioningMessage ? ` (${service.transitioningMessage})` : ''}.`;
      tone = 'bad';
    } else {
      message = `${pending.serviceName} ${copy.done}.`;
      tone = 'ok';
    }
  }
  const colours = { busy: 'text-sky-800 dark:text-sky-300', ok: 'text-emerald-800 dark:text-emerald-300', bad: 'text-red-800 dark:text-red-300' };
  return (
    <span role="status" aria-live="polite" className={`text-sm ${colours[tone]}`} data-testid="action-status">
      {message}
      {message && tone !== 'busy' ? (
        <button type="button" onClick={onDismiss} className="ml-2 text-xs underline">
          Dismiss
        </button>
      ) : null}
    </span>
  );
}
