import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signIn } from '@/test/helpers/portal-session';
import { upgradeRefusal } from '@/test/helpers/upgrade-refusal';
import { residentBytes, startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';

let world: PortalWorld;
let fred: string;
let barney: string;
let wilma: string;
const ids: Record<string, string> = {};

interface StackBody {
  services: { name: string; containers: { id: string; name: string }[] }[];
}

beforeAll(async () => {
  world = await startPortalWorld();
  fred = await signIn(world.portal.url, 'fred');
  barney = await signIn(world.portal.url, 'barney');
  wilma = await signIn(world.portal.url, 'wilma');
  const list = (await (await fetch(`${world.portal.url}/api/v1/stacks`, { headers: { cookie: wilma } })).json()) as { stacks: { id: string; name: string }[] };
  for (const stack of list.stacks) {
    const body = (await (await fetch(`${world.portal.url}/api/v1/stacks/${stack.id}`, { headers: { cookie: wilma } })).json()) as StackBody;
    for (const s of body.services) for (const c of s.containers) ids[c.name] = c.id;
  }
}, 300_000);

afterAll(async () => {
  await world?.close();
});

function logsUrl(containerId: string, query = 'tail=100&follow=1') {
  return `${world.portal.url.replace('http', 'ws')}/api/v1/containers/${containerId}/logs?${query}`;
}

function open(containerId: string, cookie: string, query?: string, origin = world.portal.url) {
  return new WebSocket(logsUrl(containerId, query), { headers: { cookie, origin } });
}

function collect(ws: WebSocket, until: (frames: Record<string, unknown>[]) => boolean, timeoutMs = 10_000): Promise<Record<string, unknown>[]> {
  const frames: Record<string, unknown>[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out with ${frames.length} frames`)), timeoutMs);
    ws.on('message', (data) => {
      frames.push(JSON.parse(data.toString()) as Record<string, unknown>);
      if (until(frames)) {
        clearTimeout(timer);
        resolve(frames);
      }
    });
    ws.on('close', () => {
      clearTimeout(timer);
      resolve(frames);
    });
  });
}

describe('logs relay', () => {
  it('sends the tail as JSON frames with ts, stream and line', async () => {
    const ws = open(ids['foo-jgi-doe-web-1']!, fred);
    const frames = await collect(ws, (f) => f.length >= 20);
    ws.close();
    for (const frame of frames.slice(0, 20)) {
      expect(Object.keys(frame).sort()).toEqual(['line', 'stream', 'ts']);
      expect(['stdout', 'stderr', 'tty']).toContain(frame.stream);
      expect(Number.isNaN(Date.parse(String(frame.ts)))).toBe(false);
    }
  });

  it('refuses without a session (401), from another origin (403), and hides stacks the user may not see (404)', async () => {
    expect((await upgradeRefusal(open(ids['foo-jgi-doe-web-1']!, ''))).status).toBe(401);
    expect((await upgradeRefusal(open(ids['foo-jgi-doe-web-1']!, fred, undefined, 'http://evil.example'))).status).toBe(403);
    const hidden = await upgradeRefusal(open(ids['bar-nersc-web-1']!, barney));
    const missing = await upgradeRefusal(open('1i99999', barney));
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(JSON.parse(hidden.body).detail).toBe(`No container ${ids['bar-nersc-web-1']} is shared with you.`);
    expect(JSON.parse(missing.body).detail).toBe('No container 1i99999 is shared with you.');
  });

  it('keeps following when Rancher drops the socket and the token has expired', async () => {
    world.sim.faults.patch({ ws_drop_after_s: 1, token_ttl_s: 1, log_flood_lps: 50 });
    try {
      const ws = open(ids['foo-jgi-doe-app-1']!, fred, 'tail=0&follow=1');
      const started = Date.now();
      const frames = await collect(ws, () => Date.now() - started > 3_500, 10_000);
      const stillOpen = ws.readyState === WebSocket.OPEN;
      ws.close();
      expect(stillOpen).toBe(true);
      const late = frames.filter((f) => Date.parse(String(f.ts)) > started + 2_500);
      expect(late.length).toBeGreaterThan(0);
    } finally {
      world.sim.faults.reset();
    }
  });

  it('keeps server memory bounded for a browser that stops reading while the container floods, then says what it dropped', async () => {
    world.sim.faults.patch({ log_flood_lps: 20_000 });
    try {
      const before = await residentBytes(world.portal.child.pid!);
      const ws = open(ids['foo-jgi-doe-web-1']!, fred, 'tail=0&follow=1');
      await new Promise((r) => ws.once('open', r));
      // Stop reading at the TCP level: the portal's socket buffer fills and stays full.
      (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
      await new Promise((r) => setTimeout(r, 6_000));
      const during = await residentBytes(world.portal.child.pid!);
      const frames: Record<string, unknown>[] = [];
      ws.on('message', (d) => frames.push(JSON.parse(d.toString()) as Record<string, unknown>));
      (ws as unknown as { _socket: { resume(): void } })._socket.resume();
      await new Promise((r) => setTimeout(r, 1_500));
      ws.close();
      expect(during - before).toBeLessThan(80 * 1024 * 1024);
      const dropped = frames.find((f) => f.type === 'dropped');
      expect(dropped?.count).toBeGreaterThan(0);
    } finally {
      world.sim.faults.reset();
    }
  }, 30_000);

  it('records who opened and closed which log', async () => {
    await new Promise((r) => setTimeout(r, 500));
    const res = await fetch(`${world.portal.url}/api/v1/activity?actor=fred&action=logs.close`, { headers: { cookie: wilma } });
    const { events } = (await res.json()) as { events: { containerName: string; details: { linesSent: number } }[] };
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.some((e) => e.containerName === 'foo-jgi-doe-web-1' && e.details.linesSent > 0)).toBe(true);
    const denied = await (await fetch(`${world.portal.url}/api/v1/activity?actor=barney&action=logs.open`, { headers: { cookie: wilma } })).json();
    expect((denied as { events: { outcome: string }[] }).events.every((e) => e.outcome === 'denied')).toBe(true);
  });
});
