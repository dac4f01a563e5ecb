import { mountsOf } from '@/lib/domain/secrets/stack-secrets';
import { advancedYamlFrom } from './advanced-yaml';
import { splitImage } from './image-parts';

/** One row of the environment or labels editor. `id` keeps React's rows stable while names are edited. */
export interface KeyValueRow {
  id: string;
  name: string;
  value: string;
}

/** One secret mount as the form edits it: which secret, the file under /run/secrets, its owner and mode. */
export interface SecretMountRow {
  id: string;
  secretId: string;
  name: string;
  uid: string;
  gid: string;
  mode: string;
}

/** Everything the upgrade form holds, as the user typed it (numbers stay text until submitted). */
export interface UpgradeFormState {
  image: string;
  tag: string;
  env: KeyValueRow[];
  labels: KeyValueRow[];
  secrets: SecretMountRow[];
  /** YAML of the advanced fields (advanced-yaml.ts). */
  advanced: string;
  startFirst: boolean;
  batchSize: string;
  intervalSeconds: string;
}

/** Rancher 1.6's own rollout defaults: one container at a time, 2 s apart, stop before start. */
export const rolloutDefaults = { startFirst: false, batchSize: '1', intervalSeconds: '2' } as const;

let lastRowId = 0;

/** A fresh row id; only React keys use it, so a module counter is enough. */
export function newRowId(): string {
  lastRowId += 1;
  return `row-${lastRowId}`;
}

function rowsOf(map: unknown): KeyValueRow[] {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return [];
  return Object.entries(map as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ({ id: newRowId(), name, value: String(value) }));
}

/** The form as it opens: the service's running configuration and Rancher's rollout defaults. */
export function formStateFrom(launchConfig: Record<string, unknown>): UpgradeFormState {
  const { image, tag } = splitImage(typeof launchConfig.imageUuid === 'string' ? launchConfig.imageUuid : '');
  return {
    image,
    tag,
    env: rowsOf(launchConfig.environment),
    labels: rowsOf(launchConfig.labels),
    secrets: mountsOf(launchConfig).map((m) => ({ id: newRowId(), secretId: m.secretId, name: m.name, uid: m.uid ?? '', gid: m.gid ?? '', mode: m.mode ?? '' })),
    advanced: advancedYamlFrom(launchConfig),
    ...rolloutDefaults,
  };
}
