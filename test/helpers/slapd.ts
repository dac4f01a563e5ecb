// A throwaway OpenLDAP slapd for integration tests (TOOLCHAIN.md 6): the config in test/ldap/slapd.conf,
// loaded with slapadd from an LDIF (the demo directory by default), data in a temp dir, listening on free
// loopback ports. `close()` always kills it and removes the dir; so does the test process ending.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './free-port';
import { createTestCa } from './test-ca';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const slapdBin = '/usr/sbin/slapd';
const slapaddBin = '/usr/sbin/slapadd';

export interface Slapd {
  /** `ldap://127.0.0.1:<port>`; StartTLS works on it too when started with `tls`. */
  url: string;
  /** `ldaps://127.0.0.1:<port>`, with `tls` only. */
  ldapsUrl?: string;
  /** The PEM of the CA that signed the server certificate, with `tls` only. */
  caFile?: string;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `npm test` may still be installing slapd (apt) when the suite starts. */
async function waitForSlapd(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(slapdBin) || !existsSync(slapaddBin)) {
    if (Date.now() > until) throw new Error(`${slapdBin} not found: install the Debian packages slapd and ldap-utils`);
    await sleep(500);
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function tlsConfig(tls: { caFile: string; certFile: string; keyFile: string }): string {
  return [`TLSCACertificateFile ${tls.caFile}`, `TLSCertificateFile ${tls.certFile}`, `TLSCertificateKeyFile ${tls.keyFile}`].join('\n');
}

/** Runs slapd in the foreground (`-d 0`) so it stays our child, and waits until its port answers. */
async function launch(configFile: string, urls: string[], port: number): Promise<ChildProcess> {
  const child = spawn(slapdBin, ['-d', '0', '-h', urls.join(' '), '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const until = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`slapd exited (${child.exitCode ?? child.signalCode}): ${output}`);
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`slapd did not answer on port ${port} within 10 s: ${output}`);
    }
    await sleep(50);
  }
  return child;
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startSlapd(options: { ldifPath?: string; tls?: boolean } = {}): Promise<Slapd> {
  await waitForSlapd(45_000);
  const dir = await mkdtemp(join(tmpdir(), 'spin-slapd-'));
  let child: ChildProcess | undefined;
  // If the test process ends without close(), slapd must not outlive it.
  const killNow = () => child?.kill('SIGKILL');
  process.once('exit', killNow);
  const close = async () => {
    process.removeListener('exit', killNow);
    if (child) await stopped(child);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await mkdir(join(dir, 'db'));
    const tls = options.tls ? await createTestCa(join(dir, 'tls')) : undefined;
    const template = await readFile(join(root, 'test/ldap/slapd.conf'), 'utf8');
    const configFile = join(dir, 'slapd.conf');
    await writeFile(configFile, template.replaceAll('@DATA_DIR@', dir).replace('@TLS@', tls ? tlsConfig(tls) : ''));
    await run(slapaddBin, ['-q', '-f', configFile, '-l', options.ldifPath ?? join(root, 'demo/directory.ldif')]).catch((error: unknown) => {
      throw new Error(`slapadd failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
    });

    // A port free a moment ago can be taken before slapd binds it: try a few.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const ldapsPort = tls ? await freePort() : undefined;
      const urls = [`ldap://127.0.0.1:${port}/`, ...(ldapsPort ? [`ldaps://127.0.0.1:${ldapsPort}/`] : [])];
      try {
        child = await launch(configFile, urls, port);
        if (ldapsPort && !(await canConnect(ldapsPort))) throw new Error(`slapd does not listen on ldaps port ${ldapsPort}`);
        return {
          url: `ldap://127.0.0.1:${port}`,
          ldapsUrl: ldapsPort ? `ldaps://127.0.0.1:${ldapsPort}` : undefined,
          caFile: tls?.caFile,
          close,
        };
      } catch (error) {
        if (child) await stopped(child);
        child = undefined;
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
}
