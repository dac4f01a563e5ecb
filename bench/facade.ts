// `npm run bench -- facade` (issue 23): `GET /v2-beta/projects/1a5/services` with the `rancher ps`
// filters, through the portal's Rancher facade with fred's personal token (his third of the world,
// every page) against the same request directly on the simulator with the portal's key (all of it), in
// the same run, on a world of 1,000 stacks × 5 services in two environments. Target: portal / direct at
// most 1.3. Both sides read on their own thread (bench/_collection-reader.ts).
import { performance } from 'node:perf_hooks';
import { generateFixture } from '../sim/fixture/generate-fixture';
import { jsonPost, signIn } from '../test/helpers/portal-session';
import { collectionReader } from './_collection-reader';
import { cpuSeconds, median, pairedLatencies, round, runBench, type BenchWorld } from './_portal-bench';

const size = { stacks: 1000, services: 5, containers: 2 };
const warmups = 3;
const rounds = 40;
const ratioTarget = 1.3;
const path = '/v2-beta/projects/1a5/services?limit=-2&removed_null=1&state_ne=inactive&state_ne=stopped&state_ne=removing&system=false';

/** Fred's personal token, made as a person makes one (DESIGN.md "Personal API tokens"). */
async function fredToken(world: BenchWorld): Promise<string> {
  const cookie = await signIn(world.portal.url, 'fred');
  const res = await fetch(`${world.portal.url}/api/v1/tokens`, { ...jsonPost(world.portal.url, cookie), body: JSON.stringify({ name: 'bench', expiresInDays: 1 }) });
  if (res.status !== 201) throw new Error(`POST /api/v1/tokens answered ${res.status}: ${await res.text()}`);
  const { accessKey, secretKey } = (await res.json()) as { accessKey: string; secretKey: string };
  return `Basic ${Buffer.from(`${accessKey}:${secretKey}`).toString('base64')}`;
}

async function timed(read: () => Promise<number[]>): Promise<number> {
  const started = performance.now();
  await read();
  return performance.now() - started;
}

async function measure(world: BenchWorld): Promise<Record<string, unknown>> {
  const direct = collectionReader([`${world.sim.url}${path}`], world.rancherAuth);
  const portal = collectionReader([`${world.portal.url}${path}`], await fredToken(world));
  try {
    const [all] = await direct.read();
    const [fred] = await portal.read();
    console.log(`world: ${size.stacks} stacks; prod-cattle lists ${all} running services directly, ${fred} of them fred's through the portal`);
    if (!fred || !all || fred >= all) throw new Error('the portal should list fred’s services only, and some');
    for (let i = 0; i < warmups; i++) {
      await direct.read();
      await portal.read();
    }
    const portalMs: number[] = [];
    const directMs: number[] = [];
    const pid = world.portal.child.pid ?? 0;
    const cpuBefore = await cpuSeconds(pid);
    // Paired rounds, alternating which side goes first, as the stacks-list bench does.
    for (let i = 0; i < rounds; i++) {
      if (i % 2 === 1) portalMs.push(await timed(portal.read));
      directMs.push(await timed(direct.read));
      if (i % 2 === 0) portalMs.push(await timed(portal.read));
    }
    const portalCpuMs = ((await cpuSeconds(pid)) - cpuBefore) * 1000;
    const ratio = median(portalMs.map((ms, i) => ms / (directMs[i] ?? ms)));
    const result = {
      stacks: size.stacks,
      directServices: all,
      portalServices: fred,
      rounds,
      ...pairedLatencies(portalMs, directMs),
      portalCpuMsPerRequest: round(portalCpuMs / rounds, 1),
      ratioTarget,
      meetsTarget: ratio <= ratioTarget,
      ratio: round(ratio, 3),
    };
    console.log(`portal ${path}: median ${result.portalMedianMs} ms, p95 ${result.portalP95Ms} ms, ${result.portalCpuMsPerRequest} ms CPU in the portal per request`);
    console.log(`direct on the simulator: median ${result.directMedianMs} ms, p95 ${result.directP95Ms} ms`);
    console.log(`ratio (median of ${rounds} paired rounds): ${result.ratio} (target ${ratioTarget})${result.meetsTarget ? '' : ' — TARGET MISSED'}`);
    return result;
  } finally {
    await direct.close();
    await portal.close();
  }
}

runBench('facade', { fixture: generateFixture(size, 10, 2), stepMs: 1000 }, measure);
