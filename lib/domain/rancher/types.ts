import type { ServiceVerb } from './service-verbs';

// The portal's view of Rancher: what the rest of the portal reads. Nothing here names a Rancher URL or
// wire field; lib/rancher/to-domain.ts maps the v2-beta resources onto these shapes.

/** Tags Spin keeps in a stack's free-text `group` field (`owner:fred, group:csg, …`), lower-cased. */
export interface StackTags {
  owner?: string;
  staffOwner?: string;
  group?: string;
  staffGroup?: string;
  fqdn?: string;
  requires?: string;
  /** Tags with other keys, kept so that writing the tags back loses nothing (a tag without `:` has value ''). */
  other: Record<string, string>;
}

/**
 * A Rancher environment (project) the portal works in, e.g. `{ id: '1a5', name: 'prod-cattle', production: true }`.
 * Cattle ids are unique across the server, so a stack id alone says where the stack lives.
 */
export interface Environment {
  id: string;
  name: string;
  /** Production stacks are shown and confirmed as such (RANCHER_PRODUCTION_PROJECT_IDS, or a name starting with `prod`). */
  production: boolean;
}

/** Rancher's `transitioning`: `yes` while a process runs, `error` when the last one failed. */
export type Transitioning = 'yes' | 'no' | 'error';

/**
 * A service's container configuration as Rancher holds it. The fields the portal edits are typed; every
 * other field is kept verbatim, because an upgrade must send the whole object back (Rancher replaces it).
 */
export interface LaunchConfig {
  /** `docker:` + image reference. */
  imageUuid?: string;
  environment?: Record<string, string> | null;
  labels?: Record<string, string> | null;
  command?: string[] | null;
  entryPoint?: string[] | null;
  user?: string | null;
  workingDir?: string | null;
  hostname?: string | null;
  capAdd?: string[] | null;
  capDrop?: string[] | null;
  privileged?: boolean | null;
  dataVolumes?: string[] | null;
  ports?: string[] | null;
  networkMode?: string | null;
  tty?: boolean | null;
  [field: string]: unknown;
}

/**
 * A change to a launchConfig, applied as a JSON merge patch (RFC 7396): a field replaces the current one,
 * maps such as `environment` and `labels` are merged key by key, and `null` removes a field or a key.
 */
export type LaunchConfigPatch = {
  [K in keyof LaunchConfig]?: K extends 'environment' | 'labels' ? Record<string, string | null> | null : LaunchConfig[K] | null;
};

export interface ServiceSummary {
  id: string;
  stackId: string;
  name: string;
  state: string;
  healthState: string;
  /** Image reference without Rancher's `docker:` prefix, e.g. `nginx:1.25`; '' for services without containers. */
  image: string;
  /** Desired number of containers. */
  scale: number;
}

export interface ContainerSummary {
  id: string;
  serviceId?: string;
  name: string;
  state: string;
  /** null when the container has no health check. */
  healthState: string | null;
  /** Host name of the Rancher host the container runs on; null before it is scheduled. */
  hostname: string | null;
  startCount: number;
  /** Exit code of the last run; null while running or when never run. */
  exitCode: number | null;
  createdAt: string;
  /** The image the container runs (during an upgrade, old and new containers differ). */
  image?: string;
}

export interface ContainerDetail extends ContainerSummary {
  stackId: string;
  environment: Environment;
  transitioning: Transitioning;
  transitioningMessage: string | null;
}

export interface StackSummary {
  id: string;
  name: string;
  state: string;
  healthState: string;
  tags: StackTags;
  environment: Environment;
  services: ServiceSummary[];
}

export interface ServiceDetail extends ServiceSummary {
  environment: Environment;
  /** null for services without containers of their own (external and DNS services). */
  launchConfig: LaunchConfig | null;
  /** The configuration before the upgrade in progress or awaiting finish; what a rollback restores. */
  previousLaunchConfig?: LaunchConfig;
  /** After a finished upgrade, the configuration it replaced, for a revert (a new upgrade back to it). */
  revertibleLaunchConfig?: LaunchConfig;
  containers: ContainerSummary[];
  transitioning: Transitioning;
  transitioningMessage: string | null;
  /** What Rancher allows on the service in its current state. */
  allowedVerbs: ServiceVerb[];
  /** True from the start of an upgrade until it is finished or rolled back. */
  upgradeInProgress: boolean;
  createdAt: string;
}

export interface StackDetail extends Omit<StackSummary, 'services'> {
  description: string | null;
  services: ServiceDetail[];
}

/** One change seen on Rancher's event feed. */
export interface ResourceChange {
  resourceType: 'stack' | 'service' | 'container';
  id: string;
  stackId?: string;
  state?: string;
  transitioning?: Transitioning;
}

export interface LogLine {
  ts: string;
  stream: 'stdout' | 'stderr' | 'tty';
  line: string;
}

/** A shell in a container: raw terminal bytes both ways. */
export interface ExecSession {
  write(data: Buffer | string): void;
  resize(cols: number, rows: number): void;
  onData(listener: (data: Buffer) => void): void;
  /** Called once; 1000 when the command exited, 1006 when the connection dropped. */
  onClose(listener: (code: number) => void): void;
  /** Stops reading from Rancher until `resume`, so a slow reader holds the sender back. */
  pause(): void;
  resume(): void;
  close(): void;
}
