import type { LaunchConfig, LaunchConfigPatch } from './types';

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isMap(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/**
 * The launchConfig an upgrade sends: the service's full current one with the change applied as a JSON
 * merge patch (RFC 7396). Rancher replaces the launchConfig wholesale on upgrade (rancher-api.md §9.1),
 * so every field the change does not mention must be copied over, or Rancher resets it. An image given
 * as a plain reference (`nginx:1.27`) gets the `docker:` prefix Rancher requires (§4).
 *
 * @example mergeLaunchConfig({ imageUuid: 'docker:app:1', environment: { A: '1', B: '2' } }, { environment: { B: '3' } })
 *   // { imageUuid: 'docker:app:1', environment: { A: '1', B: '3' } }
 */
export function mergeLaunchConfig(current: LaunchConfig, change: LaunchConfigPatch): LaunchConfig {
  // A merge of two maps is a map; the cast only restores the field types mergePatch does not track.
  const merged = mergePatch(current, change) as LaunchConfig;
  if (typeof merged.imageUuid === 'string' && !merged.imageUuid.startsWith('docker:')) merged.imageUuid = `docker:${merged.imageUuid}`;
  return merged;
}
