import { describe, expect, it, vi } from 'vitest';
import { NotFoundError, UnavailableError, UpstreamError } from '@/lib/domain/errors/app-error';
import { startContractSim, contractSimForFile } from '@/test/helpers/rancher-contract-harness';
import { RancherNotFoundError, RancherUnauthorizedError, RancherUnavailableError } from './errors';
import { RancherHttpClient } from './http-client';

// Reading the demo world (DESIGN.md) through the client, and a generated world with small pages.

const world = contractSimForFile();

describe('listStacks', () => {
  it('lists the demo stacks with their tags and services', async () => {
    const stacks = await world.backend.listStacks();
    expect(stacks.map((s) => s.name).sort()).toEqual(['bar-nersc', 'crashy-nersc', 'foo-jgi-doe', 'genome-browser', 'isg-monitor', 'legacy-stack']);
    const foo = stacks.find((s) => s.name === 'foo-jgi-doe');
    expect(foo?.tags).toEqual({ owner: 'fred', staffOwner: 'wilma', group: 'csg', staffGroup: 'isg', fqdn: 'foo.jgi.doe.gov', other: {} });
    expect(foo?.services.map((s) => [s.name, s.image, s.scale])).toEqual([
      ['web', 'nginx:1.15.12-alpine', 2],
      ['app', 'registry.spin.nersc.gov/fred/foo-app:1.4.2', 1],
      ['db', 'mysql:5.7.24', 1],
    ]);
    expect(foo?.services.every((s) => s.stackId === foo.id && s.state === 'active')).toBe(true);
    expect(stacks.find((s) => s.name === 'genome-browser')?.tags).toMatchObject({ owner: 'dino', group: 'genome', requires: 'gpfs' });
    expect(stacks.find((s) => s.name === 'legacy-stack')?.tags).toEqual({ other: {} });
  });

  it('reads Rancher at every listing when the mirror is off', async () => {
    const direct = world.connect({ tuning: { stackListMirror: false } });
    const lists = vi.spyOn(RancherHttpClient.prototype, 'list');
    const stackListReads = () => lists.mock.calls.filter(([path]) => typeof path === 'string' && path.endsWith('/stacks')).length;
    try {
      // The same join as the mirror's (ids only: crashy-nersc's state moves on its own).
      const ids = (stacks: { id: string; services: { id: string }[] }[]) => stacks.map((s) => [s.id, s.services.map((v) => v.id)]);
      expect(ids(await direct.listStacks())).toEqual(ids(await world.backend.listStacks()));
      const before = stackListReads();
      for (let i = 0; i < 3; i++) await direct.listStacks();
      expect(stackListReads() - before).toBe(3);
    } finally {
      lists.mockRestore();
      direct.close();
    }
  });

  it('finds the environment itself when none is configured and the key sees one', async () => {
    const own = world.connect({ url: `${world.sim.url}/v2-beta`, accessKey: 'SPINPRODENVKEY', secretKey: 'spin-demo-prod-secret', projectIds: undefined });
    const stacks = await own.listStacks();
    expect(stacks.length).toBe(6);
    expect(stacks.every((s) => s.environment.id === '1a5' && s.environment.name === 'prod-cattle' && s.environment.production)).toBe(true);
  });
});

describe('getStack, getService, getContainer', () => {
  it('reads a stack with its services and their containers', async () => {
    const foo = (await world.backend.listStacks()).find((s) => s.name === 'foo-jgi-doe');
    const stack = await world.backend.getStack(foo?.id ?? '');
    expect(stack).toMatchObject({ name: 'foo-jgi-doe', description: 'Foo project web site for JGI', tags: { owner: 'fred' } });
    const web = stack.services.find((s) => s.name === 'web');
    expect(web?.containers.map((c) => c.name)).toEqual(['foo-jgi-doe-web-1', 'foo-jgi-doe-web-2']);
    expect(web?.containers.every((c) => c.serviceId === web.id && c.state === 'running' && c.startCount >= 1 && c.exitCode === null)).toBe(true);
    expect(web?.containers.map((c) => c.hostname)).toEqual(expect.arrayContaining([expect.stringMatching(/^spin-node-0\d\.nersc\.gov$/)]));
    expect(web?.launchConfig).toMatchObject({ imageUuid: 'docker:nginx:1.15.12-alpine', capDrop: ['ALL'], ports: ['60000:8080/tcp'], healthCheck: { port: 8080 } });
    expect(web).toMatchObject({ transitioning: 'no', allowedVerbs: ['stop', 'restart', 'upgrade'], upgradeInProgress: false });
    const app = stack.services.find((s) => s.name === 'app');
    expect(app?.launchConfig?.environment).toEqual({ APP_ENV: 'production', DB_HOST: 'db', DB_NAME: 'foo' });

    const service = await world.backend.getService(web?.id ?? '');
    expect(service.containers.map((c) => c.id)).toEqual(web?.containers.map((c) => c.id));
    const container = await world.backend.getContainer(web?.containers[0]?.id ?? '');
    expect(container).toMatchObject({ name: 'foo-jgi-doe-web-1', stackId: stack.id, serviceId: web?.id, transitioning: 'no' });
  });

  it('answers NotFound for unknown ids, ids of another type and ids with a slash', async () => {
    const stacks = await world.backend.listStacks();
    const serviceId = stacks[0]?.services[0]?.id ?? '';
    for (const read of [
      () => world.backend.getStack('1st999'),
      () => world.backend.getStack(serviceId),
      () => world.backend.getService('1s999'),
      () => world.backend.getService('foo-jgi-doe/web'),
      () => world.backend.getContainer('1i999'),
    ]) {
      const err = await read().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RancherNotFoundError);
      expect(err).toBeInstanceOf(NotFoundError);
      expect((err as RancherNotFoundError).rancher).toMatchObject({ status: 404, code: 'Not Found' });
    }
  });
});

describe('failures of the portal key or of Rancher', () => {
  it('reports a wrong key as a server fault, not the user’s', async () => {
    const wrong = world.connect({ secretKey: 'not-the-secret' });
    const err = await wrong.listStacks().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherUnauthorizedError);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as RancherUnauthorizedError).status).toBe(502);
    expect((err as RancherUnauthorizedError).rancher).toMatchObject({ status: 401, code: 'Unauthorized' });
    expect((err as Error).message).toMatch(/problem on our side/);
  });

  it('reports a Rancher that is not listening as unavailable', async () => {
    const gone = await startContractSim();
    await gone.close();
    const down = gone.connect();
    const err = await down.listStacks().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherUnavailableError);
    expect(err).toBeInstanceOf(UnavailableError);
    expect((err as RancherUnavailableError).rancher.code).toBe('ECONNREFUSED');
    down.close();
  });
});

describe('pagination', () => {
  it('follows next past 100 rows and joins services to their stacks', async () => {
    const big = await startContractSim({ generate: { stacks: 230, services: 3, containers: 1 }, faults: { page_size: 40 } });
    const client = big.connect();
    try {
      const stacks = await client.listStacks();
      expect(stacks).toHaveLength(230);
      expect(new Set(stacks.map((s) => s.id)).size).toBe(230);
      expect(stacks.every((s) => s.services.length === 3 && s.services.every((v) => v.stackId === s.id))).toBe(true);
      expect(stacks.at(-1)?.name).toBe('stack-230');
    } finally {
      await big.close();
    }
  });
});

describe('the stack list kept from the event feed', () => {
  it('answers from memory once the feed is up, and follows a change made by another client', async () => {
    const reader = world.connect();
    const lists = vi.spyOn(RancherHttpClient.prototype, 'list');
    // Only listStacks reads the whole stacks collection.
    const stackListReads = () => lists.mock.calls.filter(([path]) => typeof path === 'string' && path.endsWith('/stacks')).length;
    const kvState = async () => (await reader.listStacks()).find((s) => s.name === 'bar-nersc')?.services.find((s) => s.name === 'kv')?.state;

    expect(await kvState()).toBe('active');
    await expect.poll(async () => {
      const before = stackListReads();
      await reader.listStacks();
      return stackListReads() - before;
    }).toBe(0);
    const reads = stackListReads();

    const kv = (await world.backend.listStacks()).find((s) => s.name === 'bar-nersc')?.services.find((s) => s.name === 'kv');
    await world.backend.serviceAction(kv?.id ?? '', 'stop');
    await expect.poll(kvState).toBe('inactive');
    await world.backend.serviceAction(kv?.id ?? '', 'start');
    await expect.poll(kvState).toBe('active');
    expect(stackListReads()).toBe(reads);
  });
});
