import type { Environment } from '@/lib/domain/rancher/types';

/** An activity entry as the API sends it to the browser (the audit event, addresses kept for staff only). */
export interface ActivityEvent {
  id: string;
  time: string;
  actor: string;
  clientAddress: string | null;
  requestId: string | null;
  action: string;
  stackId: string | null;
  stackName: string | null;
  serviceId: string | null;
  serviceName: string | null;
  containerName: string | null;
  details: Record<string, unknown> | null;
  outcome: 'ok' | 'denied' | 'failed' | 'unknown';
  code: string | null;
  durationMs: number | null;
  /** The Rancher environment acted in; null for sign-ins and for rows older than environments. */
  environment: Environment | null;
}

/** The words a row uses for each action ("restarted"), which the staff filter offers instead of action ids. */
export const activityVerbs: Readonly<Record<string, string>> = {
  'login.success': 'signed in',
  'login.failure': 'failed to sign in',
  logout: 'signed out',
  'service.stop': 'stopped',
  'service.start': 'started',
  'service.restart': 'restarted',
  'service.upgrade': 'upgraded',
  'service.finish-upgrade': 'finished the upgrade of',
  'service.rollback': 'rolled back',
  'container.restart': 'restarted container',
  'logs.open': 'opened the logs of',
  'logs.close': 'closed the logs of',
  'shell.open': 'opened a shell in',
  'shell.close': 'closed a shell in',
  'session.end': 'ended one of their sessions',
  'session.end-all': 'ended every session of',
  'session.expire': 'was signed out by the session limit',
};

const attempts: Record<string, string> = {
  'service.stop': 'tried to stop',
  'service.start': 'tried to start',
  'service.restart': 'tried to restart',
  'service.upgrade': 'tried to upgrade',
  'service.finish-upgrade': 'tried to finish the upgrade of',
  'service.rollback': 'tried to roll back',
  'container.restart': 'tried to restart container',
  'logs.open': 'tried to open the logs of',
  'shell.open': 'tried to open a shell in',
  'session.end-all': 'tried to end every session of',
};

/** Whose sessions a `session.end-all` ended: `details.uid`. */
function sessionOwner(event: ActivityEvent): string {
  return typeof event.details?.uid === 'string' ? event.details.uid : event.actor;
}

/** "fred restarted web", "barney tried to stop db": who did what to which, in words. */
export function describeActivity(event: ActivityEvent): string {
  const failed = event.outcome === 'denied' || event.outcome === 'failed';
  if (event.action === 'session.end-all' && !failed && sessionOwner(event) === event.actor) return `${event.actor} signed out everywhere`;
  const verb = (failed ? attempts[event.action] : undefined) ?? activityVerbs[event.action] ?? event.action;
  const target = targetOf(event);
  return `${event.actor} ${verb}${target ? ` ${target}` : ''}`;
}

/** What an action was done to: a container, service or stack; a person for sessions ended by staff. */
function targetOf(event: ActivityEvent): string {
  if (event.action === 'session.end-all') return sessionOwner(event);
  if (event.action.startsWith('session.') || event.action.startsWith('login') || event.action === 'logout') return '';
  return event.containerName ?? event.serviceName ?? event.stackName ?? '';
}
