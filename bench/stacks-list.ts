// `npm run bench -- stacks-list` (issue 8): `GET /api/v1/stacks` as wilma (staff, sees every stack)
// through the built portal, against the simulator calls that listing needs (the stacks and services
// collections, every page, fetched together as the portal fetches them), in the same run, on a world of
// 1,000 stacks × 5 services, in two environments of 500 stacks each (prod-cattle and dev-cattle: one
// subscribe socket and one mirror each in the portal; both projects' collections on the direct side). Targets: portal p95 under 150 ms, and portal / direct at most 1.3. The portal
// keeps the list from Rancher's event feed (lib/rancher/stack-list-mirror.ts), so the bench also reports
// how soon a change made on the simulator shows in it.
import { performance } from 'node:perf_hooks';
import { generateFixture } from '../sim/fixture/generate-fixture';
import { signIn } from '../test/helpers/portal-session';
import { collectionReader } from './_collection-reader';
import { cpuSeconds, median, pairedLatencies, percentile, round, runBench, type BenchWorld } from './_portal-bench';

const size = { stacks: 1000, services: 5, containers: 2 };
const warmups = 3;
const rounds = 40;
const targets = { p95Ms: 150, ratio: 1.3 };
// The filters and page size the portal's Rancher client sends (lib/rancher/cattle-backend.ts, http-client.ts).
const collections = ['stacks', 'services'].map((c) => `/${c}?limit=1000&removed_null=1&system=false`);
const projects = ['1a5', '1a7'];

interface StackList {
  stacks: { services: unknown[] }[];
}

type Counts = { stacks: number; services: number };

async function timed(run: () => Promise<Counts>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function measure(world: BenchWorld): Promise<Record<string, unknown>> {
  const cookie = await signIn(world.portal.url, 'wilma');
  const reader = collectionReader(
    projects.flatMap((p) => collections.map((c) => `${world.sim.url}/v2-beta/projects/${p}${c}`)),
    world.rancherAuth,
  );
  const direct = async () => {
    const rows = await reader.read();
    // Per project: stacks, then services.
    return { stacks: rows.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0), services: rows.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0) };
  };
  const portal = async () => {
    const res = await fetch(`${world.portal.url}/api/v1/stacks`, { headers: { cookie, accept: 'application/json' } });
    if (res.status !== 200) throw new Error(`GET /api/v1/stacks answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as StackList;
    return { stacks: body.stacks.length, services: body.stacks.reduce((n, s) => n + s.services.length, 0) };
  };
  try {
    const result = await compare(direct, portal, world.portal.child.pid ?? 0);
    return { ...result, changeSeenAfterMs: await changeSeenAfterMs(world, cookie) };
  } finally {
    await reader.close();
  }
}

/**
 * The portal answers from a copy kept current by Rancher's event feed: how long a restart made directly
 * on the simulator takes to show in the portal's list.
 */
async function changeSeenAfterMs(world: BenchWorld, cookie: string): Promise<number> {
  const stateOf = async (serviceId: string) => {
    const res = await fetch(`${world.portal.url}/api/v1/stacks`, { headers: { cookie, accept: 'application/json' } });
    const body = (await res.json()) as { stacks: { services: { id: string; state: string }[] }[] };
    return body.stacks.flatMap((s) => s.services).find((s) => s.id === serviceId)?.state;
  };
  const first = [...world.sim.world.services.values()].find((s) => s.state === 'active');
  if (!first) throw new Error('no active service to restart');
  const started = performance.now();
  const res = await fetch(`${world.projectUrl}/services/${first.id}?action=restart`, {
    method: 'POST',
    headers: { authorization: world.rancherAuth, 'content-type': 'application/json' },
    body: JSON.stringify({ rollingRestartStrategy: { batchSize: 1, intervalMillis: 1000 } }),
  });
  if (res.status !== 202) throw new Error(`restart answered ${res.status}`);
  while ((await stateOf(first.id)) === 'active') {
    if (performance.now() - started > 5000) throw new Error('the restart did not show in the portal within 5 s');
  }
  const ms = round(performance.now() - started, 1);
  console.log(`a restart made directly on the simulator showed in the portal's list after ${ms} ms`);
  return ms;
}

async function compare(direct: () => Promise<Counts>, portal: () => Promise<Counts>, portalPid: number): Promise<Record<string, unknown>> {
  const expected = { stacks: size.stacks, services: size.stacks * size.services };
  for (const [side, counts] of [['direct', await direct()], ['portal', await portal()]] as const) {
    if (counts.stacks !== expected.stacks || counts.services !== expected.services) {
      throw new Error(`${side} listed ${counts.stacks} stacks and ${counts.services} services, expected ${expected.stacks} and ${expected.services}`);
    }
  }
  console.log(`world: ${expected.stacks} stacks, ${expected.services} services; both sides list all of them`);
  for (let i = 0; i < warmups; i++) {
    await direct();
    await portal();
  }

  // Paired rounds: the two sides of a round sit side by side in time, and alternating which goes
  // first cancels drift (GC, JIT, the simulator's timers).
  const portalMs: number[] = [];
  const directMs: number[] = [];
  const cpuBefore = await cpuSeconds(portalPid);
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 1) portalMs.push(await timed(portal));
    directMs.push(await timed(direct));
    if (i % 2 === 0) portalMs.push(await timed(portal));
  }
  const portalCpuMs = ((await cpuSeconds(portalPid)) - cpuBefore) * 1000;
  const ratios = portalMs.map((ms, i) => ms / (directMs[i] ?? ms));

  const result = {
    stacks: expected.stacks,
    services: expected.services,
    rounds,
    ...pairedLatencies(portalMs, directMs),
    /** CPU the portal process spent per listing (its own work, beside waiting for Rancher). */
    portalCpuMsPerRequest: round(portalCpuMs / rounds, 1),
    p95TargetMs: targets.p95Ms,
    ratioTarget: targets.ratio,
    meetsTarget: percentile(portalMs, 0.95) < targets.p95Ms && median(ratios) <= targets.ratio,
    ratio: round(median(ratios), 3),
  };
  console.log(`portal GET /api/v1/stacks: median ${result.portalMedianMs} ms, p95 ${result.portalP95Ms} ms (target ${targets.p95Ms} ms), ${result.portalCpuMsPerRequest} ms CPU in the portal per request`);
  console.log(`direct stacks + services pages: median ${result.directMedianMs} ms, p95 ${result.directP95Ms} ms`);
  console.log(`ratio (median of ${rounds} paired rounds): ${result.ratio} (target ${targets.ratio})${result.meetsTarget ? '' : ' — TARGET MISSED'}`);
  return result;
}

runBench('stacks-list', { fixture: generateFixture(size, 10, 2), stepMs: 1000 }, measure);
