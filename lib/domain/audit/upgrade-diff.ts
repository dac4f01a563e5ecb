// No Node imports: the upgrade form computes its preview in the browser (client-safe.test.ts).
import { isSecretPath, redactDetails, redacted } from './redact-secrets';

/** One field-level change of an upgrade, addressed by a JSON pointer into the launchConfig. */
export interface AuditChange {
  path: string;
  op: 'add' | 'remove' | 'replace';
  before?: unknown;
  after?: unknown;
}

/**
 * The field-by-field difference between a service's current launchConfig and the proposed one, for an
 * upgrade's audit details (`{ changes }`). Maps (`environment`, `labels`, `logConfig`...) are compared key
 * by key; arrays and scalars as whole values. `null` and a missing field are the same (Rancher returns
 * nulls for unset fields that a proposal may simply omit). Values of environment variables whose names
 * look secret are replaced by `[redacted]`, and every value passes through `redactDetails`.
 *
 * @example upgradeDiff({ imageUuid: 'docker:nginx:1.26' }, { imageUuid: 'docker:nginx:1.27' })
 *   // [{ path: '/imageUuid', op: 'replace', before: 'docker:nginx:1.26', after: 'docker:nginx:1.27' }]
 */
export function upgradeDiff(current: Record<string, unknown>, proposed: Record<string, unknown>): AuditChange[] {
  const changes: AuditChange[] = [];
  diffMaps(normalize(current), normalize(proposed), '', changes);
  return changes.map((change) => redactDetails(hideSecret(change)));
}

function diffMaps(before: Record<string, unknown>, after: Record<string, unknown>, base: string, out: AuditChange[]): void {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const path = `${base}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const was = absentIfNull(before[key]);
    const is = absentIfNull(after[key]);
    if (isMap(was) || isMap(is)) {
      if ((was === undefined || isMap(was)) && (is === undefined || isMap(is))) {
        diffMaps(was ?? {}, is ?? {}, path, out);
        continue;
      }
    }
    if (was === undefined && is === undefined) continue;
    if (was === undefined) out.push({ path, op: 'add', after: is });
    else if (is === undefined) out.push({ path, op: 'remove', before: was });
    else if (!sameValue(was, is)) out.push({ path, op: 'replace', before: was, after: is });
  }
}

function hideSecret(change: AuditChange): AuditChange {
  if (!isSecretPath(change.path)) return change;
  return {
    ...change,
    ...('before' in change ? { before: redacted } : {}),
    ...('after' in change ? { after: redacted } : {}),
  };
}

/** Compose's list form of `environment` (`["KEY=value"]`) becomes a map, so it is diffed (and redacted) per key. */
function normalize(config: Record<string, unknown>): Record<string, unknown> {
  const env = config.environment;
  if (!Array.isArray(env)) return config;
  const map: Record<string, unknown> = {};
  for (const entry of env) {
    const text = String(entry);
    const eq = text.indexOf('=');
    if (eq < 0) map[text] = null;
    else map[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return { ...config, environment: map };
}

function absentIfNull(value: unknown): unknown {
  return value === null ? undefined : value;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isMap(a) && isMap(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}
