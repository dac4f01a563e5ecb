import type { ContainerRecord, ContainerRuntime, ServiceProfile } from '../world/world-types';

// What a container uses (rancher-api.md §6.5), as cAdvisor counts it: CPU, network and disk as
// counters that only grow during one run and start again from zero on the next, memory as a level.
// The curves are deterministic per container and second, so two sockets on one container agree.

export interface StatsRow {
  id: string;
  resourceType: 'container';
  timestamp: string;
  cpu: { usage: { total: number; user: number; system: number; per_cpu_usage: number[] } };
  memory: { usage: number; limit: number };
  network: { interfaces: { name: string; rx_bytes: number; tx_bytes: number }[] };
  diskio: { io_service_bytes: { stats: { Read: number; Write: number } }[] };
}

/** cgroup v1's "no limit", which cAdvisor reports for a container started without `memory`. */
export const unlimitedMemory = 9_223_372_036_854_771_712;
/** Each simulated host has 4 CPUs; a container's CPU time is spread over them unevenly. */
const cpuShares = [0.4, 0.3, 0.2, 0.1];
const mib = 1024 * 1024;

/** What a container's image does per second: CPU share of one CPU, bytes in and out, bytes read and written. */
interface Rates {
  cpu: number;
  rx: number;
  tx: number;
  read: number;
  write: number;
}

interface Counters {
  cpuNs: number;
  rx: number;
  tx: number;
  read: number;
  write: number;
}

interface RunState {
  startedAt: number;
  at: number;
  counters: Counters;
}

/** A number in [0, 1) from a container and a second: the same inputs give the same noise. */
function noise(seed: number, second: number): number {
  let h = (seed * 374_761_393 + second * 668_265_263) | 0;
  h = Math.imul(h ^ (h >>> 13), 1_274_126_177);
  return ((h ^ (h >>> 16)) >>> 0) / 4_294_967_296;
}

function seedOf(id: string): number {
  return Number(id.replace(/^\D+/, '')) || 1;
}

/** A web server idles with bursts of requests; databases and apps hum along more evenly. */
function ratesAt(style: string, seed: number, second: number): Rates {
  const n = noise(seed, second);
  const burst = n > 0.85 ? 1 + 8 * noise(seed + 1, second) : 1;
  if (style === 'nginx' || style === 'httpd') {
    const rx = 2_000 * burst + 1_500 * n;
    return { cpu: 0.015 * burst + 0.01 * n, rx, tx: rx * 6, read: 500 * n, write: 3_000 * burst };
  }
  if (style === 'mysql' || style === 'redis') return { cpu: 0.04 + 0.03 * n, rx: 8_000 + 4_000 * n, tx: 12_000 + 6_000 * n, read: 40_000 * n, write: 60_000 + 30_000 * n };
  return { cpu: 0.05 + 0.1 * n * burst, rx: 600 + 400 * n, tx: 300 + 200 * n, read: 2_000 * n, write: 8_000 * n };
}

/** Whether the container's image is the one that crash-loops (the crash belongs to one image). */
function crashes(profile: ServiceProfile, c: ContainerRecord): boolean {
  return profile.crashLoop !== null && profile.crashLoop.imageUuid === c.imageUuid;
}

export function memoryLimitOf(c: ContainerRecord): number {
  const memory = (c as unknown as { memory?: unknown }).memory;
  return typeof memory === 'number' && memory > 0 ? memory : unlimitedMemory;
}

/**
 * Resident memory now. A crash-looping app holds more and more until, in the last part of its run,
 * it sits at its limit, where the kernel kills it (exit 137); others breathe around a base level.
 */
function memoryAt(c: ContainerRecord, profile: ServiceProfile, run: { startedAt: number; now: number; crashAfterMs: number | null }): number {
  const seed = seedOf(c.id);
  const second = Math.floor(run.now / 1000);
  const limit = memoryLimitOf(c);
  if (run.crashAfterMs !== null && crashes(profile, c)) {
    const start = Math.min(64 * mib, limit * 0.2);
    const fraction = Math.max(0, run.now - run.startedAt) / Math.max(1, run.crashAfterMs);
    if (fraction >= 0.8) return Math.round(limit * (0.995 + 0.005 * noise(seed, second)));
    return Math.round(start + (limit - start) * (fraction / 0.8) ** 0.8);
  }
  const base = profile.logStyle === 'mysql' ? 380 * mib : profile.logStyle === 'redis' ? 120 * mib : profile.logStyle === 'nginx' ? 48 * mib : 90 * mib;
  const wave = Math.sin(run.now / 90_000 + seed) * 0.08 + noise(seed, second) * 0.04;
  return Math.min(limit, Math.round(base * (1 + wave)));
}

/** Counters for a run already going when first asked for: about what it would have counted by now. */
function estimatedCounters(style: string, seed: number, seconds: number): Counters {
  const mean = ratesAt(style, seed, 0);
  return { cpuNs: mean.cpu * 1e9 * seconds, rx: mean.rx * seconds, tx: mean.tx * seconds, read: mean.read * seconds, write: mean.write * seconds };
}

/**
 * Rows of cumulative counters per container, advanced a second at a time from the last row asked
 * for. A new run (the container started again) counts from zero, as a new cgroup does.
 */
export class StatsSampler {
  private readonly runs = new Map<string, RunState>();
  private nanos = 0;

  /** `crashAfterMs`: how long a crash-looping run lasts here, from the simulator's clock. */
  constructor(private readonly crashAfterMs: (profile: ServiceProfile) => number | null) {}

  row(c: ContainerRecord, runtime: ContainerRuntime, profile: ServiceProfile, now: number): StatsRow | null {
    if (runtime.startedAt === null || runtime.stoppedAt !== null || c.state !== 'running') return null;
    const seed = seedOf(c.id);
    let run = this.runs.get(c.id);
    if (!run || run.startedAt !== runtime.startedAt) {
      const seconds = Math.max(0, (now - runtime.startedAt) / 1000);
      run = { startedAt: runtime.startedAt, at: now, counters: seconds > 5 ? estimatedCounters(profile.logStyle, seed, seconds) : { cpuNs: 0, rx: 0, tx: 0, read: 0, write: 0 } };
      this.runs.set(c.id, run);
    }
    for (let t = run.at; t < now; ) {
      const next = Math.min(now, (Math.floor(t / 1000) + 1) * 1000);
      const r = ratesAt(profile.logStyle, seed, Math.floor(t / 1000));
      const dt = (next - t) / 1000;
      const k = run.counters;
      k.cpuNs += r.cpu * 1e9 * dt;
      k.rx += r.rx * dt;
      k.tx += r.tx * dt;
      k.read += r.read * dt;
      k.write += r.write * dt;
      t = next;
    }
    run.at = Math.max(run.at, now);
    const k = run.counters;
    const total = Math.round(k.cpuNs);
    this.nanos = (this.nanos + 1) % 1_000_000;
    return {
      id: c.id,
      resourceType: 'container',
      timestamp: `${new Date(now).toISOString().slice(0, 23)}${String(this.nanos).padStart(6, '0')}Z`,
      cpu: { usage: { total, user: Math.round(total * 0.8), system: total - Math.round(total * 0.8), per_cpu_usage: cpuShares.map((s) => Math.round(total * s)) } },
      memory: { usage: memoryAt(c, profile, { startedAt: runtime.startedAt, now, crashAfterMs: this.crashAfterMs(profile) }), limit: memoryLimitOf(c) },
      network: { interfaces: [{ name: 'eth0', rx_bytes: Math.round(k.rx), tx_bytes: Math.round(k.tx) }] },
      diskio: { io_service_bytes: [{ stats: { Read: Math.round(k.read), Write: Math.round(k.write) } }] },
    };
  }
}
