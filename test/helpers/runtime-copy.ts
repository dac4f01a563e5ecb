import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const testAccount = 'spin-portal-test';

export interface Account {
  uid: number;
  gid: number;
}

/**
 * An unprivileged account to run the portal as, like the image's numeric user: as root, a system user
 * created for the tests (once per machine); otherwise the caller itself, which is unprivileged already.
 */
export function unprivilegedAccount(): Account {
  if (process.getuid?.() !== 0) return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  const exists = spawnSync('id', ['-u', testAccount]).status === 0;
  if (!exists) execFileSync('useradd', ['--system', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', testAccount]);
  const id = (flag: string) => Number(execFileSync('id', [flag, testAccount], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function removeWriteBits(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) for (const entry of readdirSync(path)) removeWriteBits(join(path, entry));
  chmodSync(path, stat.mode & 0o7555);
}

export interface RuntimeCopy {
  /** The copy of dist/, owned by root (or the caller) and writable by nobody. */
  runtimeDir: string;
  /** Secret files, readable by `account` only (mode 400), as Rancher mounts them under /run/secrets. */
  secretsDir: string;
  secret(name: string, value: string): string;
  /** Whether `account` can create a file in the runtime folder (it must not). */
  canWriteAsAccount(): boolean;
  remove(): void;
}

/** Copies dist/ (what the image's runtime stage holds) to a temporary folder and takes every write bit off. */
export function readOnlyRuntimeCopy(account: Account): RuntimeCopy {
  const base = mkdtempSync(join(tmpdir(), 'spin-portal-runtime-'));
  chmodSync(base, 0o755);
  const runtimeDir = join(base, 'app');
  cpSync(join(root, 'dist'), runtimeDir, { recursive: true, verbatimSymlinks: true });
  removeWriteBits(runtimeDir);
  const secretsDir = join(base, 'secrets');
  mkdirSync(secretsDir, { mode: 0o755 });
  return {
    runtimeDir,
    secretsDir,
    secret(name, value) {
      const file = join(secretsDir, name);
      rmSync(file, { force: true });
      writeFileSync(file, `${value}\n`, { mode: 0o400 });
      if (process.getuid?.() === 0) chownSync(file, account.uid, account.gid);
      return file;
    },
    canWriteAsAccount() {
      const probe = spawnSync(process.execPath, ['-e', `require('node:fs').writeFileSync(${JSON.stringify(join(runtimeDir, 'probe'))}, 'x')`], { uid: account.uid, gid: account.gid });
      return probe.status === 0;
    },
    remove() {
      // Write bits first, or the removal itself is refused for a non-root caller.
      spawnSync('chmod', ['-R', 'u+w', base]);
      rmSync(base, { recursive: true, force: true });
    },
  };
}
