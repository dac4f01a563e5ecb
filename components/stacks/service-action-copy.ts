import type { ServiceActionVerb } from '@/lib/domain/rancher/service-verbs';
import type { EnvironmentView } from '@/lib/domain/stacks/stack-schemas';

interface VerbCopy {
  label: string;
  confirm: string;
  /** What happens, in the dialog: names the service and its containers. */
  effect: (service: string, containers: number) => string;
  progress: string;
  done: string;
  /** The state Rancher settles in when the action worked. */
  settlesIn: string;
  tone: 'default' | 'danger';
  /** Held for the undo window before it is sent (components/stacks/use-undo-window.ts). */
  undoable: boolean;
}

export const verbCopy: Record<ServiceActionVerb, VerbCopy> = {
  stop: {
    label: 'Stop',
    confirm: 'Stop service',
    effect: (s, n) => `Stop takes ${s} offline until you start it: its ${n === 1 ? 'container stops' : `${n} containers stop`} and requests to it fail.`,
    progress: 'Stopping',
    done: 'stopped',
    settlesIn: 'inactive',
    tone: 'danger',
    undoable: true,
  },
  start: {
    label: 'Start',
    confirm: 'Start service',
    effect: (s) => `Start brings ${s} back: Rancher starts its containers again.`,
    progress: 'Starting',
    done: 'started',
    settlesIn: 'active',
    tone: 'default',
    undoable: false,
  },
  restart: {
    label: 'Restart',
    confirm: 'Restart service',
    effect: (s, n) =>
      n > 1
        ? `Restart replaces ${s}'s ${n} containers one at a time, so it stays up while they restart.`
        : `Restart stops and starts ${s}'s container: it is briefly unavailable.`,
    progress: 'Restarting',
    done: 'restarted',
    settlesIn: 'active',
    tone: 'default',
    undoable: true,
  },
  'finish-upgrade': {
    label: 'Finish upgrade',
    confirm: 'Finish upgrade',
    effect: (s) => `Finish keeps the new version of ${s} and removes the old containers. After this, roll back is no longer possible.`,
    progress: 'Finishing the upgrade of',
    done: 'upgraded for good',
    settlesIn: 'active',
    tone: 'default',
    undoable: false,
  },
  rollback: {
    label: 'Roll back',
    confirm: 'Roll back upgrade',
    effect: (s) => `Roll back returns ${s} to the configuration it had before the upgrade and removes the new containers.`,
    progress: 'Rolling back',
    done: 'rolled back to its previous configuration',
    settlesIn: 'active',
    tone: 'danger',
    undoable: false,
  },
};

/** "stack foo" or "production stack foo": confirm titles say which one they change. */
export function stackPhrase(stackName: string, environment: EnvironmentView): string {
  return environment.production ? `production stack ${stackName}` : `stack ${stackName}`;
}

/** On production, a stop or an upgrade asks for the stack's name to be typed; elsewhere one click confirms. */
export function typedConfirmation(verb: ServiceActionVerb | 'upgrade', stackName: string, environment: EnvironmentView): string | undefined {
  return environment.production && (verb === 'stop' || verb === 'upgrade') ? stackName : undefined;
}

/**
 * What restarting one container really does: with other containers of the service running, they keep
 * serving; alone, the service is down until the container is back.
 */
export function containerRestartEffect(container: string, service: string, othersRunning: number): string {
  if (othersRunning === 0) return `${container} stops and starts again. It is the only running container of ${service}, so ${service} is down until it is back, usually a few seconds.`;
  const others = othersRunning === 1 ? 'other running container keeps' : `${othersRunning} other running containers keep`;
  return `${container} stops and starts again; ${service}'s ${others} serving meanwhile.`;
}
