import { describe, expect, it } from 'vitest';
import { contractSimForFile } from '@/test/helpers/rancher-contract-harness';
import { RancherEnvironmentUnreadableError, RancherNotFoundError, RancherUnauthorizedError, RancherUnavailableError } from './errors';
import type { RancherBackend } from './backend';

// The demo world's two environments (DESIGN.md "Several environments"): prod-cattle (1a5) with the six
// stacks and dev-cattle (1a7) with foo-jgi-doe-dev and genome-browser-dev, behind one account key.

const world = contractSimForFile();
const prod = { id: '1a5', name: 'prod-cattle', production: true };
const dev = { id: '1a7', name: 'dev-cattle', production: false };

const both = () => world.connect({ projectIds: ['1a5', '1a7'] });

async function stackId(backend: RancherBackend, name: string): Promise<string> {
  const stack = (await backend.listStacks()).find((s) => s.name === name);
  if (!stack) throw new Error(`no stack ${name}`);
  return stack.id;
}

describe('several environments', () => {
  it('lists the stacks of both environments, each with its environment, read from Rancher', async () => {
    const backend = both();
    const stacks = await backend.listStacks();
    expect(stacks.filter((s) => s.environment.id === '1a7').map((s) => s.name).sort()).toEqual(['foo-jgi-doe-dev', 'genome-browser-dev']);
    expect(stacks.filter((s) => s.environment.id === '1a5')).toHaveLength(6);
    expect(stacks.find((s) => s.name === 'foo-jgi-doe-dev')?.environment).toEqual(dev);
    expect(stacks.find((s) => s.name === 'foo-jgi-doe')?.environment).toEqual(prod);
    expect(await backend.environments()).toEqual([prod, dev]);
  });

  it('covers every environment an account key sees when none is configured', async () => {
    const backend = world.connect({ projectIds: undefined });
    expect((await backend.listStacks()).map((s) => s.environment.name).sort()).toEqual([...Array(6).fill('prod-cattle'), 'dev-cattle', 'dev-cattle'].sort());
  });

  it('takes production from RANCHER_PRODUCTION_PROJECT_IDS when given', async () => {
    const backend = world.connect({ projectIds: ['1a5', '1a7'], productionProjectIds: ['1a7'] });
    expect(await backend.environments()).toEqual([{ ...prod, production: false }, { ...dev, production: true }]);
  });

  it('reads a dev stack, its service and container in dev, labelled with dev', async () => {
    const backend = both();
    const stack = await backend.getStack(await stackId(backend, 'foo-jgi-doe-dev'));
    expect(stack).toMatchObject({ name: 'foo-jgi-doe-dev', environment: dev, tags: { owner: 'fred', group: 'csg' } });
    const web = stack.services.find((s) => s.name === 'web');
    expect(web).toMatchObject({ image: 'nginx:1.17.10-alpine', environment: dev });
    expect(web?.containers.map((c) => c.hostname)).toEqual(['spin-dev-node-01.nersc.gov']);
    const fresh = both();
    expect(await fresh.getService(web?.id ?? '')).toMatchObject({ name: 'web', environment: dev });
    expect(await fresh.getContainer(web?.containers[0]?.id ?? '')).toMatchObject({ name: 'foo-jgi-doe-dev-web-1', environment: dev, stackId: stack.id });
  });

  it('acts on a dev service through project 1a7 only', async () => {
    const backend = both();
    const stack = await backend.getStack(await stackId(backend, 'foo-jgi-doe-dev'));
    const web = stack.services.find((s) => s.name === 'web');
    const crashy = await stackId(backend, 'crashy-nersc');
    const changed: string[] = [];
    const stop = world.sim.world.onChange((record) => {
      // crashy-nersc's crash loop changes prod on its own; anything else in prod would be the action's doing.
      if (!('stackId' in record && record.stackId === crashy) && record.id !== crashy) changed.push(record.accountId);
    });
    // With prod down, the action can only succeed if nothing it reads or posts goes to prod.
    world.sim.faults.patch({ unavailable_projects: ['1a5'] });
    try {
      expect(await backend.serviceAction(web?.id ?? '', 'restart')).toMatchObject({ state: 'restarting', environment: dev });
      await backend.waitForSettled(web?.id ?? '', { timeoutMs: 5000 });
    } finally {
      stop();
    }
    expect(changed.length).toBeGreaterThan(0);
    expect(new Set(changed)).toEqual(new Set(['1a7']));
  });

  it('answers NotFound for an id no environment has, and a prod-only backend never finds a dev stack', async () => {
    const backend = both();
    expect(await backend.getStack('1st999').catch((e: unknown) => e)).toBeInstanceOf(RancherNotFoundError);
    const devStack = await stackId(backend, 'foo-jgi-doe-dev');
    const prodOnly = world.connect({ projectIds: ['1a5'] });
    expect(await prodOnly.getStack(devStack).catch((e: unknown) => e)).toBeInstanceOf(RancherNotFoundError);
    expect((await prodOnly.listStacks()).some((s) => s.environment.id === '1a7')).toBe(false);
  });

  it('keeps prod listed and usable while dev is down, and answers unavailable for a dev stack only', async () => {
    const backend = both();
    const devStack = await stackId(backend, 'genome-browser-dev');
    const prodStack = await stackId(backend, 'bar-nersc');
    world.sim.faults.patch({ unavailable_projects: ['1a7'] });
    const fresh = both();
    const listings = await fresh.listStacksByEnvironment();
    expect(listings.map((l) => [l.environment.id, 'stacks' in l ? l.stacks.length : 'unavailable'])).toEqual([
      ['1a5', 6],
      ['1a7', 'unavailable'],
    ]);
    expect((await fresh.listStacks()).map((s) => s.environment.id)).toEqual(Array(6).fill('1a5'));
    expect(await fresh.getStack(devStack).catch((e: unknown) => e)).toBeInstanceOf(RancherUnavailableError);
    const bar = await fresh.getStack(prodStack);
    expect(bar).toMatchObject({ name: 'bar-nersc', environment: prod });
    expect(await fresh.serviceAction(bar.services[0]?.id ?? '', 'restart')).toMatchObject({ environment: prod });
    await fresh.ping();
    world.sim.faults.patch({ unavailable_projects: ['1a5', '1a7'] });
    const none = both();
    expect(await none.listStacks().catch((e: unknown) => e)).toBeInstanceOf(RancherUnavailableError);
    expect(await none.ping().catch((e: unknown) => e)).toBeInstanceOf(RancherUnavailableError);
  });

  it('names an environment the key may not read', async () => {
    const backend = world.connect({ accessKey: 'SPINPRODENVKEY', secretKey: 'spin-demo-prod-secret', projectIds: ['1a5', '1a7'] });
    const err = await backend.environments().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherEnvironmentUnreadableError);
    expect((err as RancherEnvironmentUnreadableError).projectId).toBe('1a7');
    expect((err as RancherEnvironmentUnreadableError).cause).toBeInstanceOf(RancherUnauthorizedError);
  });
});
