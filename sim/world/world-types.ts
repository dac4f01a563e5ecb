// The records the simulator keeps, field for field as Rancher 1.6 serves them (rancher-api.md §3), so
// that listing, filtering and sorting work on the stored objects directly. Links and actions are not
// stored: they depend on the request's base URL and are added when a record is rendered.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type Transitioning = 'yes' | 'no' | 'error';

export interface BaseRecord {
  id: string;
  type: string;
  baseType: string;
  kind: string;
  name: string | null;
  description: string | null;
  state: string;
  transitioning: Transitioning;
  transitioningMessage: string | null;
  transitioningProgress: number | null;
  accountId: string;
  created: string;
  createdTS: number;
  uuid: string;
  removed: string | null;
}

export interface ProjectRecord extends BaseRecord {
  type: 'project';
  orchestration: 'cattle';
  defaultNetworkId: string | null;
  healthState: string;
  members: Json[];
}

export interface HostRecord extends BaseRecord {
  type: 'host';
  hostname: string;
  agentIpAddress: string;
  agentState: string;
  labels: Record<string, string>;
  info: JsonObject;
  instanceIds: string[];
}

export interface StackRecord extends BaseRecord {
  type: 'stack';
  group: string;
  dockerCompose: string | null;
  rancherCompose: string | null;
  environment: JsonObject | null;
  answers: JsonObject | null;
  templates: JsonObject | null;
  externalId: string | null;
  previousExternalId: string | null;
  previousEnvironment: JsonObject | null;
  outputs: JsonObject | null;
  system: boolean;
  startOnCreate: boolean;
  binding: Json;
  serviceIds: string[];
  healthState: string;
}

export type ServiceType = 'service' | 'loadBalancerService' | 'dnsService' | 'externalService';

export interface ServiceRecord extends BaseRecord {
  type: ServiceType;
  stackId: string;
  scale: number;
  currentScale: number;
  launchConfig: JsonObject;
  secondaryLaunchConfigs: JsonObject[];
  instanceIds: string[];
  upgrade: JsonObject | null;
  publicEndpoints: JsonObject[];
  fqdn: string | null;
  metadata: JsonObject;
  linkedServices: Record<string, string>;
  selectorLink: string | null;
  selectorContainer: string | null;
  lbConfig: JsonObject | null;
  scalePolicy: JsonObject | null;
  retainIp: boolean;
  vip: string | null;
  system: boolean;
  startOnCreate: boolean;
  createIndex: number;
  healthState: string;
  assignServiceIpAddress: boolean;
  externalId: string | null;
}

/** Docker's view of the process, which cattle keeps under `data.dockerInspect` (the exit code lives here). */
export interface DockerState {
  Status: string;
  Running: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  ExitCode: number;
  Error: string;
  StartedAt: string;
  FinishedAt: string;
}

export interface ContainerRecord extends BaseRecord {
  type: 'container';
  hostId: string;
  imageUuid: string;
  primaryIpAddress: string;
  serviceIds: string[];
  stackId: string | null;
  externalId: string;
  labels: Record<string, string>;
  environment: JsonObject;
  command: Json;
  ports: Json;
  dataVolumes: Json;
  privileged: boolean;
  capAdd: Json;
  capDrop: Json;
  user: string | null;
  tty: boolean;
  startCount: number;
  createIndex: number;
  healthState: string | null;
  deploymentUnitUuid: string;
  system: boolean;
  firstRunning: string | null;
  hostname: string;
  version: string;
  nativeContainer: boolean;
  networkMode: Json;
  publishAllPorts: boolean;
  readOnly: boolean;
  startOnCreate: boolean;
  stdinOpen: boolean;
  workingDir: Json;
  entryPoint: Json;
  healthCheck: Json;
  secrets: Json;
  logConfig: Json;
  data: { dockerInspect: { State: DockerState } };
}

export interface SecretRecord extends BaseRecord {
  type: 'secret';
  value: null;
}

export interface SettingRecord extends BaseRecord {
  type: 'setting';
  value: string;
  activeValue: string;
  source: string;
  inDb: boolean;
}

export interface ServiceLogRecord extends BaseRecord {
  type: 'serviceLog';
  serviceId: string;
  instanceId: string | null;
  eventType: string;
  level: 'info' | 'error';
  subLog: boolean;
  endTime: string | null;
  transactionId: string;
}

export type AnyRecord =
  | ProjectRecord
  | HostRecord
  | StackRecord
  | ServiceRecord
  | ContainerRecord
  | SecretRecord
  | SettingRecord
  | ServiceLogRecord;

export interface ApiKey {
  accessKey: string;
  secretKey: string;
  /** Environment keys are pinned to one project; account keys see every project. */
  projectId: string | null;
}

/** One line a container wrote, kept for events (start, crash, exit) that the steady traffic does not explain. */
export interface LogEntry {
  /** Order among the container's event lines; traffic lines, computed on demand, have none (-1). */
  seq: number;
  /** Epoch milliseconds plus nanoseconds within that millisecond, for RFC3339Nano stamps. */
  ms: number;
  nanos: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export type ShellKind = 'bash' | 'sh';

/** How a service's image behaves: what it logs, which shells it has, what its file tree holds. */
export interface ServiceProfile {
  logStyle: string;
  logRate: number;
  shell: ShellKind;
  files: Record<string, string>;
  /** The crash loop belongs to one image: upgrading to another image cures it. */
  crashLoop: { imageUuid: string; exitCode: number; uptimeSeconds: number; restartDelaySeconds: number } | null;
}

/** What the simulator knows about a container beyond its API fields. */
export interface ContainerRuntime {
  serviceId: string | null;
  launchConfigName: string;
  /** Epoch ms of the last run's start and end (end null while it runs; both null before the first). */
  startedAt: number | null;
  stoppedAt: number | null;
  /** Earlier runs, oldest first (a few), so a tail after a restart still shows what came before. */
  previousRuns: { startedAt: number; stoppedAt: number }[];
  /** Lines written on start, stop and crash, oldest first; created on first use to keep big worlds small. */
  lifecycle: LogEntry[] | null;
  nextSeq: number;
}
