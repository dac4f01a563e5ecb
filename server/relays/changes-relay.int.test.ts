import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signIn } from '@/test/helpers/portal-session';
import { upgradeRefusal } from '@/test/helpers/upgrade-refusal';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';

// The push channel of stack changes against a portal process and a simulator this test drives
// directly, as another Rancher client would.

let world: PortalWorld;
const cookies: Record<string, string> = {};
const stackIds: Record<string, string> = {};
const serviceIds: Record<string, string> = {};

beforeAll(async () => {
  world = await startPortalWorld();
  for (const uid of ['fred', 'dino', 'wilma']) cookies[uid] = await signIn(world.portal.url, uid);
  for (const stack of world.sim.world.stacks.values()) stackIds[stack.name ?? stack.id] = stack.id;
  for (const service of world.sim.world.services.values()) {
    const stackName = service.stackId ? world.sim.world.stacks.get(service.stackId)?.name : undefined;
    serviceIds[`${stackName}/${service.name}`] = service.id;
  }
}, 300_000);

afterAll(async () => {
  await world?.close();
});

function open(cookie: string, origin = world.portal.url): WebSocket {
  return new WebSocket(`${world.portal.url.replace('http', 'ws')}/api/v1/changes`, { headers: { cookie, origin } });
}

/** Every stack id pushed to the socket until `check` holds or `ms` pass. */
async function pushedIds(ws: WebSocket, ms: number, check: (ids: Set<string>) => boolean = () => false): Promise<Set<string>> {
  const ids = new Set<string>();
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; stackIds: string[] };
      expect(frame.type).toBe('stacks-changed');
      for (const id of frame.stackIds) ids.add(id);
      if (check(ids)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return ids;
}

/** Restarts a service on the simulator directly, not through the portal. */
async function restartOnRancher(service: string): Promise<void> {
  const res = await fetch(`${world.sim.url}/v2-beta/projects/${world.sim.projectId}/services/${serviceIds[service]}?action=restart`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${world.sim.accessKey}:${world.sim.secretKey}`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rollingRestartStrategy: { batchSize: 1, intervalMillis: 100 } }),
  });
  expect(res.status).toBe(202);
}

describe('stack changes pushed to the browser', () => {
  it('refuses without a session (401) and from another origin (403)', async () => {
    expect((await upgradeRefusal(open(''))).status).toBe(401);
    expect((await upgradeRefusal(open(cookies.fred ?? '', 'http://evil.example'))).status).toBe(403);
  });

  it('tells each user of changes in the stacks they see, and only those', async () => {
    const fred = open(cookies.fred ?? '');
    const dino = open(cookies.dino ?? '');
    const wilma = open(cookies.wilma ?? '');
    await Promise.all([fred, dino, wilma].map((ws) => new Promise((resolve) => ws.once('open', resolve))));
    const foo = stackIds['foo-jgi-doe'] ?? '';
    const genome = stackIds['genome-browser'] ?? '';
    const [fredSaw, dinoSaw, wilmaSaw] = await Promise.all([
      pushedIds(fred, 4_000),
      pushedIds(dino, 4_000),
      pushedIds(wilma, 10_000, (ids) => ids.has(foo) && ids.has(genome)),
      (async () => {
        await restartOnRancher('foo-jgi-doe/web');
        await restartOnRancher('genome-browser/web');
      })(),
    ]);
    for (const ws of [fred, dino, wilma]) ws.close();

    expect(fredSaw).toContain(foo);
    // crashy-nersc changes all the time and genome-browser was restarted: neither is fred's to see.
    expect([...fredSaw].every((id) => id === foo || id === stackIds['bar-nersc'])).toBe(true);
    expect(dinoSaw).toContain(genome);
    expect(dinoSaw).not.toContain(foo);
    expect(wilmaSaw).toContain(foo);
    expect(wilmaSaw).toContain(genome);
  });
});
