/** Registries that are Docker Hub under another name. */
export const DOCKER_HUB_HOSTS: ReadonlySet<string> = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export interface ImageRef {
  raw: string;
  /** Registry host as written (lower-cased), null when the reference names none (Docker Hub). */
  host: string | null;
  isDockerHub: boolean;
  /** Repository path without the host, e.g. `library/nginx` is kept as written (`nginx`). */
  path: string;
  /** First path component when there are several; Docker Hub single names are `library`. */
  namespace: string | null;
  tag: string | null;
  digest: string | null;
  /** `latest` when no tag and no digest; null when pinned by digest; null when the tag is a variable. */
  effectiveTag: string | null;
  /** Docker Hub image of an official project (`nginx`, `library/nginx`). */
  isOfficial: boolean;
  /** A `$VAR` in the host or path: the registry cannot be known before interpolation. */
  hostUnknown: boolean;
}

export type ImageRefResult = { ok: true; ref: ImageRef } | { ok: false; reason: string };

// Grammar of github.com/distribution/reference (reference.go), written out here.
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::[0-9]+)?$/;
const VARIABLE = /\$/;

/**
 * Parses a Docker image reference: `[host[:port]/]path[:tag][@digest]`. The first component is a
 * registry host only if it contains `.` or `:` or is `localhost`, exactly as Docker decides.
 */
export function parseImageRef(input: string): ImageRefResult {
  const raw = input.trim();
  if (raw === '') return { ok: false, reason: 'the image reference is empty' };
  if (/\s/.test(raw)) return { ok: false, reason: `"${raw}" contains white space` };

  let rest = raw;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!VARIABLE.test(digest) && !DIGEST.test(digest)) return { ok: false, reason: `"${digest}" is not a valid digest` };
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!VARIABLE.test(tag) && !TAG.test(tag)) return { ok: false, reason: `"${tag}" is not a valid tag` };
  }

  const parts = rest.split('/');
  let host: string | null = null;
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || VARIABLE.test(first))) {
    host = first.toLowerCase();
    parts.shift();
    if (!VARIABLE.test(first) && !HOST.test(first)) return { ok: false, reason: `"${first}" is not a valid registry host` };
  }
  if (parts.length === 0 || parts.some((p) => p === '')) return { ok: false, reason: `"${raw}" has an empty path component` };
  for (const p of parts) {
    if (VARIABLE.test(p)) continue;
    if (p !== p.toLowerCase()) return { ok: false, reason: `repository names must be lower case ("${p}")` };
    if (!COMPONENT.test(p)) return { ok: false, reason: `"${p}" is not a valid repository name component` };
  }

  const hostUnknown = (host !== null && VARIABLE.test(host)) || parts.some((p) => VARIABLE.test(p));
  const isDockerHub = !hostUnknown && (host === null || DOCKER_HUB_HOSTS.has(host));
  const path = parts.join('/');
  const namespace = parts.length > 1 ? (parts[0] as string) : isDockerHub ? 'library' : null;
  const isOfficial = isDockerHub && (parts.length === 1 || (parts.length === 2 && parts[0] === 'library'));
  const tagUnknown = tag !== null && VARIABLE.test(tag);
  const effectiveTag = digest !== null || tagUnknown ? null : (tag ?? 'latest');
  return { ok: true, ref: { raw, host, isDockerHub, path, namespace, tag, digest, effectiveTag, isOfficial, hostUnknown } };
}

/** The registry as users know it: the host, or `docker.io` for Docker Hub. */
export function registryName(ref: ImageRef): string {
  return ref.isDockerHub ? 'docker.io' : (ref.host ?? 'docker.io');
}

/** Registry plus repository path, without tag or digest: what an image "is" apart from its version. */
export function imageSource(ref: ImageRef): string {
  const path = ref.isDockerHub && !ref.path.includes('/') ? `library/${ref.path}` : ref.path;
  return `${registryName(ref)}/${path}`;
}
