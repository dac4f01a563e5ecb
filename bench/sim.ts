// `npm run bench -- sim`: the simulator serving a 1,000-stack world (5 services × 2 containers each).
// Acceptance (issue 4): its resident memory stays under 200 MB (peak, VmHWM) and listing 100 services
// over HTTP has a median under 5 ms. The simulator runs as it does in demo mode, bundled, in its own
// process, so its memory is its own. `ratio` is that HTTP listing's median over the same listing
// built in this process the same way (filters, envelope, rendered rows from the same kind of cache),
// measured in the same run: what the socket, auth and the HTTP server add.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { listCollection } from '../sim/api/collection';
import { sourceOf } from '../sim/api/record-sources';
import { RenderCache } from '../sim/api/render-cache';
import type { RequestContext } from '../sim/api/request-context';
import { typeDef } from '../sim/api/type-registry';
import { generateFixture, type WorldSize } from '../sim/fixture/generate-fixture';
import { parseWorldFixture } from '../sim/fixture/world-fixture';
import { buildWorld } from '../sim/world/build-world';

const size: WorldSize = { stacks: 1000, services: 5, containers: 2 };
const rssLimitMb = 200;
const medianLimitMs = 5;
const warmups = 50;
const rounds = 300;

const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.floor((samples.length - 1) * p)] ?? 0;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Peak and current resident memory of a process, from /proc. */
function memoryOf(pid: number): { peakMb: number; nowMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, nowMb: kb('VmRSS') / 1024 };
}

async function startBundledSim(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const bundle = join(dir, 'sim.cjs');
  await build({ entryPoints: [join(__dirname, '../sim/main.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
  const spec = `stacks=${size.stacks},services=${size.services},containers=${size.containers}`;
  const child = spawn(process.execPath, [bundle, '--port', '0', '--generate', spec], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)\/v2-beta/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}`)));
  });
  return { child, url };
}

/** One GET on a keep-alive connection; milliseconds until the last byte, and the body. */
function timedGet(agent: Agent, url: string, auth: string): Promise<{ ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    get(url, { agent, headers: { authorization: auth } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve({ ms: performance.now() - t, body: Buffer.concat(chunks).toString() }) : reject(new Error(`HTTP ${res.statusCode}`))));
    }).on('error', reject);
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sim-'));
  const { child, url } = await startBundledSim(dir);
  const pid = child.pid ?? 0;
  const started = memoryOf(pid);
  const auth = `Basic ${Buffer.from('SPINDEMOACCESSKEY:spin-demo-secret').toString('base64')}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const path = '/v2-beta/projects/1a5/services?limit=100';
  try {
    const first = JSON.parse((await timedGet(agent, `${url}${path}`, auth)).body) as { data: unknown[] };
    if (first.data.length !== 100) throw new Error(`expected 100 services, got ${first.data.length}`);
    for (let i = 0; i < warmups; i += 1) await timedGet(agent, `${url}${path}`, auth);
    const http: number[] = [];
    for (let i = 0; i < rounds; i += 1) http.push((await timedGet(agent, `${url}${path}`, auth)).ms);

    // Every service, as `rancher ps` lists them: limit=-2, following `next`.
    const allStart = performance.now();
    let next: string | null = `${url}/v2-beta/projects/1a5/services?limit=-2&removed_null=1&system=false`;
    let rows = 0;
    while (next) {
      const page = JSON.parse((await timedGet(agent, next, auth)).body) as { data: unknown[]; pagination: { next: string | null } };
      rows += page.data.length;
      next = page.pagination.next;
    }
    const listAllMs = performance.now() - allStart;
    const served = memoryOf(pid);

    const world = buildWorld(parseWorldFixture(generateFixture(size)));
    const ctx: RequestContext = { base: url, url: new URL(`${url}${path}`), key: null, projectId: '1a5', schemasUrl: null, actionLinks: false, renders: new RenderCache(world) };
    const services = typeDef('service');
    const direct: number[] = [];
    for (let i = 0; i < warmups + rounds; i += 1) {
      const t = performance.now();
      listCollection(ctx, services, sourceOf(world, services, '1a5'), null).json();
      if (i >= warmups) direct.push(performance.now() - t);
    }

    const median = percentile(http, 0.5);
    const directMedian = percentile(direct, 0.5);
    const pass = served.peakMb < rssLimitMb && median < medianLimitMs && rows === size.stacks * size.services;
    console.log(`world: ${size.stacks} stacks, ${world.services.size} services, ${world.containers.size} containers`);
    console.log(`simulator memory: ${started.nowMb.toFixed(1)} MB after start, peak ${served.peakMb.toFixed(1)} MB after serving (limit ${rssLimitMb} MB)`);
    console.log(`GET ${path}: median ${median.toFixed(2)} ms, p95 ${percentile(http, 0.95).toFixed(2)} ms over ${rounds} requests (limit ${medianLimitMs} ms)`);
    console.log(`same listing rendered in process: median ${directMedian.toFixed(2)} ms`);
    console.log(`every service the way the CLI lists them: ${rows} rows in ${listAllMs.toFixed(0)} ms`);
    console.log(
      JSON.stringify({
        bench: 'sim',
        stacks: size.stacks,
        services: world.services.size,
        containers: world.containers.size,
        rssPeakMb: round2(served.peakMb),
        rssLimitMb,
        listMedianMs: round2(median),
        listP95Ms: round2(percentile(http, 0.95)),
        medianLimitMs,
        directMedianMs: round2(directMedian),
        listAllMs: round2(listAllMs),
        pass,
        ratio: round2(median / directMedian),
      }),
    );
    if (!pass) process.exitCode = 1;
  } finally {
    agent.destroy();
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
