// The small read-only file system behind the fake shell: what a container image of its family holds,
// plus the service's own files and its mounted secrets. Nothing here touches the host's disk.

export interface FileNode {
  kind: 'dir' | 'file';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  content: string;
  children: Map<string, FileNode>;
}

export interface Account {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export interface TreeSpec {
  hostname: string;
  ipAddress: string;
  shell: 'bash' | 'sh';
  users: Account[];
  groups: { name: string; gid: number }[];
  workingDir: string | null;
  files: Record<string, string>;
  secrets: { name: string; value: string }[];
  createdMs: number;
}

function dir(mtime: number, mode = 0o755, uid = 0, gid = 0): FileNode {
  return { kind: 'dir', mode, uid, gid, mtime, content: '', children: new Map() };
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/** Adds a file (and its parent directories) to the tree. */
export function putFile(root: FileNode, path: string, content: string, mtime: number, mode = 0o644): void {
  const parts = splitPath(path);
  const name = parts.pop();
  if (!name) return;
  let node = root;
  for (const part of parts) {
    let next = node.children.get(part);
    if (!next) {
      next = dir(mtime);
      node.children.set(part, next);
    }
    node = next;
  }
  node.children.set(name, { kind: 'file', mode, uid: 0, gid: 0, mtime, content, children: new Map() });
}

export function putDir(root: FileNode, path: string, mtime: number, owner?: { uid: number; gid: number }): void {
  let node = root;
  for (const part of splitPath(path)) {
    let next = node.children.get(part);
    if (!next) {
      next = dir(mtime, 0o755, owner?.uid ?? 0, owner?.gid ?? 0);
      node.children.set(part, next);
    }
    node = next;
  }
}

/** Resolves `path` against `cwd` (both absolute or relative, with `.` and `..`) to a normal absolute path. */
export function absolutePath(cwd: string, path: string): string {
  const parts = path.startsWith('/') ? [] : splitPath(cwd);
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function lookup(root: FileNode, absolute: string): FileNode | undefined {
  let node: FileNode | undefined = root;
  for (const part of splitPath(absolute)) {
    if (node?.kind !== 'dir') return undefined;
    node = node.children.get(part);
  }
  return node;
}

const osRelease = {
  sh: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.9.2\nPRETTY_NAME="Alpine Linux v3.9"\nHOME_URL="https://alpinelinux.org/"\n',
  bash: 'PRETTY_NAME="Debian GNU/Linux 9 (stretch)"\nNAME="Debian GNU/Linux"\nVERSION_ID="9"\nVERSION="9 (stretch)"\nID=debian\nHOME_URL="https://www.debian.org/"\n',
};

const binaries = ['sh', 'ls', 'cat', 'echo', 'env', 'hostname', 'id', 'pwd', 'true', 'false', 'whoami'];

export function buildTree(spec: TreeSpec): FileNode {
  const t = spec.createdMs;
  const root = dir(t);
  for (const d of ['bin', 'dev', 'etc', 'home', 'lib', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr/bin', 'usr/local/bin', 'var/log', 'var/tmp']) putDir(root, d, t);
  for (const b of [...binaries, ...(spec.shell === 'bash' ? ['bash'] : [])]) putFile(root, `/bin/${b}`, '', t, 0o755);
  const accounts = [{ name: 'root', uid: 0, gid: 0, home: '/root' }, ...spec.users, { name: 'nobody', uid: 65534, gid: 65534, home: '/nonexistent' }];
  const groups = [{ name: 'root', gid: 0 }, ...spec.groups, { name: 'nogroup', gid: 65534 }];
  const loginShell = spec.shell === 'bash' ? '/bin/bash' : '/bin/sh';
  putFile(root, '/etc/passwd', accounts.map((a) => `${a.name}:x:${a.uid}:${a.gid}:${a.name}:${a.home}:${a.uid === 0 ? loginShell : '/sbin/nologin'}\n`).join(''), t);
  putFile(root, '/etc/group', groups.map((g) => `${g.name}:x:${g.gid}:\n`).join(''), t);
  putFile(root, '/etc/shadow', accounts.map((a) => `${a.name}:!::0:::::\n`).join(''), t, 0o600);
  putFile(root, '/etc/hostname', `${spec.hostname}\n`, t);
  putFile(root, '/etc/hosts', `127.0.0.1\tlocalhost\n${spec.ipAddress}\t${spec.hostname}\n`, t);
  putFile(root, '/etc/resolv.conf', 'search rancher.internal\nnameserver 169.254.169.250\n', t);
  putFile(root, '/etc/os-release', osRelease[spec.shell], t);
  for (const a of spec.users) putDir(root, a.home, t, a);
  if (spec.workingDir) putDir(root, spec.workingDir, t);
  for (const [path, content] of Object.entries(spec.files)) putFile(root, path, content, t);
  for (const s of spec.secrets) putFile(root, `/run/secrets/${s.name}`, s.value, t, 0o444);
  return root;
}
