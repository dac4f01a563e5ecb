// `npm run bench -- rancher-list`: listing 1,000 stacks with 5,000 services through the Rancher client
// (lib/rancher: HTTP, zod validation, pagination, the join) against plain `fetch` + JSON parsing of the
// same pages, in the same run. Acceptance (issue 5): the client costs at most 1.15 × the raw fetches.
// The client reads Rancher in full each time (its stack-list mirror off, as while the event feed is
// down): against the simulator (`ratio`, what the portal sees), and against a server that replays the
// recorded pages (`replayRatio`), where Rancher's own work no longer hides the client's. The mirror,
// which answers from memory once the feed is up, is timed on its own (`mirrorMs`): it has no raw
// counterpart to divide by.
import '../scripts/register-server-only-stub';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createCattleBackend } from '../lib/rancher/cattle-backend';
import { generateFixture } from '../sim/fixture/generate-fixture';
import { startSim } from '../sim/start-sim';

const size = { stacks: 1000, services: 5, containers: 2 };
const warmups = 3;
/** Rounds against the simulator (about 1 s each) and against the replay (a tenth of that, so more of them). */
const rounds = { simulated: 15, replayed: 41, mirrored: 41 };
// The filters and page size the client sends (lib/rancher/cattle-backend.ts, http-client.ts).
const collections = ['stacks', 'services'].map((c) => `/v2-beta/projects/1a5/${c}?limit=1000&removed_null=1&system=false`);

interface Page {
  data: unknown[];
  pagination?: { next?: string | null } | null;
}

type Listing = { rows: number; pages: number; bodies: Map<string, string> };

/** Follows one collection's pages with plain fetch and JSON parsing: the least any client must do. */
async function fetchAll(url: string, headers: Record<string, string>, keep = false): Promise<Listing> {
  const listing: Listing = { rows: 0, pages: 0, bodies: new Map() };
  let next: string | null = url;
  while (next) {
    const res: Response = await fetch(next, { headers });
    if (!res.ok) throw new Error(`${next} answered ${res.status}`);
    const text = await res.text();
    const page = JSON.parse(text) as Page;
    if (keep) listing.bodies.set(new URL(next).pathname + new URL(next).search, text);
    listing.rows += page.data.length;
    listing.pages += 1;
    next = page.pagination?.next ?? null;
  }
  return listing;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Median wall time of each side, and the median of the per-round ratios: the two runs of a round sit
 * side by side in time, so a busy moment on the machine slows both. Alternating which goes first
 * cancels drift (GC, JIT, timers).
 */
async function compare(rounds: number, client: () => Promise<unknown>, raw: () => Promise<unknown>): Promise<{ clientMs: number; rawMs: number; ratio: number }> {
  for (let i = 0; i < warmups; i++) {
    await raw();
    await client();
  }
  const clientMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 1) clientMs.push(await timed(client));
    rawMs.push(await timed(raw));
    if (i % 2 === 0) clientMs.push(await timed(client));
  }
  const ratios = clientMs.map((ms, i) => ms / (rawMs[i] ?? ms));
  const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
  return { clientMs: round(median(clientMs), 1), rawMs: round(median(rawMs), 1), ratio: round(median(ratios), 3) };
}

/** Serves recorded pages byte for byte, their links pointed at itself. */
async function replay(bodies: Map<string, string>, from: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    res.end(body ?? '{"type":"error","status":404,"code":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [key, body] of bodies) bodies.set(key, body.split(from).join(url));
  return { server, url };
}

async function main(): Promise<void> {
  const sim = await startSim({ fixture: generateFixture(size), stepMs: 1000 });
  const headers = { authorization: `Basic ${Buffer.from(`${sim.accessKey}:${sim.secretKey}`).toString('base64')}`, accept: 'application/json' };
  const options = { accessKey: sim.accessKey, secretKey: sim.secretKey, projectIds: [sim.projectId], connectTimeoutMs: 5000, timeoutMs: 60_000 };
  // Every listing reads Rancher: the client's full read, what the raw fetches are compared with.
  const fullRead = { ...options, tuning: { stackListMirror: false } };
  const live = createCattleBackend({ url: sim.url, ...fullRead });
  const mirrored = createCattleBackend({ url: sim.url, ...options });
  let replayed: { server: Server; url: string } | undefined;
  let recorded: ReturnType<typeof createCattleBackend> | undefined;
  try {
    const listings = await Promise.all(collections.map((path) => fetchAll(`${sim.url}${path}`, headers, true)));
    const stacks = await live.listStacks();
    const services = stacks.reduce((n, s) => n + s.services.length, 0);
    if (stacks.length !== size.stacks || services !== size.stacks * size.services || listings[0]?.rows !== stacks.length || listings[1]?.rows !== services) {
      throw new Error(`expected ${size.stacks} stacks and ${size.stacks * size.services} services, the client listed ${stacks.length} and ${services}`);
    }
    const pages = listings.reduce((n, l) => n + l.pages, 0);
    const bytes = listings.reduce((n, l) => n + [...l.bodies.values()].reduce((m, b) => m + b.length, 0), 0);
    console.log(`world: ${stacks.length} stacks, ${services} services; one listing is ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB`);

    const simulated = await compare(
      rounds.simulated,
      () => live.listStacks(),
      () => Promise.all(collections.map((path) => fetchAll(`${sim.url}${path}`, headers))),
    );
    console.log(`against the simulator: client ${simulated.clientMs} ms, raw fetch ${simulated.rawMs} ms (median of ${rounds.simulated})`);

    replayed = await replay(new Map(listings.flatMap((l) => [...l.bodies])), sim.url);
    const replayUrl = replayed.url;
    recorded = createCattleBackend({ url: replayUrl, ...fullRead });
    if ((await recorded.listStacks()).length !== size.stacks) throw new Error('the replayed pages do not list the world');
    const client = recorded;
    const isolated = await compare(
      rounds.replayed,
      () => client.listStacks(),
      () => Promise.all(collections.map((path) => fetchAll(`${replayUrl}${path}`, headers))),
    );
    console.log(`against replayed pages: client ${isolated.clientMs} ms, raw fetch ${isolated.rawMs} ms (median of ${rounds.replayed})`);

    // The mirror is live once two listings in a row are the same list from memory.
    const deadline = Date.now() + 30_000;
    while ((await mirrored.listStacks()) !== (await mirrored.listStacks())) {
      if (Date.now() > deadline) throw new Error('the stack-list mirror did not fill from the event feed in 30 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const mirrorTimes: number[] = [];
    for (let i = 0; i < rounds.mirrored; i++) mirrorTimes.push(await timed(() => mirrored.listStacks()));
    const mirrorMs = Math.round(median(mirrorTimes) * 1000) / 1000;
    console.log(`from the mirror (event feed up): ${mirrorMs} ms (median of ${rounds.mirrored})`);

    console.log(
      JSON.stringify({
        bench: 'rancher-list',
        stacks: stacks.length,
        services,
        pages,
        rounds: rounds.simulated,
        clientMs: simulated.clientMs,
        rawMs: simulated.rawMs,
        replayClientMs: isolated.clientMs,
        replayRawMs: isolated.rawMs,
        replayRatio: isolated.ratio,
        mirrorMs,
        ratio: simulated.ratio,
      }),
    );
  } finally {
    live.close();
    mirrored.close();
    recorded?.close();
    replayed?.server.close();
    await sim.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
