/**
 * A steady "crash looping" judgement for a service (ux.md E3). Rancher's own health flips between healthy
 * and unhealthy at every restart of a crashing container, and it reports an exit code only while the
 * container is down; judged from one read, a crash loop blinks. So the portal remembers what it saw of a
 * service across reads (start counts, turns to unhealthy, the last non-zero exit code) and judges over a
 * window: the marker appears with the evidence and leaves only when the window holds none.
 */

/** How far back restarts and health flips count. */
export const crashWindowMs = 10 * 60_000;
/** Restarts seen within the window that make a crash loop. */
const restartsForLoop = 3;
/** Turns to unhealthy seen within the window that make a crash loop. */
const flipsForLoop = 2;
/** From one read: this many starts with, on average, less than this uptime each. */
const rapidStarts = 3;
const rapidUptimeMs = 5 * 60_000;
/** Restarts remembered per read (a long gap between reads must not flood the memory). */
const restartsPerReadCap = 20;

export interface ObservedContainer {
  id: string;
  state: string;
  startCount: number;
  exitCode: number | null;
  createdAt: string;
}

export interface ServiceObservation {
  at: number;
  state: string;
  healthState: string;
  /** Only reads of a stack or service page carry containers; the stack list carries health alone. */
  containers?: readonly ObservedContainer[];
}

/** What the portal remembers of one service between reads. */
export interface CrashMemory {
  lastSeenAt: number;
  state: string;
  health: string | null;
  startCounts: Readonly<Record<string, number>>;
  restartTimes: readonly number[];
  unhealthyTimes: readonly number[];
  /** When a single read last showed many short runs (no earlier read needed). */
  rapidAt: number | null;
  lastExitCodes: Readonly<Record<string, number>>;
  lastExitCode: number | null;
}

export interface CrashVerdict {
  crashLooping: boolean;
  restartsInWindow: number;
  /** The last non-zero exit code seen, kept while the container runs again. */
  lastExitCode: number | null;
}

const stoppedStates = new Set(['inactive', 'deactivating', 'removed', 'removing']);

function isRapid(c: ObservedContainer, at: number): boolean {
  const age = at - Date.parse(c.createdAt);
  return c.startCount >= rapidStarts && Number.isFinite(age) && age / c.startCount < rapidUptimeMs;
}

function within(times: readonly number[], now: number): number[] {
  return times.filter((t) => now - t <= crashWindowMs);
}

/** The memory after one more read of the service. Pure: the caller keeps the result. */
export function observeService(memory: CrashMemory | undefined, o: ServiceObservation): CrashMemory {
  const startCounts = { ...(memory?.startCounts ?? {}) };
  const lastExitCodes = { ...(memory?.lastExitCodes ?? {}) };
  const restartTimes = within(memory?.restartTimes ?? [], o.at);
  let rapidAt = memory?.rapidAt ?? null;
  let lastExitCode = memory?.lastExitCode ?? null;
  for (const c of o.containers ?? []) {
    const before = memory?.startCounts[c.id];
    if (before !== undefined && c.startCount > before) {
      for (let i = 0; i < Math.min(c.startCount - before, restartsPerReadCap); i++) restartTimes.push(o.at);
    }
    startCounts[c.id] = c.startCount;
    if (isRapid(c, o.at)) rapidAt = o.at;
    if (c.exitCode !== null && c.exitCode !== 0) {
      lastExitCodes[c.id] = c.exitCode;
      lastExitCode = c.exitCode;
    }
  }
  const unhealthyTimes = within(memory?.unhealthyTimes ?? [], o.at);
  if (o.healthState === 'unhealthy' && memory?.health !== 'unhealthy') unhealthyTimes.push(o.at);
  return { lastSeenAt: o.at, state: o.state, health: o.healthState, startCounts, restartTimes, unhealthyTimes, rapidAt, lastExitCodes, lastExitCode };
}

/** The judgement at `now` from what was remembered; a stopped service never crash loops. */
export function crashLoopVerdict(memory: CrashMemory | undefined, now: number): CrashVerdict {
  if (!memory) return { crashLooping: false, restartsInWindow: 0, lastExitCode: null };
  const restartsInWindow = within(memory.restartTimes, now).length;
  const flips = within(memory.unhealthyTimes, now).length;
  const isRapidNow = memory.rapidAt !== null && now - memory.rapidAt <= crashWindowMs;
  const crashLooping = !stoppedStates.has(memory.state) && (restartsInWindow >= restartsForLoop || flips >= flipsForLoop || isRapidNow);
  return { crashLooping, restartsInWindow, lastExitCode: memory.lastExitCode };
}
