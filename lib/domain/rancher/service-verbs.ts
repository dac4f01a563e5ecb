/**
 * The portal's verbs on a service, as the API and the policy spell them (`POST …/services/{id}/{verb}`,
 * the policy's `op`, the audit's `service.<verb>`). Each maps to one Rancher action.
 */
export const serviceVerbs = ['stop', 'start', 'restart', 'upgrade', 'finish-upgrade', 'rollback'] as const;
export type ServiceVerb = (typeof serviceVerbs)[number];

/** What an upgraded service waits for: keep the new version, or go back. */
export const upgradeDecisions = ['finish-upgrade', 'rollback'] as const;
export type UpgradeDecision = (typeof upgradeDecisions)[number];

/** The verbs with a button and a route of their own (an upgrade has its form), in the buttons' order. */
export const serviceActionVerbs = [...upgradeDecisions, 'restart', 'stop', 'start'] as const;
export type ServiceActionVerb = (typeof serviceActionVerbs)[number];

/** Rancher's plain lifecycle actions; a mis-tagged stack may still take these. */
export const lifecycleVerbs = ['stop', 'start', 'restart'] as const;
export type LifecycleVerb = (typeof lifecycleVerbs)[number];

export function isLifecycleVerb(verb: string | undefined): verb is LifecycleVerb {
  return (lifecycleVerbs as readonly (string | undefined)[]).includes(verb);
}

/** The Rancher action behind each verb (rancher-api.md §5.2): present in a service's `actions` when allowed. */
export const rancherActions: Record<ServiceVerb, string> = {
  stop: 'deactivate',
  start: 'activate',
  restart: 'restart',
  upgrade: 'upgrade',
  'finish-upgrade': 'finishupgrade',
  rollback: 'rollback',
};

/** Finishing or rolling back an upgrade is part of upgrading; the lifecycle verbs need `operate`. */
export function rightFor(verb: ServiceVerb): 'operate' | 'upgrade' {
  return isLifecycleVerb(verb) ? 'operate' : 'upgrade';
}

/** The buttons a person gets: what Rancher allows on the service now, within their rights, in order. */
export function offeredVerbs(allowed: readonly ServiceVerb[], may: { operate: boolean; upgrade: boolean }): ServiceActionVerb[] {
  return serviceActionVerbs.filter((verb) => allowed.includes(verb) && may[rightFor(verb)]);
}
