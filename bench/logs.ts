// `npm run bench -- logs` (issue 12): container logs through the portal's websocket relay against the
// simulator's own logs socket, in the same run.
// - Throughput: a 20,000-line tail (the simulator honours large tails for this) read to the end on
//   both sides. Cost = wall time per line, from asking to the socket's close; `ratio` is the median of
//   paired rounds of portal / direct (target ≤ 1.25). The portal's CPU per line is reported beside it.
//   Both sides are read on a worker thread, as a browser reads in its own process, not on the
//   simulator's thread.
// - Latency: a container writing 1,000 lines/s, followed on each side in turn; a line's latency is
//   its arrival here minus the time the simulator wrote it (same clock). Reported: p99 added by the portal.
// - Memory: the portal's resident memory with 200 browsers following 200 containers (target < 400 MB).
import '../scripts/register-server-only-stub';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type WebSocket from 'ws';
import { parseLogFrame } from '../lib/rancher/log-frame';
import { generateFixture } from '../sim/fixture/generate-fixture';
import type { ReadRequest } from './_log-reader';
import { signIn } from '../test/helpers/portal-session';
import { residentBytes } from '../test/helpers/portal-world';
import { closed, cpuSeconds, hostAccess, mb, median, nowMs, percentile, portalSocket, rancherSocket, round, runBench, runningContainers, sleep, type BenchWorld } from './_portal-bench';

const tailLines = 20_000;
const throughputRounds = 10;
const floodLps = 1_000;
const latencyWindowMs = 4_000;
const followers = 200;
const followerLps = 5;
const followMs = 10_000;
const targets = { ratio: 1.25, rssMb: 400 };

interface PortalFrame {
  type?: string;
  count?: number;
  ts?: string;
  line?: string;
}

/** Counts lines until the socket closes; `onLine` sees each with its arrival time. */
function readLines(ws: WebSocket, portal: boolean, onLine?: (ts: string, text: string, at: number) => void): Promise<number> {
  let lines = 0;
  let lastTs = '';
  ws.on('message', (data: Buffer) => {
    const at = nowMs();
    if (portal) {
      const frame = JSON.parse(data.toString()) as PortalFrame;
      if (frame.type === 'dropped') throw new Error(`the portal dropped ${frame.count} lines: this reader fell behind`);
      if (frame.type !== undefined) return;
      lines++;
      onLine?.(frame.ts ?? '', frame.line ?? '', at);
      return;
    }
    for (const line of parseLogFrame(data.toString(), lastTs)) {
      lastTs = line.ts;
      lines++;
      onLine?.(line.ts, line.line, at);
    }
  });
  ws.resume();
  return closed(ws).then(() => lines);
}

/** Milliseconds since the epoch of docker's RFC3339Nano stamp (to the millisecond it carries). */
function stampMs(ts: string): number {
  return Date.parse(`${ts.slice(0, 23)}Z`);
}

/** Reads whole logs sockets on a worker thread (bench/_log-reader.ts), one at a time. */
function workerReader() {
  // A worker does not inherit tsx's loader for a .ts entry: register it, then load the reader.
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(join(__dirname, '_log-reader.ts'))});`, { eval: true });
  const read = (request: ReadRequest) =>
    new Promise<number>((resolve, reject) => {
      worker.once('message', (message: { lines?: number; error?: string }) => {
        if (message.error !== undefined) reject(new Error(message.error));
        else resolve(message.lines ?? 0);
      });
      worker.postMessage(request);
    });
  return { read, close: () => worker.terminate() };
}

async function throughput(world: BenchWorld, cookie: string, containerId: string) {
  world.sim.faults.patch({ log_tail_honour_lines: true });
  const reader = workerReader();
  const direct = async () => {
    const access = await hostAccess(world, containerId, 'logs', { follow: false, lines: tailLines });
    return reader.read({ url: `${access.url}?token=${access.token}`, headers: {}, portal: false });
  };
  const portal = () =>
    reader.read({ url: `${world.wsBase}/api/v1/containers/${containerId}/logs?tail=${tailLines}&follow=0`, headers: { cookie, origin: world.portal.url }, portal: true });
  const timed = async (read: () => Promise<number>) => {
    const started = nowMs();
    const lines = await read();
    if (lines !== tailLines) throw new Error(`read ${lines} lines of a ${tailLines}-line tail`);
    return nowMs() - started;
  };
  await timed(direct);
  await timed(portal);
  const directMs: number[] = [];
  const portalMs: number[] = [];
  const cpuBefore = await cpuSeconds(world.portal.child.pid ?? 0);
  for (let i = 0; i < throughputRounds; i++) {
    if (i % 2 === 1) portalMs.push(await timed(portal));
    directMs.push(await timed(direct));
    if (i % 2 === 0) portalMs.push(await timed(portal));
  }
  const portalCpu = (await cpuSeconds(world.portal.child.pid ?? 0)) - cpuBefore;
  world.sim.faults.patch({ log_tail_honour_lines: false });
  await reader.close();
  const perLine = (ms: number) => round((ms * 1000) / tailLines, 2);
  return {
    tailLines,
    rounds: throughputRounds,
    directLinesPerS: Math.round(tailLines / (median(directMs) / 1000)),
    portalLinesPerS: Math.round(tailLines / (median(portalMs) / 1000)),
    directUsPerLine: perLine(median(directMs)),
    portalUsPerLine: perLine(median(portalMs)),
    portalCpuUsPerLine: round((portalCpu * 1e6) / (tailLines * throughputRounds), 2),
    ratio: round(median(portalMs.map((ms, i) => ms / (directMs[i] ?? ms))), 3),
  };
}

/** Latencies of the flood lines one follower receives during the window. */
async function follow(open: () => Promise<WebSocket>, portal: boolean): Promise<number[]> {
  const latencies: number[] = [];
  const ws = await open();
  const done = readLines(ws, portal, (ts, text, at) => {
    if (text.startsWith('flood line')) latencies.push(at - stampMs(ts));
  });
  await sleep(latencyWindowMs);
  ws.close();
  await done;
  return latencies;
}

async function latency(world: BenchWorld, cookie: string, containerId: string) {
  world.sim.faults.patch({ log_flood_lps: floodLps });
  const direct: number[] = [];
  const portal: number[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      direct.push(...(await follow(() => rancherSocket(world, containerId, 'logs', { follow: true, lines: 0 }), false)));
      portal.push(...(await follow(() => portalSocket(world, `/api/v1/containers/${containerId}/logs?tail=0&follow=1`, cookie), true)));
    }
  } finally {
    world.sim.faults.patch({ log_flood_lps: 0 });
  }
  const expected = (2 * latencyWindowMs * floodLps) / 1000;
  for (const [side, lines] of [['direct', direct.length], ['portal', portal.length]] as const) {
    if (lines < expected * 0.8) throw new Error(`${side} received ${lines} flood lines in ${2 * latencyWindowMs} ms at ${floodLps} lines/s`);
  }
  return {
    linesPerS: floodLps,
    directLines: direct.length,
    portalLines: portal.length,
    directP50Ms: round(median(direct)),
    directP99Ms: round(percentile(direct, 0.99)),
    portalP50Ms: round(median(portal)),
    portalP99Ms: round(percentile(portal, 0.99)),
    addedP99Ms: round(percentile(portal, 0.99) - percentile(direct, 0.99)),
  };
}

async function manyFollowers(world: BenchWorld, cookie: string, containers: { id: string }[]) {
  const pid = world.portal.child.pid ?? 0;
  const idleRss = await residentBytes(pid);
  world.sim.faults.patch({ log_flood_lps: followerLps });
  const sockets: WebSocket[] = [];
  const counts: number[] = [];
  const done: Promise<number>[] = [];
  let peak = idleRss;
  try {
    // Browsers arrive a few at a time, as they would after a deploy, not all in one tick.
    for (let i = 0; i < followers; i += 20) {
      const batch = await Promise.all(containers.slice(i, i + 20).map((c) => portalSocket(world, `/api/v1/containers/${c.id}/logs?tail=100&follow=1`, cookie)));
      for (const ws of batch) {
        const k = counts.push(0) - 1;
        done.push(readLines(ws, true, () => (counts[k] = (counts[k] ?? 0) + 1)));
        sockets.push(ws);
      }
    }
    const started = Date.now();
    while (Date.now() - started < followMs) {
      peak = Math.max(peak, await residentBytes(pid));
      await sleep(250);
    }
  } finally {
    world.sim.faults.patch({ log_flood_lps: 0 });
    for (const ws of sockets) ws.close();
    await Promise.all(done);
  }
  const minimum = 100 + (followMs / 1000) * followerLps * 0.5;
  return {
    followers: sockets.length,
    followersReceiving: counts.filter((n) => n >= minimum).length,
    linesRelayed: counts.reduce((a, b) => a + b, 0),
    idleRssMb: mb(idleRss),
    rssMb: mb(peak),
    rssLimitMb: targets.rssMb,
  };
}

async function measure(world: BenchWorld): Promise<Record<string, unknown>> {
  const cookie = await signIn(world.portal.url, 'wilma');
  const containers = runningContainers(world);
  const first = containers[0];
  if (!first || containers.length < followers) throw new Error(`the world has ${containers.length} running containers, ${followers} needed`);

  const rate = await throughput(world, cookie, first.id);
  console.log(`throughput (${tailLines}-line tail, median of ${throughputRounds}): direct ${rate.directLinesPerS} lines/s (${rate.directUsPerLine} µs/line), portal ${rate.portalLinesPerS} lines/s (${rate.portalUsPerLine} µs/line, ${rate.portalCpuUsPerLine} µs CPU/line); ratio ${rate.ratio} (target ≤ ${targets.ratio})`);
  const lag = await latency(world, cookie, first.id);
  console.log(`latency at ${floodLps} lines/s: direct p50 ${lag.directP50Ms} ms p99 ${lag.directP99Ms} ms; portal p50 ${lag.portalP50Ms} ms p99 ${lag.portalP99Ms} ms; added p99 ${lag.addedP99Ms} ms`);
  const memory = await manyFollowers(world, cookie, containers);
  console.log(`${memory.followers} followers (${followerLps} lines/s each, ${followMs / 1000} s): ${memory.followersReceiving} received their lines; portal RSS ${memory.idleRssMb} MB idle, peak ${memory.rssMb} MB (limit ${targets.rssMb} MB)`);

  const { ratio, ...rest } = rate;
  const meetsTarget = ratio <= targets.ratio && memory.rssMb < targets.rssMb && memory.followersReceiving === followers;
  return { cost: 'wall time per line', ...rest, latency: lag, memory, ratioTarget: targets.ratio, meetsTarget, ratio };
}

runBench('logs', { fixture: generateFixture({ stacks: 100, services: 1, containers: 2 }), stepMs: 1000 }, measure);
