// What to tell a person whose action Rancher will not take in the resource's current state: the next
// step, not Rancher's code. Pure, so route tests and the UI wording can share it.
import 'server-only';
import { isTransitional } from '@/lib/domain/rancher/transitional-state';

const verbText: Record<string, string> = {
  stop: 'stop',
  start: 'start',
  restart: 'restart',
  upgrade: 'upgrade',
  'finish-upgrade': 'finish the upgrade of',
  rollback: 'roll back',
  logs: 'read the logs of',
  shell: 'open a shell in',
};

/**
 * @example refusalDetail('service', 'upgraded', 'restart')
 *   // 'The service was upgraded and awaits a decision: finish or roll back the upgrade first.'
 */
export function refusalDetail(kind: 'service' | 'container', state: string, verb: string): string {
  const what = `The ${kind}`;
  if (state === 'upgraded') return `${what} was upgraded and awaits a decision: finish or roll back the upgrade first.`;
  if (state === 'canceled-upgrade') return `${what}'s upgrade was canceled: roll it back first.`;
  if (isTransitional(state)) return `${what} is ${state}; wait until it settles, then try again.`;
  if (state === 'removed' || state === 'purged') return `${what} has been removed.`;
  if ((verb === 'finish-upgrade' || verb === 'rollback') && (state === 'active' || state === 'running')) {
    return `${what} has no upgrade to ${verb === 'rollback' ? 'roll back' : 'finish'}.`;
  }
  if (verb === 'restart' && (state === 'inactive' || state === 'stopped')) return `${what} is stopped: start it instead.`;
  if (verb === 'start' && (state === 'active' || state === 'running')) return `${what} is already running.`;
  if (verb === 'stop' && (state === 'inactive' || state === 'stopped')) return `${what} is already stopped.`;
  return `Rancher cannot ${verbText[verb] ?? verb} the ${kind} while it is ${state}.`;
}
