import 'server-only';
import type { AuditIntent } from '@/lib/audit/audit-event';
import { upgradeDiff } from '@/lib/audit/upgrade-diff';
import { ConflictError, PolicyViolationError } from '@/lib/errors/app-error';
import { checkUpgrade } from '@/lib/policy/check';
import type { Finding } from '@/lib/policy/finding';
import { mergeLaunchConfig } from '@/lib/rancher/merge-launch-config';
import { formatStackTags } from '@/lib/rancher/stack-tags';
import type { ServiceDetail } from '@/lib/rancher/types';
import type { UpgradeInput } from '@/lib/schemas/upgrade-input';
import { auditedOperation, type OperationTarget } from './audited-operation';
import type { OperationContext } from './operation-context';

/** The policy verdict on an upgrade: the container rules on the result, the diff rules on the change. */
export function upgradeFindings({ stack, service }: Required<Pick<OperationTarget, 'stack' | 'service'>>, input: UpgradeInput): Finding[] {
  const current = service.launchConfig ?? {};
  const proposed = mergeLaunchConfig(current, input.launchConfig);
  return checkUpgrade({
    service: service.name,
    current,
    proposed,
    stackName: stack.name,
    stackTags: formatStackTags(stack.tags),
    stackServices: stack.services.map((s) => ({ name: s.name, state: s.state })),
  }).findings;
}

function refuseUnsafeUpgrade(service: ServiceDetail, findings: () => Finding[]): void {
  if (service.state === 'upgraded') {
    throw new ConflictError(`${service.name} has an upgrade waiting: finish or roll back the upgrade first.`, { serviceState: service.state });
  }
  if (service.transitioning === 'yes') {
    throw new ConflictError(`${service.name} is busy (${service.state}); wait until it settles.`, { serviceState: service.state });
  }
  if (!service.launchConfig) throw new ConflictError(`${service.name} has no containers of its own to upgrade.`);
  const errors = findings().filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new PolicyViolationError(
      `The change breaks ${errors.length === 1 ? 'a Spin rule' : `${errors.length} Spin rules`}: ${errors.map((f) => f.message).join('; ')}`,
      { findings: errors },
    );
  }
}

/**
 * Upgrades a service: re-checks the change against Spin policy (422 with the findings on any error),
 * merges it into the full running launchConfig and asks Rancher to roll it out. The audit record keeps
 * the field-by-field diff, secret values redacted.
 */
export function upgradeService(ctx: OperationContext, input: { stackId: string; serviceId: string; upgrade: UpgradeInput }): Promise<ServiceDetail> {
  // The refusal check and the audit details both need the verdict: check once.
  let verdict: Finding[] | undefined;
  const findingsFor = (stack: OperationTarget['stack'], service: ServiceDetail) => (verdict ??= upgradeFindings({ stack, service }, input.upgrade));
  return auditedOperation(ctx, {
    action: 'service.upgrade',
    right: 'upgrade',
    stackId: input.stackId,
    serviceId: input.serviceId,
    precondition: ({ stack, service }) => {
      if (service) refuseUnsafeUpgrade(service, () => findingsFor(stack, service));
    },
    details: ({ stack, service }) => {
      if (!service) return null;
      const current = service.launchConfig ?? {};
      const warnings = findingsFor(stack, service).filter((f) => f.severity === 'warning');
      const details = {
        changes: upgradeDiff(current, mergeLaunchConfig(current, input.upgrade.launchConfig)),
        policyWarnings: warnings.map((f) => ({ ruleId: f.ruleId, message: f.message })),
        rollout: { startFirst: input.upgrade.startFirst, batchSize: input.upgrade.batchSize, intervalMillis: input.upgrade.intervalMillis },
      };
      // The diff holds launchConfig values: JSON by construction, though typed loosely.
      return details as unknown as AuditIntent['details'];
    },
    run: () => ctx.backend.upgrade(input.serviceId, input.upgrade),
  });
}
