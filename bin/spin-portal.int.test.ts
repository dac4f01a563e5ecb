import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '@/test/helpers/portal-session';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';
import { simService } from '@/test/helpers/sim-state';

const repo = fileURLToPath(new URL('..', import.meta.url));

let world: PortalWorld;
let token: string;
/**
 * npx links a project's own bins into its cache once per project path and never again: a cache made
 * before this bin existed answers "spin-portal: not found". A cache of this run's own behaves as on a
 * fresh machine.
 */
const npxCache = mkdtempSync(join(tmpdir(), 'spin-portal-npx-'));

/** fred's personal API token, made from his browser session as the API tokens page does. */
async function createToken(baseUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: 'POST',
    headers: { cookie, origin: baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'spin-portal CLI end to end', expiresInDays: 1 }),
  });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 201 || !body.token) throw new Error(`POST /api/v1/tokens answered ${res.status}: ${JSON.stringify(body)}`);
  return body.token;
}

beforeAll(async () => {
  world = await startPortalWorld();
  token = await createToken(world.portal.url, await signIn(world.portal.url, 'fred'));
}, 300_000);

afterAll(async () => {
  await world?.close();
  rmSync(npxCache, { recursive: true, force: true });
});

/**
 * Runs the CLI the way a CI job does (`npx spin-portal`), as a child process. Not spawnSync: the
 * simulator runs in this process and has to keep answering the portal meanwhile.
 */
function spinPortal(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return run('npx', ['--no-install', 'spin-portal', ...args], repo, { npm_config_cache: npxCache, ...env });
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, { cwd, env: { ...process.env, SPIN_PORTAL_URL: world.portal.url, SPIN_PORTAL_TOKEN: token, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function resultOf(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

// foo-jgi-doe/app is 1st1/1s2 in the demo world, fred's own.
describe('npx spin-portal against the demo portal, with fred\'s token', () => {
  it('deploys a good tag: upgrades, waits, finishes, exit 0', async () => {
    const r = await spinPortal(['deploy', 'foo-jgi-doe/app', '--image', 'registry.spin.nersc.gov/fred/foo-app:1.5.0', '--env', 'LOG_LEVEL=debug', '--finish', '--rollback-on-failure']);
    expect(r.stderr).toMatch(/foo-jgi-doe\/app: upgraded, healthy/);
    expect(r.code).toBe(0);
    expect(resultOf(r.stdout)).toMatchObject({
      stack: 'foo-jgi-doe',
      service: 'app',
      image: 'registry.spin.nersc.gov/fred/foo-app:1.5.0',
      previousImage: 'registry.spin.nersc.gov/fred/foo-app:1.4.2',
      outcome: 'finished',
      state: 'active',
    });
    const service = simService(world.sim, '1s2');
    expect(service.state).toBe('active');
    expect(service.launchConfig).toMatchObject({ imageUuid: 'docker:registry.spin.nersc.gov/fred/foo-app:1.5.0', environment: expect.objectContaining({ LOG_LEVEL: 'debug' }) });
  }, 90_000);

  it('refuses a forbidden image: exit 1 with the rule ids printed, nothing changed', async () => {
    const before = simService(world.sim, '1s2');
    const r = await spinPortal(['deploy', 'foo-jgi-doe/app', '--image', 'quay.io/fred/foo-app:1.5.0', '--wait']);
    expect(r.code).toBe(1);
    const result = resultOf(r.stdout);
    expect(result.outcome).toBe('refused');
    expect(result.findings).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'image-registry-allowed', severity: 'error', field: expect.stringMatching(/imageUuid/) })]));
    expect(r.stderr).toMatch(/error\s+image-registry-allowed/);
    expect(simService(world.sim, '1s2')).toEqual(before);
  }, 60_000);

  it('rolls back an image whose containers crash (--rollback-on-failure): exit 1, the previous image runs', async () => {
    const r = await spinPortal(['deploy', '1st1/app', '--image', 'registry.spin.nersc.gov/fred/foo-app:1.5.1-crash', '--finish', '--rollback-on-failure']);
    expect(r.code).toBe(1);
    expect(resultOf(r.stdout)).toMatchObject({ outcome: 'rolled-back', state: 'active', reason: expect.stringMatching(/Failed to start instance foo-jgi-doe-app-1/) });
    expect(r.stderr).toMatch(/rolling back/);
    const service = simService(world.sim, '1s2');
    expect(service.state).toBe('active');
    expect(service.launchConfig.imageUuid).toBe('docker:registry.spin.nersc.gov/fred/foo-app:1.5.0');
  }, 90_000);

  it('a wrong token: exit 2, "the token was refused (401)"', async () => {
    const wrong = `spinpat_000000000000_${'x'.repeat(40)}`;
    const r = await spinPortal(['deploy', 'foo-jgi-doe/app', '--image', 'registry.spin.nersc.gov/fred/foo-app:1.5.2', '--wait'], { SPIN_PORTAL_TOKEN: wrong });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the token was refused (401)');
    expect(resultOf(r.stdout)).toMatchObject({ outcome: 'error' });
    expect(r.stdout + r.stderr).not.toContain(wrong);
  }, 60_000);

  it('cannot see dino\'s stack: exit 2, as if it did not exist', async () => {
    const r = await spinPortal(['deploy', 'genome-browser/web', '--image', 'nginx:1.27']);
    expect(r.code).toBe(2);
    expect(resultOf(r.stdout).reason).toMatch(/no stack named "genome-browser" that this token can see/);
  }, 60_000);

  it('status --json lists the stack\'s services', async () => {
    const r = await spinPortal(['status', 'foo-jgi-doe', '--json']);
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout) as { stack: { name: string }; services: { name: string; image: string }[] };
    expect(status.stack.name).toBe('foo-jgi-doe');
    expect(status.services.map((s) => s.name).sort()).toEqual(['app', 'db', 'web']);
    expect(status.services.find((s) => s.name === 'app')?.image).toBe('registry.spin.nersc.gov/fred/foo-app:1.5.0');
  }, 60_000);

  it('runs from another directory, as in a CI job\'s own checkout (the package\'s paths still resolve)', async () => {
    const r = await run(process.execPath, [join(repo, 'bin/spin-portal.mjs'), 'status', 'bar-nersc'], tmpdir(), {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kv\s+active\s+healthy/m);
  }, 60_000);

  it('logs reads every container of a service over the websocket with the token', async () => {
    const r = await spinPortal(['logs', 'foo-jgi-doe/web', '--tail', '5']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^foo-jgi-doe-web-1 \| /m);
    expect(r.stdout).toMatch(/^foo-jgi-doe-web-2 \| /m);
  }, 60_000);
});
