import type { WorldFixture } from '../fixture/world-fixture';
import { World } from './world';
import { createContainerRecord } from './container-factory';
import { completeLaunchConfig, createHostRecord, createServiceRecord, createStackRecord, isoTime, newUuid, primaryLaunchConfig, recordWithId } from './record-factory';
import { profileForImage } from './service-profile';
import type { HostRecord, JsonObject, ProjectRecord, SettingRecord } from './world-types';

const day = 24 * 3600 * 1000;

export function projectRecord(id: string, name: string, description: string | null, now: number): ProjectRecord {
  const created = now - 400 * day;
  return Object.assign(recordWithId(id, 'project', 'project', name, id, created), {
    type: 'project' as const,
    description,
    orchestration: 'cattle' as const,
    defaultNetworkId: null,
    healthState: 'healthy',
    members: [],
  });
}

function setting(name: string, value: string, now: number): SettingRecord {
  return Object.assign(recordWithId(name, 'setting', 'setting', name, '', now), { type: 'setting' as const, value, activeValue: value, source: 'Code', inDb: false });
}

/**
 * Builds the world a fixture describes, as Rancher would show it after months of use: every service
 * in its state, each with `scale` containers spread over the hosts, running or stopped.
 */
export function buildWorld(fixture: WorldFixture, now: number = Date.now()): World {
  const world = new World(fixture.rancherVersion, fixture.apiKeys);
  world.users.push(...fixture.users);
  world.groups.push(...fixture.groups);
  for (const p of fixture.projects) world.projects.set(p.id, projectRecord(p.id, p.name, p.description, now));
  const defaultProject = fixture.projects[0]?.id ?? '1a5';
  const hosts: HostRecord[] = fixture.hosts.map(({ projectId, ...h }, i) => createHostRecord(world, { ...h, accountId: projectId ?? defaultProject }, now - 300 * day + i * day));
  for (const h of hosts) world.hosts.set(h.id, h);
  for (const s of [
    setting('rancher.server.version', fixture.rancherVersion, now),
    setting('lb.instance.image', 'rancher/lb-service-haproxy:v0.9.14', now),
    setting('api.host', '', now),
  ]) {
    world.settings.set(s.id, s);
  }
  const secretIds = new Map<string, string>();
  for (const s of fixture.secrets) {
    const id = world.nextId('se');
    secretIds.set(s.name, id);
    world.secretValues.set(id, s.value);
    world.secrets.set(id, Object.assign(recordWithId(id, 'secret', 'secret', s.name, defaultProject, now), { type: 'secret' as const, value: null }));
  }

  let placement = 0;
  fixture.stacks.forEach((stackFixture, stackIndex) => {
    const created = now - 200 * day + stackIndex * 3600 * 1000;
    const stack = createStackRecord(world, { ...stackFixture, accountId: stackFixture.projectId ?? defaultProject }, created);
    // Containers run on their environment's hosts (any host when the environment has none).
    const own = hosts.filter((h) => h.accountId === stack.accountId);
    const stackHosts = own.length > 0 ? own : hosts;
    world.addStack(stack);
    for (const sf of stackFixture.services) {
      const imageUuid = `docker:${sf.image}`;
      const secrets = sf.secrets.map((name) => ({ type: 'secretReference', secretId: secretIds.get(name) ?? null, name, uid: '0', gid: '0', mode: '444' }));
      const launchConfig = completeLaunchConfig({ ...sf.launchConfig, imageUuid, ...(secrets.length ? { secrets } : {}) } as JsonObject, '0');
      const service = createServiceRecord(world, { stack, name: sf.name, launchConfig, scale: sf.scale, state: sf.state }, created + 60_000);
      const profile = profileForImage(imageUuid, {
        logStyle: sf.logs.style,
        logRate: sf.logs.ratePerSecond,
        files: sf.files,
        ...(sf.shell ? { shell: sf.shell } : {}),
        crashLoop: sf.crashLoop ? { imageUuid, ...sf.crashLoop } : null,
      });
      world.addService(service, profile);
      for (let index = 1; index <= sf.scale; index += 1) {
        const host = stackHosts[placement++ % stackHosts.length] as HostRecord;
        service.createIndex = index;
        const { container, runtime } = createContainerRecord(
          world,
          { stack, service, launchConfig, launchConfigName: primaryLaunchConfig, unit: { index, uuid: newUuid() }, host },
          created + 120_000,
        );
        const running = sf.state === 'active';
        const startedAt = sf.crashLoop ? now : created + 125_000;
        container.state = running ? 'running' : 'stopped';
        container.startCount = 1;
        container.firstRunning = isoTime(created + 125_000);
        container.healthState = running && launchConfig.healthCheck ? 'healthy' : null;
        Object.assign(container.data.dockerInspect.State, {
          Status: running ? 'running' : 'exited',
          Running: running,
          StartedAt: new Date(startedAt).toISOString(),
          FinishedAt: running ? '0001-01-01T00:00:00Z' : new Date(now - day).toISOString(),
        });
        runtime.startedAt = startedAt;
        runtime.stoppedAt = running ? null : now - day;
        world.addContainer(container, runtime);
      }
      world.refreshService(service);
    }
    world.refreshStack(stack);
  });
  return world;
}
