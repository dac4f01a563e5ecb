import { isExternalFsPath, normalisePosixPath } from './host-path';

/** One `volumes`/`dataVolumes` entry: `src:dst[:opts]` or an anonymous `dst`. */
export interface VolumeMount {
  raw: string;
  /** Null for an anonymous volume (`/data`). */
  source: string | null;
  target: string;
  options: string[];
  kind: 'bind' | 'named' | 'anonymous';
  /** Normalised host path for bind mounts (no `.`/`..`, no trailing `/`). */
  hostPath: string | null;
  readOnly: boolean;
  /** Host path on the NERSC Global Filesystem (`/global…`, or `/project…` which is the same tree). */
  external: boolean;
}

export type VolumeMountResult = { ok: true; mount: VolumeMount } | { ok: false; reason: string };

function isHostPath(source: string): boolean {
  return source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
}

export function parseVolumeMount(value: string): VolumeMountResult {
  const raw = value.trim();
  if (raw === '') return { ok: false, reason: 'the volume is empty' };
  const parts = raw.split(':');
  if (parts.length > 3) return { ok: false, reason: `"${raw}" is not src:dst[:options]` };
  if (parts.some((p) => p === '')) return { ok: false, reason: `"${raw}" has an empty field` };
  if (parts.length === 1) {
    return { ok: true, mount: { raw, source: null, target: raw, options: [], kind: 'anonymous', hostPath: null, readOnly: false, external: false } };
  }
  const source = parts[0] as string;
  const target = parts[1] as string;
  const options = parts.length === 3 ? (parts[2] as string).split(',').map((o) => o.trim()) : [];
  if (!target.startsWith('/')) return { ok: false, reason: `the container path "${target}" must be absolute` };
  const bind = isHostPath(source);
  const hostPath = bind && source.startsWith('/') ? normalisePosixPath(source) : null;
  return {
    ok: true,
    mount: {
      raw,
      source,
      target,
      options,
      kind: bind ? 'bind' : 'named',
      hostPath,
      readOnly: options.includes('ro'),
      external: hostPath !== null && isExternalFsPath(hostPath),
    },
  };
}
