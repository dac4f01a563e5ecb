// A throwaway PostgreSQL cluster for integration tests and benchmarks (TOOLCHAIN.md 8): initdb into a temp
// dir, a free loopback port, the unix socket in the same temp dir, one database. `stop()` always cleans up.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` (trust auth: never for anything but tests). */
  url: string;
  port: number;
  database: string;
  /** The directory holding the unix socket (`host` for a socket connection). */
  socketDir: string;
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  database?: string;
  /**
   * Keep PostgreSQL's crash-safety settings (fsync, synchronous commit). Tests turn them off for speed;
   * benchmarks keep them so their figures mean something.
   */
  durable?: boolean;
}

/** The newest Debian cluster binaries (/usr/lib/postgresql/<version>/bin), else initdb found on PATH. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found.slice(0, found.lastIndexOf('/'));
  throw new Error('PostgreSQL binaries not found: install the Debian package postgresql');
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const database = options.database ?? 'spin';
  const dir = mkdtempSync(join(tmpdir(), 'spin-pg-'));
  const dataDir = join(dir, 'data');
  const owner = clusterOwner();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (command: string, args: string[]) => runAs(owner, join(bin, command), args, dir);

  let port = 0;
  let isStarted = false;
  const stop = async () => {
    process.removeListener('exit', stopNow);
    if (isStarted) await run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => stopNow());
    isStarted = false;
    rmSync(dir, { recursive: true, force: true });
  };
  // If the test process ends without calling stop(), the server must not outlive it.
  const stopNow = () => {
    if (isStarted) spawnSync(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], spawnAsOptions(owner, dir));
    isStarted = false;
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);

  try {
    await run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const settings = ['-c listen_addresses=127.0.0.1', `-k ${dir}`];
    if (!options.durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
    // A port free a moment ago can be taken before the server binds it: try a few.
    for (let attempt = 1; !isStarted; attempt += 1) {
      port = await freeLoopbackPort();
      try {
        await run('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', `-p ${port} ${settings.join(' ')}`, 'start']);
        isStarted = true;
      } catch (error) {
        if (attempt >= 3) throw new Error(`${(error as Error).message}\n${readLog(join(dir, 'server.log'))}`);
      }
    }
    const admin = new pg.Client({ host: dir, port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`create database "${database.replace(/"/g, '""')}"`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`, port, database, socketDir: dir, stop };
}

/** initdb refuses to run as root: as root, run the cluster as the `postgres` system user. */
function clusterOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function spawnAsOptions(owner: { uid: number; gid: number } | null, cwd: string) {
  // The caller's PG* variables (PGDATA, PGPORT...) must not steer the throwaway cluster.
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', LC_ALL: 'C' };
  for (const name of Object.keys(env)) if (name.startsWith('PG')) delete env[name];
  return { cwd, env, ...(owner ?? {}) };
}

function runAs(owner: { uid: number; gid: number } | null, file: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // pg_ctl start leaves the server running with our stdio: ignore it, or the pipes would keep this open.
    const child = spawn(file, args, { ...spawnAsOptions(owner, cwd), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${file.split('/').pop()} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function readLog(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8').slice(-2000) : '';
}
