import 'server-only';
import type { AuditIntent } from '@/lib/domain/audit/audit-event';
import { upgradeDiff } from '@/lib/domain/audit/upgrade-diff';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { env } from '@/lib/config/env';
import { ConflictError, PolicyViolationError } from '@/lib/domain/errors/app-error';
import type { Finding } from '@/lib/domain/policy/finding';
import { mergeLaunchConfig } from '@/lib/domain/rancher/merge-launch-config';
import type { LaunchConfig, ServiceDetail } from '@/lib/domain/rancher/types';
import type { UpgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import { checkProposed } from '@/lib/domain/upgrade/check-proposed';
import { auditedOperation, type OperationTarget } from './audited-operation';
import type { OperationContext } from './operation-context';

/** The one read of the service an upgrade is judged on, and exactly what it will send. */
interface UpgradeVerdict {
  current: LaunchConfig;
  proposed: LaunchConfig;
  findings: Finding[];
}

/**
 * The policy verdict on an upgrade: the container rules on the result, the diff rules on the change,
 * with what only the server can vouch for (the stack's containers, who asks, the allowed host paths).
 */
export function upgradeVerdict(
  { stack, service }: Required<Pick<OperationTarget, 'stack' | 'service'>>,
  input: UpgradeInput,
  user: SessionUser,
  environmentStackNames?: readonly string[],
  secretNames?: Readonly<Record<string, string>>,
): UpgradeVerdict {
  const current = service.launchConfig ?? {};
  const proposed = mergeLaunchConfig(current, input.launchConfig);
  const { findings } = checkProposed(
    {
      serviceName: service.name,
      stackName: stack.name,
      stackTags: stack.tags,
      stackServices: stack.services.map((s) => ({ name: s.name, state: s.state })),
      stackContainers: stack.services.flatMap((s) => s.containers.map((c) => ({ id: c.id, name: c.name }))),
      actorRole: user.isStaff ? 'staff' : 'owner',
      staffAcknowledged: user.isStaff && input.acknowledgeNodeAccess === true,
      allowedHostPaths: env().POLICY_ALLOWED_HOST_PATHS,
      ...(environmentStackNames ? { environmentStackNames } : {}),
      ...(secretNames ? { secretNames } : {}),
    },
    current,
    proposed,
  );
  return { current, proposed, findings };
}

function refuseUnsafeUpgrade(service: ServiceDetail, verdict: () => UpgradeVerdict): void {
  if (service.state === 'upgraded') {
    throw new ConflictError(`${service.name} has an upgrade waiting: finish or roll back the upgrade first.`, { serviceState: service.state });
  }
  if (service.transitioning === 'yes') {
    throw new ConflictError(`${service.name} is busy (${service.state}); wait until it settles.`, { serviceState: service.state });
  }
  if (!service.launchConfig) throw new ConflictError(`${service.name} has no containers of its own to upgrade.`);
  const errors = verdict().findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new PolicyViolationError(
      `The change breaks ${errors.length === 1 ? 'a Spin rule' : `${errors.length} Spin rules`}: ${errors.map((f) => f.message).join('; ')}`,
      { findings: errors },
    );
  }
}

/** Findings a staff member accepted: kept in the record as the acknowledgement the policy asks for. */
function staffAcknowledgement(findings: readonly Finding[], user: SessionUser) {
  const accepted = findings.filter((f) => f.details?.acknowledgedByStaff === true);
  return accepted.length === 0 ? null : { by: user.uid, findings: accepted.map((f) => ({ ruleId: f.ruleId, path: f.path, message: f.message })) };
}

/**
 * Upgrades a service: re-checks the change against Spin policy (422 with the findings on any error),
 * merges it into the full running launchConfig and asks Rancher to roll it out. The verdict and the
 * request rest on one read of the service, and Rancher's copy must still equal it when the upgrade is
 * sent (409 otherwise). The audit record keeps the field-by-field diff, secret values redacted.
 */
export async function upgradeService(
  ctx: OperationContext,
  input: { stackId: string; serviceId: string; upgrade: UpgradeInput; /** secretId → name in the environment, when the change mounts secrets. */ secretNames?: Readonly<Record<string, string>> },
): Promise<ServiceDetail> {
  // The stack list (kept in memory) names every stack, so a volume or secret name tied to two is no one's;
  // without it the names are still checked against this stack.
  const environmentStackNames = await ctx.backend.listStacks().then(
    (stacks) => stacks.map((s) => s.name),
    () => undefined,
  );
  let verdict: UpgradeVerdict | undefined;
  const verdictFor = (stack: OperationTarget['stack'], service: ServiceDetail) => (verdict ??= upgradeVerdict({ stack, service }, input.upgrade, ctx.user, environmentStackNames, input.secretNames));
  return auditedOperation(ctx, {
    action: 'service.upgrade',
    right: 'upgrade',
    stackId: input.stackId,
    serviceId: input.serviceId,
    precondition: ({ stack, service }) => {
      if (service) refuseUnsafeUpgrade(service, () => verdictFor(stack, service));
    },
    details: ({ stack, service }) => {
      if (!service) return null;
      const { current, proposed, findings } = verdictFor(stack, service);
      const details = {
        changes: upgradeDiff(current, proposed),
        policyWarnings: findings.filter((f) => f.severity === 'warning').map((f) => ({ ruleId: f.ruleId, message: f.message })),
        staffAcknowledgement: staffAcknowledgement(findings, ctx.user),
        rollout: { startFirst: input.upgrade.startFirst, batchSize: input.upgrade.batchSize, intervalMillis: input.upgrade.intervalMillis },
      };
      // The diff holds launchConfig values: JSON by construction, though typed loosely.
      return details as unknown as AuditIntent['details'];
    },
    run: ({ stack, service }) => {
      const { launchConfig, startFirst, batchSize, intervalMillis } = input.upgrade;
      const basedOn = service ? verdictFor(stack, service).current : undefined;
      return ctx.backend.upgrade(input.serviceId, { launchConfig, startFirst, batchSize, intervalMillis, basedOn });
    },
  });
}
