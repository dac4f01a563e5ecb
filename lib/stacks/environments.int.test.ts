import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '@/sim/start-sim';
import { ensurePortalBuilt, productionEnv } from '@/test/helpers/portal-process';
import { jsonPost, signIn } from '@/test/helpers/portal-session';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';

// DESIGN.md "Several environments": one portal, one account key, prod-cattle (1a5) and dev-cattle (1a7).

interface Listed {
  id: string;
  name: string;
  environment: { id: string; name: string; production: boolean };
  services: { id: string; name: string; environment: { id: string } }[];
}
interface StackListBody {
  stacks: Listed[];
  environments: { id: string; name: string; production: boolean; available: boolean; problem?: string }[];
}

const prod = { id: '1a5', name: 'prod-cattle', production: true };
const dev = { id: '1a7', name: 'dev-cattle', production: false };

let world: PortalWorld;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await startPortalWorld({}, { RANCHER_PROJECT_IDS: '1a5,1a7' });
  for (const user of ['fred', 'dino']) cookies[user] = await signIn(world.portal.url, user);
}, 300_000);

afterAll(async () => {
  await world?.close();
});

const get = (path: string, user: string) => fetch(`${world.portal.url}${path}`, { headers: { cookie: cookies[user] ?? '' } });
const list = async (user: string) => (await (await get('/api/v1/stacks', user)).json()) as StackListBody;

describe('several environments through the portal', () => {
  it('lists fred’s stacks of both environments, each with its environment', async () => {
    const body = await list('fred');
    expect(body.stacks.map((s) => [s.name, s.environment])).toEqual([
      ['bar-nersc', prod],
      ['foo-jgi-doe', prod],
      ['foo-jgi-doe-dev', dev],
    ]);
    expect(body.stacks.every((s) => s.services.every((service) => service.environment.id === s.environment.id))).toBe(true);
    expect(body.environments).toEqual([
      { ...prod, available: true },
      { ...dev, available: true },
    ]);
    expect(await (await get('/api/v1/environments', 'fred')).json()).toEqual({ environments: body.environments });
  });

  it('never shows dino fred’s dev stack', async () => {
    const body = await list('dino');
    expect(body.stacks.map((s) => s.name)).toEqual(['crashy-nersc', 'genome-browser', 'genome-browser-dev']);
    const fredsDev = (await list('fred')).stacks.find((s) => s.name === 'foo-jgi-doe-dev');
    expect((await get(`/api/v1/stacks/${fredsDev?.id}`, 'dino')).status).toBe(404);
  });

  it('shows a dev stack with its environment on the stack, services and containers', async () => {
    const fooDev = (await list('fred')).stacks.find((s) => s.name === 'foo-jgi-doe-dev');
    const stack = (await (await get(`/api/v1/stacks/${fooDev?.id}`, 'fred')).json()) as { environment: unknown; services: { containers: { environment: unknown }[] }[] };
    expect(stack.environment).toEqual(dev);
    expect(stack.services.flatMap((s) => s.containers.map((c) => c.environment))).toEqual([dev, dev]);
  });

  it('acts on a dev stack in project 1a7 only', async () => {
    const fooDev = (await list('fred')).stacks.find((s) => s.name === 'foo-jgi-doe-dev');
    const web = fooDev?.services.find((s) => s.name === 'web');
    const changed = new Set<string>();
    const crashy = [...world.sim.world.stacks.values()].find((s) => s.name === 'crashy-nersc')?.id;
    const stop = world.sim.world.onChange((record) => {
      // crashy-nersc's crash loop changes prod on its own.
      if (!('stackId' in record && record.stackId === crashy) && record.id !== crashy) changed.add(record.accountId);
    });
    try {
      const res = await fetch(`${world.portal.url}/api/v1/stacks/${fooDev?.id}/services/${web?.id}/restart`, jsonPost(world.portal.url, cookies.fred ?? ''));
      expect(res.status).toBe(202);
      expect(((await res.json()) as { environment: unknown }).environment).toEqual(dev);
      await expect.poll(() => world.sim.world.services.get(web?.id ?? '')?.state, { timeout: 10_000 }).toBe('active');
    } finally {
      stop();
    }
    expect([...changed]).toEqual(['1a7']);
  });

  it('keeps prod listed and usable while dev is down, and shows dev as unavailable', async () => {
    const fooDev = (await list('fred')).stacks.find((s) => s.name === 'foo-jgi-doe-dev');
    world.sim.faults.patch({ unavailable_projects: ['1a7'] });
    try {
      // The mirror trusts its open feed; dev's stack page reads Rancher and fails for dev alone.
      const page = await get(`/api/v1/stacks/${fooDev?.id}`, 'fred');
      expect(page.status).toBe(503);
      const bar = (await list('fred')).stacks.find((s) => s.name === 'bar-nersc');
      const res = await fetch(`${world.portal.url}/api/v1/stacks/${bar?.id}/services/${bar?.services[0]?.id}/restart`, jsonPost(world.portal.url, cookies.fred ?? ''));
      expect(res.status).toBe(202);
      expect((await get(`/api/v1/stacks/${bar?.id}`, 'fred')).status).toBe(200);
      // Once dev's feed drops too (at its next ping), the list reads Rancher and reports dev unavailable, prod listed.
      await expect
        .poll(async () => (await list('fred')).environments.map((e) => [e.name, e.available]), { timeout: 20_000 })
        .toEqual([
          ['prod-cattle', true],
          ['dev-cattle', false],
        ]);
      const body = await list('fred');
      expect(body.stacks.map((s) => s.name)).toEqual(['bar-nersc', 'foo-jgi-doe']);
      expect(body.environments[1]?.problem).toMatch(/\S/);
      expect((await fetch(`${world.portal.url}/api/readyz`)).status).toBe(200);
    } finally {
      world.sim.faults.reset();
    }
  });
});

describe('start', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    sim = await startSim({ stepMs: 20 });
    await ensurePortalBuilt();
  }, 300_000);
  afterAll(async () => {
    await sim?.close();
  });

  /** Runs the built portal until it exits (spawned, not spawnSync: the simulator answers from this process). */
  async function start(env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'spin-portal-envs-'));
    const settings = productionEnv({ rancherUrl: sim.url, accessKey: sim.accessKey, secretKey: sim.secretKey, ldapUrl: 'ldap://127.0.0.1:1' })(3999);
    const child = spawn(process.execPath, [join(resolve(__dirname, '../..'), 'dist/server.cjs')], {
      env: { NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '3999', ...settings, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    try {
      const status = await new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      return { status, stderr };
    } finally {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  it('stops with exit code 1 naming a project Rancher does not have, or one the key may not read', async () => {
    const unknown = await start({ RANCHER_PROJECT_IDS: '1a5,1a9' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('RANCHER_PROJECT_IDS: environment 1a9: Rancher has no such environment');
    const refused = await start({ RANCHER_ACCESS_KEY: 'SPINPRODENVKEY', RANCHER_SECRET_KEY: 'spin-demo-prod-secret', RANCHER_PROJECT_ID: '1a7' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('RANCHER_PROJECT_ID: environment 1a7: the Rancher key may not read it');
  }, 90_000);
});
