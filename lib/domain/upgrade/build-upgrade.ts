import { parseImageRef } from '@/lib/domain/policy/image-ref';
import { mergeLaunchConfig } from '@/lib/domain/rancher/merge-launch-config';
import type { LaunchConfig } from '@/lib/domain/rancher/types';
import { upgradeInput, type LaunchConfigChange, type UpgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import { advancedFields, parseAdvancedYaml } from './advanced-yaml';
import type { FormField } from './form-field';
import { joinImage, splitImage } from './image-parts';
import { mountsOf } from '@/lib/domain/secrets/stack-secrets';
import type { KeyValueRow, SecretMountRow, UpgradeFormState } from './upgrade-form-state';

export interface FormProblem {
  field: FormField;
  message: string;
}

export interface BuiltUpgrade {
  /** The request body, or null while a problem remains or nothing changed. */
  input: UpgradeInput | null;
  /** The full launchConfig the upgrade would give the service: what the policy check and the diff read. */
  proposed: LaunchConfig;
  problems: FormProblem[];
  /** The change has something in it (it may still have problems elsewhere). */
  hasChange: boolean;
  /** The form is as it opened: nothing changed and nothing to fix. */
  isUnchanged: boolean;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Rows → merge patch of a map: changed and new keys with their value, vanished keys as null. */
function mapPatch(current: unknown, rows: KeyValueRow[], kind: 'env' | 'label', problems: FormProblem[]): Record<string, string | null> | undefined {
  const before = isMap(current) ? current : {};
  const section: FormField = kind === 'env' ? 'env' : 'labels';
  const noun = kind === 'env' ? 'variable' : 'label';
  const patch: Record<string, string | null> = {};
  const names = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (name === '' && row.value === '') continue;
    if (name === '') {
      problems.push({ field: section, message: `Give the ${noun} with value "${row.value.slice(0, 20)}" a name, or remove it.` });
      continue;
    }
    if (names.has(name)) {
      problems.push({ field: `${kind}:${name}`, message: `${name} is listed twice; keep one.` });
      continue;
    }
    names.add(name);
    if (before[name] !== row.value) patch[name] = row.value;
  }
  for (const [name, value] of Object.entries(before)) if (!names.has(name) && value !== null && value !== undefined) patch[name] = null;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** A mount with its empty fields left out, so the form's rows and Rancher's list compare field by field. */
function plainMount(m: { secretId: string; name: string; uid?: string | null; gid?: string | null; mode?: string | null }) {
  const trimmed = { uid: m.uid?.trim(), gid: m.gid?.trim(), mode: m.mode?.trim() };
  return { secretId: m.secretId, name: m.name.trim(), ...Object.fromEntries(Object.entries(trimmed).filter(([, v]) => v)) };
}

/** The mounts as a whole new list when any differs from the running ones (Rancher takes the list whole). */
function secretsChange(current: Record<string, unknown>, rows: SecretMountRow[], problems: FormProblem[]): LaunchConfigChange['secrets'] {
  const proposed = rows.filter((r) => r.secretId !== '' || r.name.trim() !== '').map(plainMount);
  if (proposed.some((m) => m.secretId === '')) problems.push({ field: 'secrets', message: 'Choose the secret to mount, or remove the row.' });
  const names = proposed.map((m) => m.name);
  if (new Set(names).size !== names.length) problems.push({ field: 'secrets', message: 'Two mounts use the same file name; each file under /run/secrets needs its own.' });
  return sameJson(proposed, mountsOf(current).map(plainMount)) ? undefined : proposed;
}

function imageChange(current: Record<string, unknown>, state: UpgradeFormState, problems: FormProblem[]): string | undefined {
  const ref = joinImage(state);
  if (state.image.trim() === '') {
    problems.push({ field: 'image', message: 'Image is required, e.g. nginx or registry.spin.nersc.gov/you/app.' });
    return undefined;
  }
  const parsed = parseImageRef(ref);
  if (!parsed.ok) {
    problems.push({ field: state.tag.trim() !== '' && !parseImageRef(state.image.trim()).ok ? 'image' : 'tag', message: `Not a valid image reference: ${parsed.reason}.` });
    return undefined;
  }
  const before = joinImage(splitImage(typeof current.imageUuid === 'string' ? current.imageUuid : ''));
  return ref === before ? undefined : `docker:${ref}`;
}

function advancedChange(current: Record<string, unknown>, text: string, problems: FormProblem[]): Partial<LaunchConfigChange> {
  const parsed = parseAdvancedYaml(text);
  if (!parsed.ok) {
    for (const p of parsed.problems) problems.push({ field: 'advanced', message: p.line === null ? p.message : `Line ${p.line}: ${p.message}` });
    return {};
  }
  const change: Record<string, unknown> = {};
  for (const field of advancedFields) {
    const was = current[field] ?? undefined;
    const is = parsed.value[field] ?? undefined;
    if (was === undefined && is === undefined) continue;
    if (is === undefined) change[field] = null;
    else if (!sameJson(was, is)) change[field] = is;
  }
  // Every value came through the schema's own field rules in parseAdvancedYaml.
  return change as Partial<LaunchConfigChange>;
}

function rolloutNumber(text: string, scale: number): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? Math.round(value * scale) : Number.NaN;
}

function fieldOfIssue(path: readonly PropertyKey[]): FormField {
  const [top, field, key] = path.map(String);
  if (top !== 'launchConfig') return 'rollout';
  if (field === 'imageUuid') return 'image';
  if (field === 'environment') return key === undefined ? 'env' : `env:${key}`;
  if (field === 'labels') return key === undefined ? 'labels' : `label:${key}`;
  if (field === 'secrets') return 'secrets';
  return field === undefined ? 'general' : 'advanced';
}

/** Rollout numbers are typed in the form's own units, so their messages say them. */
function messageOfIssue(path: readonly PropertyKey[], message: string): string {
  if (path[0] === 'batchSize') return 'Batch size: use a whole number from 1 to 100.';
  if (path[0] === 'intervalMillis') return 'Interval: use 0 to 600 seconds.';
  const field = path.slice(1).map(String).join('.');
  return field ? `${field}: ${message}` : message;
}

/**
 * Turns the form into the upgrade request: only what differs from the running launchConfig goes into
 * the change (a JSON merge patch, removed variables as null), validated with the same `upgradeInput`
 * schema the route parses. Also gives the merged launchConfig, so the policy check and the preview see
 * what Rancher will run.
 *
 * @example buildUpgrade({ imageUuid: 'docker:nginx:1.25' }, { ...formStateFrom({ imageUuid: 'docker:nginx:1.25' }), tag: '1.27' }).input
 *   // { launchConfig: { imageUuid: 'docker:nginx:1.27' }, startFirst: false, batchSize: 1, intervalMillis: 2000 }
 */
export function buildUpgrade(current: Record<string, unknown>, state: UpgradeFormState): BuiltUpgrade {
  const problems: FormProblem[] = [];
  const change: LaunchConfigChange = { ...advancedChange(current, state.advanced, problems) };
  const imageUuid = imageChange(current, state, problems);
  if (imageUuid !== undefined) change.imageUuid = imageUuid;
  const environment = mapPatch(current.environment, state.env, 'env', problems);
  if (environment) change.environment = environment;
  const labels = mapPatch(current.labels, state.labels, 'label', problems);
  if (labels) change.labels = labels;
  const secrets = secretsChange(current, state.secrets, problems);
  if (secrets) change.secrets = secrets;

  // The server's launchConfig is a loosely typed record; mergeLaunchConfig only copies its fields.
  const proposed = mergeLaunchConfig(current as LaunchConfig, change);
  const hasChange = Object.keys(change).length > 0;
  const body = {
    launchConfig: change,
    startFirst: state.startFirst,
    batchSize: rolloutNumber(state.batchSize, 1),
    intervalMillis: rolloutNumber(state.intervalSeconds, 1000),
  };
  const parsed = upgradeInput.safeParse(body);
  if (!parsed.success && hasChange) {
    for (const issue of parsed.error.issues) problems.push({ field: fieldOfIssue(issue.path), message: messageOfIssue(issue.path, issue.message) });
  }
  const input = problems.length === 0 && hasChange && parsed.success ? parsed.data : null;
  return { input, proposed, problems, hasChange, isUnchanged: !hasChange && problems.length === 0 };
}
