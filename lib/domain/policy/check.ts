import { prepareCheck } from './build-context';
import type { ServiceVerb } from '../rancher/service-verbs';
import type { CheckInput, LaunchConfig } from './check-input';
import { evaluateRules } from './evaluate-rules';
import type { PolicyResult } from './finding';
import { rules } from './rules/index';

/**
 * Checks whatever is given: compose files, stack tags, an upgrade (current → proposed launchConfig),
 * an operation, a Dockerfile, with the waivers of `.spin-policy.yml`. Pure: runs in the browser,
 * the route handler and the CLI alike. Unreadable input is an `input-malformed` finding, never a throw.
 *
 * @example
 * const { summary, findings } = checkPolicy({ compose: text, stackName: 'foo-jgi-doe', stackTags: 'owner:fred, staff-owner:wilma' });
 */
export function checkPolicy(input: CheckInput): PolicyResult {
  const { ctx, locate, files } = prepareCheck(input);
  return evaluateRules(rules, ctx, locate, files);
}

export interface UpgradeCheckInput extends Pick<
  CheckInput,
  | 'stackName' | 'stackTags' | 'stackServices' | 'stackContainers' | 'environmentStackNames' | 'environment' | 'secretNames' | 'actor' | 'actorRole' | 'staffAcknowledged'
  | 'allowedIdentities' | 'allowedHostPaths' | 'attestations' | 'dockerfile' | 'profile' | 'waivers' | 'now' | 'trustedHubNamespaces'
> {
  service: string;
  current: LaunchConfig;
  proposed: LaunchConfig;
}

/** The upgrade form's check: container rules on `proposed`, the diff rules on current → proposed. */
export function checkUpgrade(input: UpgradeCheckInput): PolicyResult {
  return checkPolicy(input);
}

export interface OperationCheckInput extends Pick<CheckInput, 'stackName' | 'stackTags' | 'profile'> {
  op: ServiceVerb;
  /** Omit for an operation on the whole stack. */
  service?: string;
  stackServices: readonly { name: string; state: string }[];
}

/** Whether Rancher will accept a stop/start/restart/upgrade in the services' current states. */
export function checkOperation(input: OperationCheckInput): PolicyResult {
  const { op, service, ...rest } = input;
  return checkPolicy({ ...rest, operation: { op, service } });
}
