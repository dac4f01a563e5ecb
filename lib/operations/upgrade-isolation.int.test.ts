import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoWorld from '@/demo/rancher-world.json';
import { jsonPost, signIn } from '@/test/helpers/portal-session';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';
import { settledService, simService } from '@/test/helpers/sim-state';

// spin-policy.md §4.10 against the simulator: nothing fred submits reaches the node or Rancher's control
// plane, and a service staff gave node-level access is theirs to change.

/** The demo world plus a monitor in fred's stack that staff set up with the Docker socket. */
function worldWithSocketService() {
  const world = structuredClone(demoWorld) as { stacks: { name: string; services: unknown[] }[] };
  const foo = world.stacks.find((s) => s.name === 'foo-jgi-doe');
  foo?.services.push({ name: 'monitor', image: 'registry.spin.nersc.gov/isg/monitor:1.0', launchConfig: { dataVolumes: ['/var/run/docker.sock:/var/run/docker.sock:ro'], capDrop: ['ALL'] } });
  return world;
}

let world: PortalWorld;
let fred: string;
let wilma: string;

beforeAll(async () => {
  world = await startPortalWorld({ fixture: worldWithSocketService() });
  fred = await signIn(world.portal.url, 'fred');
  wilma = await signIn(world.portal.url, 'wilma');
}, 300_000);

afterAll(async () => {
  await world?.close();
});

function idOf(stackName: string, serviceName: string): { stackId: string; serviceId: string } {
  for (const s of world.sim.world.services.values()) {
    const stack = world.sim.world.stacks.get(s.stackId);
    if (s.name === serviceName && stack?.name === stackName) return { stackId: stack.id, serviceId: s.id };
  }
  throw new Error(`no ${stackName}/${serviceName} in the simulator`);
}

function upgrade(cookie: string, stackName: string, serviceName: string, body: unknown) {
  const { stackId, serviceId } = idOf(stackName, serviceName);
  return fetch(`${world.portal.url}/api/v1/stacks/${stackId}/services/${serviceId}/upgrade`, { ...jsonPost(world.portal.url, cookie), body: JSON.stringify(body) });
}

async function findingsOf(res: Response): Promise<{ ruleId: string; severity: string; message: string }[]> {
  return ((await res.json()) as { findings?: { ruleId: string; severity: string; message: string }[] }).findings ?? [];
}

function foreignContainerId(): string {
  const { serviceId } = idOf('genome-browser', 'app');
  const container = world.sim.world.containersOf(serviceId)[0];
  if (!container) throw new Error('genome-browser/app has no container');
  return container.id;
}

describe("fred's escapes are refused with the rule that caught them, and Rancher keeps the old launchConfig", () => {
  const escapes: [string, () => Record<string, unknown>, string][] = [
    ['the Docker socket', () => ({ dataVolumes: ['/var/run/docker.sock:/var/run/docker.sock'] }), 'host-path-allowed'],
    ['the socket through /run', () => ({ dataVolumes: ['//run//docker.sock:/var/run/docker.sock:ro'] }), 'host-path-allowed'],
    ["the node's root", () => ({ dataVolumes: ['/:/host'] }), 'host-path-allowed'],
    ["the node's /etc", () => ({ dataVolumes: ['/etc:/host-etc'] }), 'host-path-allowed'],
    ['.. out of the Global Filesystem', () => ({ dataVolumes: ['/global/project/projectdirs/csg/../../../../:/data'] }), 'host-path-allowed'],
    ['an environment API key', () => ({ labels: { 'io.rancher.container.create_agent': 'true', 'io.rancher.container.agent.role': 'environmentAdmin' } }), 'rancher-reserved-labels'],
    ['another stack’s network namespace', () => ({ networkMode: `container:${foreignContainerId()}` }), 'namespaces-own-stack'],
    ['another stack’s volumes', () => ({ dataVolumesFrom: [foreignContainerId()] }), 'namespaces-own-stack'],
    ["the host's network", () => ({ networkMode: 'host' }), 'no-host-namespaces'],
    ['another stack’s named volume', () => ({ dataVolumes: ['genome-browser_data:/stolen'] }), 'namespaces-own-stack'],
    ['another person’s home as another uid', () => ({ user: '1002:1002', dataVolumes: ['/global/homes/d/dino:/dino'] }), 'user-identity-allowed'],
    ['root spelled with a sign', () => ({ user: '+0', dataVolumes: ['/global/cfs/cdirs/m1:/m1:ro'] }), 'external-fs-non-root'],
  ];

  it.each(escapes)('%s', async (_name, change, ruleId) => {
    const { serviceId } = idOf('foo-jgi-doe', 'web');
    const before = simService(world.sim, serviceId);
    const res = await upgrade(fred, 'foo-jgi-doe', 'web', { launchConfig: change() });
    expect(res.status).toBe(422);
    const findings = await findingsOf(res);
    expect(findings.filter((f) => f.ruleId === ruleId).every((f) => f.severity === 'error')).toBe(true);
    expect(findings.map((f) => f.ruleId)).toContain(ruleId);
    expect(simService(world.sim, serviceId).launchConfig).toEqual(before.launchConfig);
  });

  it('an owner’s acknowledgement changes nothing', async () => {
    const res = await upgrade(fred, 'foo-jgi-doe', 'web', { launchConfig: { dataVolumes: ['/:/host'] }, acknowledgeNodeAccess: true });
    expect(res.status).toBe(422);
    expect((await findingsOf(res)).map((f) => f.ruleId)).toContain('host-path-allowed');
  });
});

describe('a service staff gave node-level access', () => {
  it('refuses any upgrade by fred with staff-only-service, naming who to ask', async () => {
    const { serviceId } = idOf('foo-jgi-doe', 'monitor');
    const before = simService(world.sim, serviceId);
    const res = await upgrade(fred, 'foo-jgi-doe', 'monitor', { launchConfig: { imageUuid: 'docker:registry.spin.nersc.gov/isg/monitor:1.1' } });
    expect(res.status).toBe(422);
    const staffOnly = (await findingsOf(res)).find((f) => f.ruleId === 'staff-only-service');
    expect(staffOnly?.message).toMatch(/only Spin staff may change it/);
    expect(simService(world.sim, serviceId).launchConfig).toEqual(before.launchConfig);
  });

  it('asks wilma (staff) to acknowledge, then upgrades the tag and records her acknowledgement', async () => {
    const { serviceId } = idOf('foo-jgi-doe', 'monitor');
    const change = { launchConfig: { imageUuid: 'docker:registry.spin.nersc.gov/isg/monitor:1.1' }, intervalMillis: 10 };
    const unacknowledged = await upgrade(wilma, 'foo-jgi-doe', 'monitor', change);
    expect(unacknowledged.status).toBe(422);
    expect((await findingsOf(unacknowledged)).find((f) => f.ruleId === 'staff-only-service')?.message).toMatch(/acknowledge/);

    const res = await upgrade(wilma, 'foo-jgi-doe', 'monitor', { ...change, acknowledgeNodeAccess: true });
    expect(res.status).toBe(202);
    const after = await settledService(world.sim, serviceId);
    expect(after.launchConfig.imageUuid).toBe('docker:registry.spin.nersc.gov/isg/monitor:1.1');
    expect(after.launchConfig.dataVolumes).toEqual(['/var/run/docker.sock:/var/run/docker.sock:ro']);

    const activity = await fetch(`${world.portal.url}/api/v1/activity?actor=wilma&action=service.upgrade`, { headers: { cookie: wilma } });
    const { events } = (await activity.json()) as { events: { serviceName: string; details: { staffAcknowledgement?: { by: string; findings: { ruleId: string }[] } } }[] };
    const ack = events.find((e) => e.serviceName === 'monitor')?.details.staffAcknowledgement;
    expect(ack?.by).toBe('wilma');
    expect(ack?.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['staff-only-service', 'host-path-allowed']));
  });
});
