import type { ImageRef } from './image-ref';
import type { PortMapping } from './port-spec';
import type { UserSpec } from './user-spec';
import type { VolumeMount } from './volume-mount';

/** Fields of a container spec, named once for both compose and launchConfig spellings. */
export type SpecField =
  | 'image' | 'build' | 'env' | 'labels' | 'capAdd' | 'capDrop' | 'privileged' | 'devices' | 'securityOpt'
  | 'volumes' | 'volumesFrom' | 'sysctls' | 'ports' | 'user' | 'groupAdd' | 'secrets' | 'networkMode' | 'pidMode' | 'ipcMode' | 'usernsMode' | 'uts';

export type SpecInput = 'dockerCompose' | 'current' | 'proposed';

export interface Entry<T> {
  value: T;
  path: string;
}

export interface KeyValue {
  key: string;
  /** Null for a list entry `KEY` without `=` (its value comes from the shell). */
  value: string | null;
  path: string;
}

export interface CapEntry {
  /** Upper case without `CAP_`. */
  name: string;
  raw: string;
  path: string;
}

export interface MountEntry extends VolumeMount {
  path: string;
  index: number;
}

export interface PortEntry extends PortMapping {
  path: string;
  index: number;
}

export interface SecretEntry {
  /** `short`: compose's plain name entry; `long`: a map with source/target or a launchConfig reference. */
  form: 'short' | 'long';
  /** The Rancher secret's name; null for a launchConfig reference whose id the caller did not resolve. */
  name: string | null;
  secretId: string | null;
  /** File name under /run/secrets ("As Name"); compose defaults it to the secret name. */
  target: string | null;
  uid: string | null;
  gid: string | null;
  /** File mode as a number (`'0400'` → 0o400); null when not set (Rancher then uses 0444). */
  mode: number | null;
  path: string;
  index: number;
}

export interface NamespaceEntry {
  kind: 'network' | 'pid' | 'ipc' | 'userns' | 'uts';
  value: string;
  path: string;
}

/** A `volumes_from`/`dataVolumesFrom` entry: the container or service whose volumes are joined. */
export interface VolumesFromEntry {
  /** Compose: a service name, or a container after `container:`; launchConfig: a container id. */
  target: string;
  kind: 'service' | 'container';
  path: string;
}

/** One container configuration, from a compose service or a Rancher launchConfig. */
export interface ServiceSpec {
  name: string;
  input: SpecInput;
  /** Pointer to the service: `/services/web` (compose) or `/proposed` (upgrade). */
  path: string;
  /** Pointer to a field in this input's spelling, present or not (`cap_drop` vs `capDrop`). */
  fieldPath(field: SpecField): string;
  /** How `environment` and `labels` were written, so fixes add entries in the same form. */
  forms: { env: 'map' | 'list' | 'none'; labels: 'map' | 'list' | 'none' };
  image: Entry<string> | null;
  imageRef: ImageRef | null;
  build: Entry<unknown> | null;
  env: KeyValue[];
  labels: KeyValue[];
  capAdd: CapEntry[];
  capDrop: CapEntry[];
  privileged: Entry<boolean> | null;
  devices: Entry<string>[];
  /** Kernel parameters set for the container (`sysctls`, a map or a list of `name=value`). */
  sysctls: KeyValue[];
  securityOpt: Entry<string>[];
  volumes: MountEntry[];
  volumesFrom: VolumesFromEntry[];
  ports: PortEntry[];
  user: (Entry<string> & { spec: UserSpec }) | null;
  groupAdd: Entry<string>[];
  secrets: SecretEntry[];
  namespaces: NamespaceEntry[];
  effectiveCaps: ReadonlySet<string>;
  externalMounts: MountEntry[];
}

export function labelValue(spec: ServiceSpec, key: string): string | null | undefined {
  return spec.labels.find((l) => l.key === key)?.value;
}
