'use client';

import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ServiceActionVerb } from '@/lib/domain/rancher/service-verbs';
import type { ServiceView } from '@/lib/domain/stacks/stack-schemas';
import { verbCopy } from './service-action-copy';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';
import { Button } from '@/components/ui/button';

export interface PendingAction {
  verb: ServiceActionVerb;
  startedAt: number;
  serviceName: string;
}

/** Rancher's own word on the step it is at ("Starting container 2 of 3"), while it works. */
function rancherStep(service: ServiceView): string | null {
  return service.transitioning === 'yes' && service.transitioningMessage ? `${service.state}: ${service.transitioningMessage}` : null;
}

function subscribeSecond(listener: () => void): () => void {
  const timer = setInterval(listener, 1000);
  return () => clearInterval(timer);
}

/**
 * Says how an action goes: "Stopping web in 4 s" with Undo while the action is held in the browser,
 * "Restarting web… 4 s" while Rancher works, then in words whether it worked, with Rancher's reason
 * when it did not; a finished stop offers "Start again". Announced to screen readers as it changes.
 */
export function ActionProgress({
  held,
  pending,
  sending,
  service,
  error,
  onUndo,
  onStartAgain,
  onDismiss,
}: {
  held: { verb: ServiceActionVerb; dueAt: number } | null;
  pending: PendingAction | null;
  /** The action on its way to Rancher, and since when (Rancher may take many seconds to answer). */
  sending: { verb: ServiceActionVerb; since: number } | null;
  service: ServiceView;
  error: Error | null;
  onUndo: () => void;
  /** Null when the user may not start the service. */
  onStartAgain: (() => void) | null;
  onDismiss: () => void;
}) {
  const now = useSyncExternalStore(subscribeSecond, () => Math.floor(Date.now() / 1000), () => 0);
  const undoRef = useRef<HTMLButtonElement>(null);
  const isHeld = held !== null;
  useEffect(() => {
    // After the confirm dialog closes (and hands focus back to a button now disabled), Undo takes it.
    if (!isHeld) return;
    const frame = requestAnimationFrame(() => undoRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [isHeld]);

  let message: string | null = null;
  let tone: 'busy' | 'ok' | 'bad' = 'busy';
  let offersStart = false;
  if (held) {
    const left = Math.max(1, Math.floor(held.dueAt / 1000) - now);
    message = `${verbCopy[held.verb].progress} ${service.name} in ${left} s`;
  } else if (error) {
    message = error.message;
    tone = 'bad';
  } else if (sending) {
    const seconds = Math.max(0, now - Math.floor(sending.since / 1000));
    message = `${verbCopy[sending.verb].progress} ${service.name}… ${seconds} s (${rancherStep(service) ?? 'waiting for Rancher to answer'})`;
  } else if (pending) {
    const copy = verbCopy[pending.verb];
    const seconds = Math.max(0, now - Math.floor(pending.startedAt / 1000));
    const settled = service.transitioning !== 'yes' && !isTransitional(service.state);
    if (!settled) {
      const noUndo = pending.verb === 'restart' ? ' — a restart once sent cannot be undone' : '';
      message = `${copy.progress} ${pending.serviceName}… ${seconds} s (${rancherStep(service) ?? service.state})${noUndo}`;
    } else if (service.transitioning === 'error' || service.state !== copy.settlesIn) {
      message = `${pending.serviceName} did not settle as expected: it is ${service.state}${service.transitioningMessage ? ` (${service.transitioningMessage})` : ''}.`;
      tone = 'bad';
    } else {
      message = `${pending.serviceName} ${copy.done}.`;
      tone = 'ok';
      offersStart = pending.verb === 'stop' && onStartAgain !== null;
    }
  }
  const colours = { busy: 'text-sky-800 dark:text-sky-300', ok: 'text-emerald-800 dark:text-emerald-300', bad: 'text-red-800 dark:text-red-300' };
  // Links in the status line's own colour, so the line reads as one message.
  const link = 'ml-2 text-xs text-current hover:text-current dark:text-current dark:hover:text-current';
  return (
    <span role="status" aria-live="polite" className={`text-sm ${colours[tone]}`} data-testid="action-status">
      {message}
      {held ? (
        <Button ref={undoRef} variant="link" onClick={onUndo} className={`${link} font-semibold`}>
          Undo
        </Button>
      ) : null}
      {offersStart ? (
        <Button variant="link" onClick={() => onStartAgain?.()} className={link}>
          Start again
        </Button>
      ) : null}
      {message && !held && tone !== 'busy' ? (
        <Button variant="link" onClick={onDismiss} className={link}>
          Dismiss
        </Button>
      ) : null}
    </span>
  );
}
