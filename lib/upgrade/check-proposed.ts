import { checkUpgrade } from '@/lib/policy/check';
import type { LaunchConfig } from '@/lib/policy/check-input';
import type { PolicyResult } from '@/lib/policy/finding';
import { formatStackTags } from '@/lib/rancher/stack-tags';
import type { StackView } from '@/lib/stacks/stack-schemas';

export interface UpgradeContext {
  serviceName: string;
  stackName: string;
  stackTags: StackView['tags'];
  stackServices: readonly { name: string; state: string }[];
}

/**
 * The policy verdict on a proposed launchConfig, with the same inputs the upgrade route gives
 * `checkUpgrade` (stack name, its tags as Rancher's `group` text, its services), so the browser shows
 * what the server will decide.
 */
export function checkProposed(context: UpgradeContext, current: Record<string, unknown>, proposed: Record<string, unknown>): PolicyResult {
  return checkUpgrade({
    service: context.serviceName,
    // Both come from Rancher's launchConfig (or its merge with the form's change); the rules read them defensively.
    current: current as LaunchConfig,
    proposed: proposed as LaunchConfig,
    stackName: context.stackName,
    stackTags: formatStackTags({ ...context.stackTags, other: {} }),
    stackServices: context.stackServices,
  });
}
