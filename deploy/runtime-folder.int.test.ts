import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '@/sim/start-sim';
import { idsByName } from '@/test/helpers/container-ids';
import { ensurePortalBuilt, startPortalProcess, type PortalProcess } from '@/test/helpers/portal-process';
import { jsonPost, signIn } from '@/test/helpers/portal-session';
import { startPostgres, type PostgresCluster } from '@/test/helpers/postgres';
import { parseMetrics, sampleValue } from '@/test/helpers/prometheus-text';
import { readOnlyRuntimeCopy, unprivilegedAccount, type Account, type RuntimeCopy } from '@/test/helpers/runtime-copy';
import { settledService } from '@/test/helpers/sim-state';
import { startSlapd, type Slapd } from '@/test/helpers/slapd';
import { SocketClient } from '@/test/helpers/socket-client';

// The image's situation without Docker: the runtime folder (dist/, which deploy/Dockerfile copies as
// is) run from a copy nobody may write to, by an unprivileged account, with no HOME and only /tmp
// writable, every secret a file readable by that account only, against PostgreSQL, OpenLDAP over
// LDAPS and the simulator. Demo world: foo-jgi-doe 1st1 (web 1s1, app 1s2) is fred's.
const metricsToken = 'metrics-token-of-thirty-two-chars';
let account: Account;
let copy: RuntimeCopy;
let postgres: PostgresCluster;
let slapd: Slapd;
let sim: RunningSim;
let portal: PortalProcess;

function portalEnvironment(port: number): Record<string, string> {
  const caFile = slapd.caFile;
  if (!slapd.ldapsUrl || !caFile) throw new Error('slapd started without TLS');
  return {
    HOST: '127.0.0.1',
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    RANCHER_URL: sim.url,
    RANCHER_ACCESS_KEY_FILE: copy.secret('rancher_access_key', sim.accessKey),
    RANCHER_SECRET_KEY_FILE: copy.secret('rancher_secret_key', sim.secretKey),
    LDAP_URL: slapd.ldapsUrl,
    LDAP_BASE_DN: 'dc=nersc,dc=gov',
    LDAP_BIND_DN: 'cn=spin-portal,ou=services,dc=nersc,dc=gov',
    LDAP_BIND_PASSWORD_FILE: copy.secret('ldap_bind_password', 'spin-demo'),
    LDAP_CA_FILE: copy.secret('ldap_ca_cert', readFileSync(caFile, 'utf8')),
    NEXTAUTH_SECRET_FILE: copy.secret('nextauth_secret', 'runtime-folder-test-secret-of-forty-chars'),
    DATABASE_URL: postgres.url,
    DATABASE_PASSWORD_FILE: copy.secret('db_password', 'unused-with-trust-auth'),
    METRICS_TOKEN_FILE: copy.secret('metrics_token', metricsToken),
  };
}

beforeAll(async () => {
  await ensurePortalBuilt();
  account = unprivilegedAccount();
  copy = readOnlyRuntimeCopy(account);
  [postgres, slapd, sim] = await Promise.all([startPostgres(), startSlapd({ tls: true }), startSim({ stepMs: 20 })]);
  portal = await startPortalProcess(portalEnvironment, { runtimeDir: copy.runtimeDir, uid: account.uid, gid: account.gid });
}, 300_000);

afterAll(async () => {
  await portal?.stop();
  await sim?.close();
  await slapd?.close();
  await postgres?.stop();
  copy?.remove();
});

function processUid(pid: number): number {
  return Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

describe('the runtime folder, read-only, as an unprivileged account, secrets as files', () => {
  it('is the folder the image ships, under 200 MB on disk (README gives the figure)', () => {
    const kib = Number(execFileSync('du', ['-sk', join(resolve(__dirname, '..'), 'dist')], { encoding: 'utf8' }).split('\t')[0]);
    expect(kib).toBeGreaterThan(10 * 1024);
    expect(kib).toBeLessThan(200 * 1024);
    expect(readFileSync(resolve(__dirname, 'Dockerfile'), 'utf8')).toContain('COPY --from=build /src/dist/ /app/');
  });

  it('runs as that account from a folder it cannot write to', () => {
    expect(account.uid).not.toBe(0);
    expect(processUid(portal.child.pid ?? 0)).toBe(account.uid);
    expect(copy.canWriteAsAccount()).toBe(false);
  });

  it('signs in over LDAPS, restarts a service, streams logs and opens a shell', async () => {
    const cookie = await signIn(portal.url, 'fred');
    const ids = await idsByName(portal.url, cookie);
    expect(ids['foo-jgi-doe/web']).toBe('1s1');

    const restart = await fetch(`${portal.url}/api/v1/stacks/1st1/services/1s1/restart`, { ...jsonPost(portal.url, cookie), body: JSON.stringify({ batchSize: 1, intervalMillis: 10 }) });
    expect(restart.status).toBe(202);
    expect((await settledService(sim, '1s1')).state).toBe('active');

    const logs = new SocketClient(portal.url, `/api/v1/containers/${ids['foo-jgi-doe-web-1']}/logs`, cookie);
    await expect.poll(() => logs.frames.filter((f) => typeof f.line === 'string').length, { timeout: 10_000 }).toBeGreaterThan(0);
    logs.ws.close();

    const shell = new SocketClient(portal.url, `/api/v1/containers/${ids['foo-jgi-doe-app-1']}/shell`, cookie);
    let output = '';
    shell.ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      if (isBinary) output += data.toString();
    });
    await shell.frame('ready');
    shell.ws.send(Buffer.from('echo runtime-shell-ok\r'), { binary: true });
    await expect.poll(() => /\nruntime-shell-ok\r?\n/.test(output), { timeout: 10_000 }).toBe(true);
    shell.ws.close();
  });

  it('keeps a session across a restart of the portal (sessions live in PostgreSQL)', async () => {
    const cookie = await signIn(portal.url, 'barney');
    expect(await portal.stop()).toBe(0);
    portal = await startPortalProcess(portalEnvironment, { runtimeDir: copy.runtimeDir, uid: account.uid, gid: account.gid });
    expect((await fetch(`${portal.url}/api/v1/stacks`, { headers: { cookie } })).status).toBe(200);
  });

  it('serves metrics with the token from its file, and 403 without it', async () => {
    const refused = await fetch(`${portal.url}/api/metrics`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    await refused.text();
    const res = await fetch(`${portal.url}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(res.status).toBe(200);
    expect(sampleValue(parseMetrics(await res.text()), 'spin_portal_http_requests_total', { route: '/api/metrics', status: '403' })).toBeGreaterThanOrEqual(1);
  });

  it('wrote nothing it was refused: no permission or read-only error in its JSON log', () => {
    const log = portal.output();
    expect(log).not.toMatch(/EACCES|EROFS|EPERM/);
    for (const line of log.split('\n').filter((l) => l.startsWith('{'))) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('names the secret file it cannot read, and stops', async () => {
    const broken = await startPortalProcess(
      (port) => ({ ...portalEnvironment(port), NEXTAUTH_SECRET_FILE: `${copy.secretsDir}/no-such-secret` }),
      { runtimeDir: copy.runtimeDir, uid: account.uid, gid: account.gid },
    ).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(broken).toContain(`NEXTAUTH_SECRET_FILE: cannot read ${copy.secretsDir}/no-such-secret (ENOENT)`);
  });
});
