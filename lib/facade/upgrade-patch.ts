import 'server-only';
import { isDeepStrictEqual } from 'node:util';
import { PolicyInputError } from '@/lib/domain/errors/app-error';
import type { LaunchConfig } from '@/lib/domain/rancher/types';
import { launchConfigChange, type LaunchConfigChange } from '@/lib/domain/upgrade/upgrade-input';

/** The label rancher-compose stamps on what it sends to compare later: bookkeeping, not a change. */
const hashLabel = 'io.rancher.service.hash';

/** Fields of Rancher's resource envelope and its own stamps (`version` of each upgrade), not of the container. */
const envelope = new Set(['type', 'links', 'actions', 'kind', 'version']);

const changeable = new Set(Object.keys(launchConfigChange.shape));
const maps = new Set(['environment', 'labels']);

/** go-rancher stamps `type`, `links` and `actions` on every nested struct it sends (`logConfig`, …): not part of the value. */
function withoutEnvelope(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEnvelope);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !['type', 'links', 'actions'].includes(k)).map(([k, v]) => [k, withoutEnvelope(v)]));
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.values(value).every(isEmpty);
}

function same(a: unknown, b: unknown): boolean {
  const [x, y] = [withoutEnvelope(a), withoutEnvelope(b)];
  return (isEmpty(x) && isEmpty(y)) || isDeepStrictEqual(x, y);
}

function withoutHash(map: unknown): Record<string, string> {
  const entries = Object.entries((map ?? {}) as Record<string, string>).filter(([k]) => k !== hashLabel);
  return Object.fromEntries(entries);
}

/** Key by key: changed and new keys with their value, removed keys as null. */
function mapPatch(current: unknown, wanted: unknown): Record<string, string | null> | undefined {
  const from = withoutHash(current);
  const to = withoutHash(wanted);
  const patch: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(to)) if (from[k] !== v) patch[k] = v;
  for (const k of Object.keys(from)) if (!(k in to)) patch[k] = null;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/**
 * The CLI sends a service's whole new launchConfig (rancher-compose's `inServiceStrategy.launchConfig`);
 * the portal's upgrade takes the fields that change, as the browser's form does, so both go through one
 * policy check and one audited path. A difference in a field the portal does not upgrade is refused
 * (422 naming it) rather than dropped; fields the compose file leaves empty keep their current value.
 */
export function upgradePatch(current: LaunchConfig, wanted: Record<string, unknown>): LaunchConfigChange {
  const patch: Record<string, unknown> = {};
  const refused: string[] = [];
  for (const field of new Set([...Object.keys(current), ...Object.keys(wanted)])) {
    if (envelope.has(field)) continue;
    if (maps.has(field)) {
      const change = mapPatch(current[field], wanted[field]);
      if (change) patch[field] = change;
    } else if (!(field in wanted) || same(current[field], wanted[field])) {
      continue;
    } else if (changeable.has(field)) {
      patch[field] = wanted[field] ?? null;
    } else if (!isEmpty(withoutEnvelope(wanted[field]))) {
      refused.push(field);
    }
  }
  if (refused.length > 0) {
    throw new PolicyInputError(`The portal does not upgrade ${refused.join(', ')} of a service; change it with Spin staff.`, {
      errors: refused.map((f) => ({ path: `launchConfig.${f}`, message: 'not changeable through the portal' })),
    });
  }
  return launchConfigChange.parse(patch);
}
