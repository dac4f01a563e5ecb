/**
 * Host paths of bind mounts, judged as the Spin node will see them (spin-policy.md §4.10). Everything
 * is compared after `normalisePosixPath`, so a spelling cannot walk out of an allowed root.
 */

/** The external-FS roots of §2: what an owner may mount when the portal is not configured otherwise. */
export const DEFAULT_ALLOWED_HOST_PATHS: readonly string[] = ['/global', '/project'];

/** Node paths no configuration can allow: each is root on the node, or Rancher's and Docker's own state. */
export const NEVER_ALLOWED_HOST_PATHS: readonly string[] = [
  '/proc', '/sys', '/dev', '/etc', '/boot', '/root', '/run', '/var/run', '/var/lib/docker', '/var/lib/rancher', '/usr', '/lib',
];

/**
 * POSIX path normalisation without `node:path` (the library is isomorphic): repeated `/` collapse, `.`
 * goes, `..` removes the segment before it (never above `/`), a trailing `/` goes.
 */
export function normalisePosixPath(p: string): string {
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** Whether a normalised path is `root` itself or below it. */
export function isUnder(path: string, root: string): boolean {
  return root === '/' || path === root || path.startsWith(`${root}/`);
}

export function isExternalFsPath(hostPath: string): boolean {
  return DEFAULT_ALLOWED_HOST_PATHS.some((root) => isUnder(hostPath, root));
}

/** Resolves a bind source against the directory the `rancher` CLI runs in; null when it cannot be known. */
export function resolveHostSource(source: string, baseDir: string | null): string | null {
  if (source.startsWith('/')) return normalisePosixPath(source);
  if (source.startsWith('~') || baseDir === null || !baseDir.startsWith('/')) return null;
  return normalisePosixPath(`${baseDir}/${source}`);
}

export type HostPathVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'node' | 'socket' | 'outside' };

/**
 * Judges a normalised absolute host path: `node` for `/` and the never-allowed system paths, `socket`
 * for a Unix socket anywhere, `outside` when no allowed root holds it.
 */
export function judgeHostPath(path: string, allowedRoots: readonly string[]): HostPathVerdict {
  if (path === '/' || NEVER_ALLOWED_HOST_PATHS.some((p) => isUnder(path, p))) return { allowed: false, reason: 'node' };
  if ((path.split('/').pop() ?? '').endsWith('.sock')) return { allowed: false, reason: 'socket' };
  if (!allowedRoots.some((root) => isUnder(path, root))) return { allowed: false, reason: 'outside' };
  return { allowed: true };
}

export type AllowedHostPathsResult = { ok: true; roots: string[] } | { ok: false; message: string };

/**
 * Reads `POLICY_ALLOWED_HOST_PATHS` (comma separated absolute paths). A root that is `/` or would hold a
 * never-allowed path is refused: configuration may add roots, never the node itself.
 */
export function parseAllowedHostPaths(text: string | undefined): AllowedHostPathsResult {
  if (text === undefined || text.trim() === '') return { ok: true, roots: [...DEFAULT_ALLOWED_HOST_PATHS] };
  const roots: string[] = [];
  for (const raw of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    if (!raw.startsWith('/')) return { ok: false, message: `"${raw}" is not an absolute path` };
    const root = normalisePosixPath(raw);
    const holds = NEVER_ALLOWED_HOST_PATHS.find((p) => isUnder(p, root) || isUnder(root, p));
    if (root === '/' || holds) return { ok: false, message: `"${raw}" would allow ${root === '/' ? 'the whole node' : holds}, which is never allowed` };
    if (!roots.includes(root)) roots.push(root);
  }
  return roots.length > 0 ? { ok: true, roots } : { ok: false, message: 'name at least one path' };
}
