import 'server-only';
import type { Right } from '@/lib/domain/access/rights';
import type { Environment, StackSummary } from '@/lib/domain/rancher/types';
import type { RancherBackend } from '@/lib/rancher/backend';
import { callerRightsOn, type FacadeCaller } from './caller';

export interface VisibleStack {
  stack: StackSummary;
  rights: readonly Right[];
}

/**
 * What one request of the caller may see: the stacks they hold a right on (from the stack-list mirror,
 * decided by lib/domain/access) and the portal's environments. Built once per request.
 */
export interface CallerScope {
  caller: FacadeCaller;
  /** Visible stacks by id. */
  stacks: ReadonlyMap<string, VisibleStack>;
  /** The portal's environments (Rancher projects). */
  environments: readonly Environment[];
  /** The environments holding at least one visible stack: the only projects the caller is shown. */
  projectIds: ReadonlySet<string>;
  may(stackId: string | null | undefined, right: Right): boolean;
  stacksIn(projectId: string): VisibleStack[];
}

export async function callerScope(backend: RancherBackend, caller: FacadeCaller): Promise<CallerScope> {
  const [all, environments] = await Promise.all([backend.listStacks(), backend.environments()]);
  const stacks = new Map<string, VisibleStack>();
  for (const stack of all) {
    const rights = callerRightsOn(caller, stack);
    if (rights.includes('view')) stacks.set(stack.id, { stack, rights });
  }
  const projectIds = new Set([...stacks.values()].map((s) => s.stack.environment.id));
  return {
    caller,
    stacks,
    environments,
    projectIds,
    may: (stackId, right) => Boolean(stackId && stacks.get(stackId)?.rights.includes(right)),
    stacksIn: (projectId) => [...stacks.values()].filter((s) => s.stack.environment.id === projectId),
  };
}
