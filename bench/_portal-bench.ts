// Shared pieces of the benches that measure the built portal against the simulator it fronts: the
// world (simulator and demo directory in this process, the portal as a child), signed-in users,
// websockets on both sides, and the statistics. Not a bench itself (bench/run.ts skips `_` files).
// The portal helper checks answers against the OpenAPI document, a server module: the stub goes first.
import '../scripts/register-server-only-stub';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { SimOptions } from '../sim/start-sim';
import { startPortalWorld, type PortalWorld } from '../test/helpers/portal-world';

/** Milliseconds on a clock that shares its origin with `Date.now()`, finer than whole milliseconds. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? 0;
}

export function median(samples: number[]): number {
  return percentile(samples, 0.5);
}

export function round(n: number, places = 2): number {
  return Math.round(n * 10 ** places) / 10 ** places;
}

/** Median and p95 of both sides of paired rounds, in the result's field names. */
export function pairedLatencies(portalMs: number[], directMs: number[]) {
  return {
    portalMedianMs: round(median(portalMs), 1),
    portalP95Ms: round(percentile(portalMs, 0.95), 1),
    directMedianMs: round(median(directMs), 1),
    directP95Ms: round(percentile(directMs, 0.95), 1),
  };
}

export const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/** CPU seconds (user + system) a process has used so far, from /proc (Linux, 100 ticks a second). */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime is the 12th, stime the 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface BenchWorld extends PortalWorld {
  /** The portal's address as a websocket base: `ws://127.0.0.1:port`. */
  wsBase: string;
  /** HTTP Basic authorization for the simulator's API, as the portal sends it. */
  rancherAuth: string;
  /** The simulator's project API base: `{sim}/v2-beta/projects/1a5`. */
  projectUrl: string;
}

/** Starts the simulator (with `simOptions`), the demo directory and the built portal in production mode. */
export async function startBenchWorld(simOptions: SimOptions): Promise<BenchWorld> {
  // One signed-in user stands in for many browsers here, so the per-user socket cap must not apply.
  const world = await startPortalWorld(simOptions, { WS_MAX_PER_USER: '1000' });
  return {
    ...world,
    wsBase: world.portal.url.replace(/^http/, 'ws'),
    rancherAuth: `Basic ${Buffer.from(`${world.sim.accessKey}:${world.sim.secretKey}`).toString('base64')}`,
    projectUrl: `${world.sim.url}/v2-beta/projects/${world.sim.projectId}`,
  };
}

/** Runs `body` with a started world and always stops it, printing the JSON result last. */
export function runBench(name: string, simOptions: SimOptions, body: (world: BenchWorld) => Promise<Record<string, unknown>>): void {
  const run = async () => {
    const started = performance.now();
    const world = await startBenchWorld(simOptions);
    console.log(`${name}: world ready in ${Math.round(performance.now() - started)} ms (portal ${world.portal.url}, simulator ${world.sim.url})`);
    let result: Record<string, unknown>;
    try {
      result = await body(world);
    } finally {
      await world.close();
    }
    console.log(JSON.stringify({ bench: name, ...result }));
  };
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}

/** Running containers of the simulator's world, in id order. */
export function runningContainers(world: BenchWorld): { id: string; name: string | null }[] {
  return [...world.sim.world.containers.values()]
    .filter((c) => c.state === 'running' && c.removed === null)
    .map((c) => ({ id: c.id, name: c.name }))
    .sort((a, b) => Number(a.id.replace(/\D/g, '')) - Number(b.id.replace(/\D/g, '')));
}

/**
 * Resolves when the socket is open, paused: frames that came with the upgrade answer wait until the
 * caller has its listeners on and calls `resume()`. Rejects with the HTTP status of a refused upgrade.
 */
export function opened(ws: WebSocket): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.pause();
      resolve(ws);
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`websocket refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** A websocket to one of the portal's endpoints, as a signed-in browser opens it. */
export function portalSocket(world: BenchWorld, path: string, cookie: string): Promise<WebSocket> {
  return opened(new WebSocket(`${world.wsBase}${path}`, { headers: { cookie, origin: world.portal.url } }));
}

/** Asks the simulator for a container's logs or exec hostAccess (URL and token), as the portal does. */
export async function hostAccess(world: BenchWorld, containerId: string, action: 'logs' | 'execute', body: Record<string, unknown>): Promise<{ url: string; token: string }> {
  const res = await fetch(`${world.projectUrl}/containers/${containerId}/?action=${action}`, {
    method: 'POST',
    headers: { authorization: world.rancherAuth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${action} on ${containerId} answered ${res.status}`);
  return (await res.json()) as { url: string; token: string };
}

/** Asks the simulator for a container's logs or exec hostAccess and dials it, as the portal does. */
export async function rancherSocket(world: BenchWorld, containerId: string, action: 'logs' | 'execute', body: Record<string, unknown>): Promise<WebSocket> {
  const access = await hostAccess(world, containerId, action, body);
  return opened(new WebSocket(`${access.url}?token=${access.token}`));
}

/** Resolves when the socket has closed (at once if it already has). */
export function closed(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => ws.once('close', () => resolve()));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
