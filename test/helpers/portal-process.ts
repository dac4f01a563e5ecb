import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from './free-port';
import { checkResponsesOf } from './openapi-conformance';

const root = resolve(__dirname, '../..');

export interface PortalProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then the exit code (SIGKILL after `timeoutMs`). Always removes the data folder. */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Builds the portal if its build is stale, exactly as `npm start` does. */
export async function ensurePortalBuilt(): Promise<void> {
  const start = (await import(pathToFileURL(join(root, 'scripts/start.mjs')).href)) as { ensureBuilt(): Promise<void> };
  await start.ensureBuilt();
}

/** Another copy of the runtime folder to run, and the account to run it as (the image's way). */
export interface PortalProcessOptions {
  /** A copy of dist/ (default: dist/ itself, from the repository root). */
  runtimeDir?: string;
  uid?: number;
  gid?: number;
}

/**
 * Starts the built portal (dist/server.cjs) as `npm start` runs it, on free loopback ports and with a
 * throwaway data folder. Demo mode unless `env` sets RANCHER_URL.
 */
export async function startPortalProcess(
  env: Record<string, string> | ((port: number) => Record<string, string>) = {},
  options: PortalProcessOptions = {},
): Promise<PortalProcess> {
  await ensurePortalBuilt();
  const port = await freePort();
  const extraEnv = typeof env === 'function' ? env(port) : env;
  const dataDir = mkdtempSync(join(tmpdir(), 'spin-portal-test-'));
  if (options.uid !== undefined) chownSync(dataDir, options.uid, options.gid ?? options.uid);
  const child = spawn(process.execPath, [join(options.runtimeDir ?? join(root, 'dist'), 'server.cjs')], {
    cwd: options.runtimeDir ?? root,
    uid: options.uid,
    gid: options.gid,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_SIM_PORT: String(await freePort()),
      DEMO_LDAP_PORT: String(await freePort()),
      DEMO_STEP_MS: '20',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  // A runner that crashes must not leave its portals running (they would hold ports and memory).
  const stopWithRunner = () => child.kill('SIGKILL');
  process.once('exit', stopWithRunner);
  void exited.then(() => process.off('exit', stopWithRunner));

  const url = `http://127.0.0.1:${port}`;
  checkResponsesOf(url);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`portal did not answer /api/healthz within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    port,
    child,
    output: () => output,
    async stop(timeoutMs = 15_000) {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Production-mode settings pointing a portal at a simulator and a directory that a test started itself. */
export function productionEnv(options: { rancherUrl: string; accessKey: string; secretKey: string; ldapUrl: string }): (port: number) => Record<string, string> {
  return (port) => ({
    RANCHER_URL: options.rancherUrl,
    RANCHER_ACCESS_KEY: options.accessKey,
    RANCHER_SECRET_KEY: options.secretKey,
    LDAP_URL: options.ldapUrl,
    LDAP_BASE_DN: 'dc=nersc,dc=gov',
    LDAP_USER_DN_TEMPLATE: 'uid={uid},ou=people,dc=nersc,dc=gov',
    NEXTAUTH_SECRET: 'integration-test-secret-of-forty-characters',
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  });
}
