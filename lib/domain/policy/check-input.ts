import { z } from 'zod';
import type { ServiceVerb } from '../rancher/service-verbs';
import { PROFILE_IDS } from './profiles';
import type { YamlSource } from './yaml-source';

/**
 * A Rancher 1.6 launchConfig (go-rancher `v2/generated_launch_config.go`): the fields the rules read.
 * Anything else passes through unread; Rancher sends null for unset fields.
 */
export interface LaunchConfig {
  imageUuid?: string | null;
  build?: unknown;
  environment?: Record<string, string | null> | null;
  labels?: Record<string, string | null> | null;
  capAdd?: string[] | null;
  capDrop?: string[] | null;
  privileged?: boolean | null;
  devices?: string[] | null;
  securityOpt?: string[] | null;
  dataVolumes?: string[] | null;
  ports?: string[] | null;
  user?: string | null;
  groupAdd?: string[] | null;
  secrets?: { secretId?: string; name?: string; uid?: string | number; gid?: string | number; mode?: string | number }[] | null;
  networkMode?: string | null;
  pidMode?: string | null;
  ipcMode?: string | null;
  usernsMode?: string | null;
  uts?: string | null;
  [field: string]: unknown;
}

const launchConfig = z.record(z.string(), z.unknown());

/** The fields that give a check something to read; the others (service, profile, waivers…) only adjust it. */
const checkedFields = ['compose', 'rancherCompose', 'stackTags', 'stackName', 'current', 'proposed', 'dockerfile'] as const;

// No length limits here: the API answers an oversized file with 413 before checking it
// (lib/policy-worker/check-policy-request.ts), which a schema error (400) could not say.
const policyCheckFields = {
  compose: z.string().optional(),
  rancherCompose: z.string().optional(),
  stackTags: z.union([z.string(), z.record(z.string(), z.string().nullable())]).optional(),
  stackName: z.string().optional(),
  service: z.string().optional(),
  current: launchConfig.optional(),
  proposed: launchConfig.optional(),
  dockerfile: z.string().optional(),
  dockerfileService: z.string().optional(),
  profile: z.enum(PROFILE_IDS).optional(),
  waivers: z.string().optional(),
};

/**
 * What a client may send to `POST /api/v1/policy/check` (DESIGN.md), plus the optional context a
 * browser knows. Strict, and something to check is required: a misspelt or empty request would
 * otherwise pass as "0 errors" (issue #17).
 */
export const policyCheckRequest = z
  .strictObject(policyCheckFields, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `Unknown field ${issue.keys.join(', ')}: a policy check takes ${Object.keys(policyCheckFields).join(', ')}.` : undefined,
  })
  .refine((request) => checkedFields.some((field) => request[field] !== undefined), {
    error: `Nothing to check: send at least one of ${checkedFields.join(', ')}.`,
  });
export type PolicyCheckRequest = z.infer<typeof policyCheckRequest>;

export interface PolicyActor {
  username: string;
  uid: number;
  gids: number[];
}

/** Everything `checkPolicy` accepts: the request plus facts only the server can vouch for. */
export interface CheckInput extends Omit<PolicyCheckRequest, 'current' | 'proposed'> {
  current?: LaunchConfig;
  proposed?: LaunchConfig;
  /** Rancher environment of the stack (`prod-cattle` turns on the collaboration-account advice). */
  environment?: string;
  /** Services the stack already has, with their Rancher states: their names are grandfathered. */
  stackServices?: readonly { name: string; state: string }[];
  operation?: { op: ServiceVerb; service?: string };
  /** secretId → secret name, for launchConfig secret references. */
  secretNames?: Readonly<Record<string, string>>;
  /** Secret name → the description stored with the Rancher secret (it should name its owner). */
  secretDescriptions?: Readonly<Record<string, string>>;
  actor?: PolicyActor;
  /** The actor's uid/gids plus the collaboration accounts of their projects, from LDAP. */
  allowedIdentities?: { uids: readonly number[]; gids: readonly number[]; names?: readonly string[] };
  /** Per service: the owner confirmed every write to the Global Filesystem is authenticated. */
  attestations?: Readonly<Record<string, { authenticated?: boolean }>>;
  /** Docker Hub namespaces treated like official images (e.g. `rancher` for load balancers). */
  trustedHubNamespaces?: readonly string[];
  /** Host paths owners may bind-mount (`POLICY_ALLOWED_HOST_PATHS`); defaults to `/global`, `/project`. */
  allowedHostPaths?: readonly string[];
  /** Absolute directory of the compose file: the `rancher` CLI resolves relative bind sources against it. */
  composeDir?: string;
  /** Containers the stack already has, so `container:<x>` and `dataVolumesFrom` resolve (the portal reads Rancher). */
  stackContainers?: readonly { id: string; name: string }[];
  /** Names of every stack of the environment: a secret name that also ties to another stack is not this stack's. */
  environmentStackNames?: readonly string[];
  /** Portal only: who asks for the upgrade; `owner` turns on staff-only-service. */
  actorRole?: 'owner' | 'staff';
  /** Portal only: a staff member accepted the node-level access the isolation findings describe. */
  staffAcknowledged?: boolean;
  /** ISO time for waiver expiry; defaults to the current time. */
  now?: string;
  /** File names reported with line and column. */
  files?: { compose?: string; rancherCompose?: string; dockerfile?: string; waivers?: string };
  /** YAML the caller already parsed (the CLI, to report syntax errors itself), used instead of the text. */
  parsed?: { compose?: YamlSource; rancherCompose?: YamlSource };
}
