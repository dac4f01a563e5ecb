// `npm run bench -- stats` (issue 24): 100 browsers each follow one service's resource statistics
// through the portal for 60 s, against the simulator's stats sockets (two containers a service, a row
// per container a second).
// - Portal CPU per point: the portal's CPU seconds over the run / points the browsers received.
// - Memory: the portal's resident memory, idle and at its peak while the browsers follow.
// - ratio = bytes the portal sent the browsers / bytes Rancher sent the portal (frame payloads on both
//   sides). Expected well under 1: small computed points instead of raw cumulative rows.
import '../scripts/register-server-only-stub';
import type WebSocket from 'ws';
import { statsPointSchema } from '../lib/domain/stats/stats-point';
import { generateFixture } from '../sim/fixture/generate-fixture';
import { signIn } from '../test/helpers/portal-session';
import { residentBytes } from '../test/helpers/portal-world';
import { closed, cpuSeconds, mb, portalSocket, round, runBench, sleep, type BenchWorld } from './_portal-bench';

const browsers = 100;
const followMs = 60_000;

interface Follower {
  ws: WebSocket;
  points: number;
  bytes: number;
}

/** Each generated stack has one service; the browsers follow the first `browsers` of them. */
function services(world: BenchWorld): { stackId: string; serviceId: string }[] {
  return [...world.sim.world.services.values()]
    .filter((s) => s.removed === null && s.state === 'active')
    .map((s) => ({ stackId: s.stackId, serviceId: s.id }))
    .slice(0, browsers);
}

async function measure(world: BenchWorld): Promise<Record<string, unknown>> {
  const cookie = await signIn(world.portal.url, 'wilma');
  const targets = services(world);
  if (targets.length < browsers) throw new Error(`the world has ${targets.length} active services, ${browsers} needed`);
  const pid = world.portal.child.pid ?? 0;
  const idleRss = await residentBytes(pid);
  const followers: Follower[] = [];
  // Browsers arrive a few at a time, as after a deploy, not all in one tick.
  for (let i = 0; i < targets.length; i += 20) {
    const batch = await Promise.all(targets.slice(i, i + 20).map((t) => portalSocket(world, `/api/v1/stacks/${t.stackId}/services/${t.serviceId}/stats`, cookie)));
    for (const ws of batch) {
      const follower: Follower = { ws, points: 0, bytes: 0 };
      ws.on('message', (data: Buffer) => {
        statsPointSchema.parse(JSON.parse(data.toString()));
        follower.points++;
        follower.bytes += data.length;
      });
      ws.resume();
      followers.push(follower);
    }
  }
  const cpuBefore = await cpuSeconds(pid);
  const rancherBefore = world.sim.statsBytesSent();
  const portalBefore = followers.reduce((a, f) => a + f.bytes, 0);
  const pointsBefore = followers.reduce((a, f) => a + f.points, 0);
  let peak = idleRss;
  const started = Date.now();
  while (Date.now() - started < followMs) {
    peak = Math.max(peak, await residentBytes(pid));
    await sleep(500);
  }
  const cpu = (await cpuSeconds(pid)) - cpuBefore;
  const rancherBytes = world.sim.statsBytesSent() - rancherBefore;
  const portalBytes = followers.reduce((a, f) => a + f.bytes, 0) - portalBefore;
  const points = followers.reduce((a, f) => a + f.points, 0) - pointsBefore;
  for (const f of followers) f.ws.close();
  await Promise.all(followers.map((f) => closed(f.ws)));

  // Two containers a service, a point each a second: about 120 points per browser in 60 s.
  const expectedPerBrowser = (followMs / 1000) * 2;
  const result = {
    browsers: followers.length,
    seconds: followMs / 1000,
    browsersReceiving: followers.filter((f) => f.points >= expectedPerBrowser * 0.8).length,
    points,
    pointsPerS: round(points / (followMs / 1000), 1),
    portalCpuS: round(cpu, 2),
    portalCpuUsPerPoint: round((cpu * 1e6) / Math.max(1, points), 1),
    idleRssMb: mb(idleRss),
    rssMb: mb(peak),
    rancherBytesReceived: rancherBytes,
    portalBytesSent: portalBytes,
    ratio: round(portalBytes / Math.max(1, rancherBytes), 3),
  };
  console.log(
    `${result.browsers} browsers for ${result.seconds} s: ${result.browsersReceiving} received their points (${result.points} points, ${result.pointsPerS}/s); ` +
      `portal CPU ${result.portalCpuS} s = ${result.portalCpuUsPerPoint} µs per point; RSS ${result.idleRssMb} MB idle, peak ${result.rssMb} MB; ` +
      `Rancher sent ${result.rancherBytesReceived} bytes, the portal ${result.portalBytesSent}: ratio ${result.ratio}`,
  );
  return result;
}

runBench('stats', { fixture: generateFixture({ stacks: browsers, services: 1, containers: 2 }), stepMs: 1000 }, measure);
