import { checkUpgrade } from '@/lib/domain/policy/check';
import type { LaunchConfig } from '@/lib/domain/policy/check-input';
import type { PolicyResult } from '@/lib/domain/policy/finding';
import { formatStackTags } from '@/lib/domain/rancher/stack-tags';
import type { StackTags } from '@/lib/domain/rancher/types';
import type { StackView } from '@/lib/domain/stacks/stack-schemas';

/** What the portal knows about an upgrade besides the two launchConfigs: the browser and the route build the same. */
export interface UpgradeContext {
  serviceName: string;
  stackName: string;
  stackTags: StackView['tags'] & Partial<Pick<StackTags, 'other'>>;
  stackServices: readonly { name: string; state: string }[];
  /** The stack's containers, so `container:<x>` and `dataVolumesFrom` resolve to this stack or not. */
  stackContainers?: readonly { id: string; name: string }[];
  /** Who asks: an owner may not change a service with node-level access; staff may, acknowledging it. */
  actorRole?: 'owner' | 'staff';
  staffAcknowledged?: boolean;
  /** The portal's `POLICY_ALLOWED_HOST_PATHS`. */
  allowedHostPaths?: readonly string[];
  /** Every stack name of the environment (server only): a secret or volume name tied to two stacks is no one's. */
  environmentStackNames?: readonly string[];
  /** secretId → name of the secrets a mount may name (the browser: this stack's; the server: the environment's). */
  secretNames?: Readonly<Record<string, string>>;
}

/**
 * The policy verdict on a proposed launchConfig. The upgrade form and the upgrade route both call it
 * with the same context, so the browser shows what the server will decide.
 */
export function checkProposed(context: UpgradeContext, current: Record<string, unknown>, proposed: Record<string, unknown>): PolicyResult {
  return checkUpgrade({
    service: context.serviceName,
    // Both come from Rancher's launchConfig (or its merge with the form's change); the rules read them defensively.
    current: current as LaunchConfig,
    proposed: proposed as LaunchConfig,
    stackName: context.stackName,
    stackTags: formatStackTags({ other: {}, ...context.stackTags }),
    stackServices: context.stackServices,
    ...(context.stackContainers ? { stackContainers: context.stackContainers } : {}),
    ...(context.actorRole ? { actorRole: context.actorRole, staffAcknowledged: context.staffAcknowledged === true } : {}),
    ...(context.allowedHostPaths ? { allowedHostPaths: context.allowedHostPaths } : {}),
    ...(context.environmentStackNames ? { environmentStackNames: context.environmentStackNames } : {}),
    ...(context.secretNames ? { secretNames: context.secretNames } : {}),
  });
}
