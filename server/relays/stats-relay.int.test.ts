import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { statsPointSchema, type StatsPoint } from '@/lib/domain/stats/stats-point';
import { signIn } from '@/test/helpers/portal-session';
import { upgradeRefusal } from '@/test/helpers/upgrade-refusal';
import { residentBytes, startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';

// The stats websockets of the built portal against the simulator (DESIGN.md "Resource statistics").

const metricsToken = 'stats-relay-test-metrics-token-0123456789';
let world: PortalWorld;
let fred: string;
let pebbles: string;
let web: { stackId: string; serviceId: string; containerIds: string[] };
let hiddenContainer: string;

interface StackBody {
  id: string;
  services: { id: string; name: string; containers: { id: string }[] }[];
}

async function stackByName(cookie: string, name: string): Promise<StackBody> {
  const list = (await (await fetch(`${world.portal.url}/api/v1/stacks`, { headers: { cookie } })).json()) as { stacks: { id: string; name: string }[] };
  const id = list.stacks.find((s) => s.name === name)?.id ?? '';
  return (await (await fetch(`${world.portal.url}/api/v1/stacks/${id}`, { headers: { cookie } })).json()) as StackBody;
}

beforeAll(async () => {
  world = await startPortalWorld({}, { METRICS_TOKEN: metricsToken });
  fred = await signIn(world.portal.url, 'fred');
  pebbles = await signIn(world.portal.url, 'pebbles');
  const foo = await stackByName(fred, 'foo-jgi-doe');
  const service = foo.services.find((s) => s.name === 'web');
  web = { stackId: foo.id, serviceId: service?.id ?? '', containerIds: service?.containers.map((c) => c.id) ?? [] };
  const wilma = await signIn(world.portal.url, 'wilma');
  hiddenContainer = (await stackByName(wilma, 'isg-monitor')).services[0]?.containers[0]?.id ?? '';
}, 300_000);

afterAll(async () => {
  await world?.close();
});

const wsBase = () => world.portal.url.replace('http', 'ws');
const serviceStats = () => `${wsBase()}/api/v1/stacks/${web.stackId}/services/${web.serviceId}/stats`;
const containerStats = (id: string) => `${wsBase()}/api/v1/containers/${id}/stats`;

function open(url: string, cookie: string, origin = world.portal.url): WebSocket {
  return new WebSocket(url, { headers: { cookie, origin } });
}

function points(ws: WebSocket, until: (got: StatsPoint[]) => boolean, timeoutMs = 15_000): Promise<StatsPoint[]> {
  const got: StatsPoint[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out with ${got.length} points`)), timeoutMs);
    ws.on('message', (data) => {
      got.push(statsPointSchema.strict().parse(JSON.parse(data.toString())));
      if (until(got)) {
        clearTimeout(timer);
        resolve(got);
      }
    });
  });
}

async function metrics(): Promise<string> {
  return (await fetch(`${world.portal.url}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
}

function metricValue(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return Number(line?.split(' ')[1] ?? 0);
}

describe('stats relays', () => {
  it('gives fred a point a second for each container of his service, in DESIGN.md’s frame', async () => {
    const ws = open(serviceStats(), fred);
    const got = await points(ws, (p) => new Set(p.map((x) => x.containerId)).size === 2 && p.length >= 4);
    ws.close();
    expect([...new Set(got.map((p) => p.containerId))].sort()).toEqual([...web.containerIds].sort());
    for (const p of got) {
      expect(p.cpuPct).toBeGreaterThanOrEqual(0);
      expect(p.memBytes).toBeGreaterThan(0);
      expect(p.memLimitBytes).toBeNull();
      expect(p.netTxKiBps).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives fred the points of one of his containers', async () => {
    const ws = open(containerStats(web.containerIds[0] ?? ''), fred);
    const got = await points(ws, (p) => p.length >= 2);
    ws.close();
    expect(got.every((p) => p.containerId === web.containerIds[0])).toBe(true);
  });

  it('answers pebbles 404 for fred’s service and container, fred 404 for a container not his, and a foreign Origin 403', async () => {
    const service = await upgradeRefusal(open(serviceStats(), pebbles));
    expect(service.status).toBe(404);
    expect(JSON.parse(service.body)).toMatchObject({ status: 404, detail: `No stack ${web.stackId} is shared with you.` });
    expect((await upgradeRefusal(open(containerStats(web.containerIds[0] ?? ''), pebbles))).status).toBe(404);
    expect((await upgradeRefusal(open(containerStats(hiddenContainer), fred))).status).toBe(404);
    expect((await upgradeRefusal(open(serviceStats(), fred, 'http://evil.example'))).status).toBe(403);
    expect((await upgradeRefusal(open(serviceStats(), ''))).status).toBe(401);
  });

  it('never buffers more than a few points for a browser that stops reading, dropping to the newest', async () => {
    // 40 containers whose rows come every 5 ms: 8,000 points a second, enough to fill the kernel's
    // socket buffers within seconds, after which only the portal could hold them.
    const scaled = await fetch(`${world.sim.url}/v2-beta/projects/${world.sim.projectId}/services/${web.serviceId}`, {
      method: 'PUT',
      headers: { authorization: `Basic ${Buffer.from(`${world.sim.accessKey}:${world.sim.secretKey}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scale: 40 }),
    });
    expect(scaled.status).toBe(200);
    for (let i = 0; i < 200 && world.sim.world.containersOf(web.serviceId).filter((c) => c.state === 'running').length < 40; i++) await new Promise((r) => setTimeout(r, 50));
    world.sim.faults.patch({ stats_interval_ms: 5 });
    try {
      const before = await residentBytes(world.portal.child.pid ?? 0);
      const ws = open(serviceStats(), fred);
      await new Promise((r) => ws.once('open', r));
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      await new Promise((r) => setTimeout(r, 15_000));
      const during = await residentBytes(world.portal.child.pid ?? 0);
      ws.terminate();
      await new Promise((r) => setTimeout(r, 1_000));
      const text = await metrics();
      const observed = metricValue(text, 'spin_portal_stats_buffered_bytes_count');
      expect(observed).toBeGreaterThan(100);
      // Every send left at most 2 KiB (a few points) waiting in the portal for this browser.
      expect(metricValue(text, 'spin_portal_stats_buffered_bytes_bucket{le="2048"}')).toBe(observed);
      expect(metricValue(text, 'spin_portal_stats_points_total{outcome="superseded"}')).toBeGreaterThan(1000);
      expect(metricValue(text, 'spin_portal_stats_points_total{outcome="sent"}')).toBeGreaterThan(0);
      expect(during - before).toBeLessThan(40 * 1024 * 1024);
    } finally {
      world.sim.faults.reset();
    }
  }, 60_000);
});
