import { imageRegistryAllowed } from './image-registry-allowed';
import { imageDockerhubOfficial } from './image-dockerhub-official';
import { imageTagNotLatest } from './image-tag-not-latest';
import { latestRequiresPullAlways } from './latest-requires-pull-always';
import { composeNoBuild } from './compose-no-build';
import { composeVersion2 } from './compose-version-2';
import { composeRancherConsistency } from './compose-rancher-consistency';
import { composeDuplicateKey } from './compose-duplicate-key';
import { inputMalformed } from './input-malformed';
import { capDropAll } from './cap-drop-all';
import { capabilitiesAllowed } from './capabilities-allowed';
import { capabilitiesExternalFs } from './capabilities-external-fs';
import { noPrivileged } from './no-privileged';
import { noHostNamespaces } from './no-host-namespaces';
import { hostPathAllowed } from './host-path-allowed';
import { rancherReservedLabels } from './rancher-reserved-labels';
import { namespacesOwnStack } from './namespaces-own-stack';
import { staffOnlyService } from './staff-only-service';
import { externalFsNonRoot } from './external-fs-non-root';
import { userIdentityAllowed } from './user-identity-allowed';
import { externalFsPublicReadOnly } from './external-fs-public-read-only';
import { externalFsMountDepth } from './external-fs-mount-depth';
import { externalFsOXReminder } from './external-fs-o-x-reminder';
import { dockerfileUserGroupDefined } from './dockerfile-user-group-defined';
import { port80443ProxyOnly } from './port-80-443-proxy-only';
import { portFirewallClass } from './port-firewall-class';
import { portPrivilegedNeedsReview } from './port-privileged-needs-review';
import { portContainerUnprivileged } from './port-container-unprivileged';
import { secretNameConvention } from './secret-name-convention';
import { secretTargetMatchesFilename } from './secret-target-matches-filename';
import { secretMode400 } from './secret-mode-400';
import { secretOwnerMatchesUser } from './secret-owner-matches-user';
import { secretNotInEnv } from './secret-not-in-env';
import { serviceNameConvention } from './service-name-convention';
import { dnsLabelNames } from './dns-label-names';
import { stackNameConvention } from './stack-name-convention';
import { volumeNameConvention } from './volume-name-convention';
import { stackTagOwner } from './stack-tag-owner';
import { stackTagStaffOwner } from './stack-tag-staff-owner';
import { stackTagRecommended } from './stack-tag-recommended';
import { opStopAfterUnconfirmedUpgrade } from './op-stop-after-unconfirmed-upgrade';
import { opUpgradeRequiresSettledState } from './op-upgrade-requires-settled-state';
import { diffPrivilegeEscalation } from './diff-privilege-escalation';
import { diffNewCapability } from './diff-new-capability';
import { diffNewExternalMount } from './diff-new-external-mount';
import { diffNewPort } from './diff-new-port';
import { diffImageRegistryChange } from './diff-image-registry-change';
import { diffImageTagReused } from './diff-image-tag-reused';
import { diffUserChange } from './diff-user-change';
import { diffSecretChange } from './diff-secret-change';
import { diffEnvChange } from './diff-env-change';
import { diffNetworkChange } from './diff-network-change';
import { waiverExpired } from './waiver-expired';
import type { Rule } from '../rule';

/**
 * Every rule of spin-policy.md, in catalog order: an explicit list (not a barrel), which the engine
 * runs and the /policy page documents.
 */
export const rules: readonly Rule[] = [
  imageRegistryAllowed,
  imageDockerhubOfficial,
  imageTagNotLatest,
  latestRequiresPullAlways,
  composeNoBuild,
  composeVersion2,
  composeRancherConsistency,
  composeDuplicateKey,
  inputMalformed,
  capDropAll,
  capabilitiesAllowed,
  capabilitiesExternalFs,
  noPrivileged,
  noHostNamespaces,
  hostPathAllowed,
  rancherReservedLabels,
  namespacesOwnStack,
  staffOnlyService,
  externalFsNonRoot,
  userIdentityAllowed,
  externalFsPublicReadOnly,
  externalFsMountDepth,
  externalFsOXReminder,
  dockerfileUserGroupDefined,
  port80443ProxyOnly,
  portFirewallClass,
  portPrivilegedNeedsReview,
  portContainerUnprivileged,
  secretNameConvention,
  secretTargetMatchesFilename,
  secretMode400,
  secretOwnerMatchesUser,
  secretNotInEnv,
  serviceNameConvention,
  dnsLabelNames,
  stackNameConvention,
  volumeNameConvention,
  stackTagOwner,
  stackTagStaffOwner,
  stackTagRecommended,
  opStopAfterUnconfirmedUpgrade,
  opUpgradeRequiresSettledState,
  diffPrivilegeEscalation,
  diffNewCapability,
  diffNewExternalMount,
  diffNewPort,
  diffImageRegistryChange,
  diffImageTagReused,
  diffUserChange,
  diffSecretChange,
  diffEnvChange,
  diffNetworkChange,
  waiverExpired,
];

const byId = new Map(rules.map((r) => [r.id, r]));

export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}
