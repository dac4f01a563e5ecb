import type { ContainerRecord, ContainerRuntime, LogEntry, ServiceProfile } from '../world/world-types';
import { type LogLine, seeded, startupLines, trafficLine } from './log-lines';

// A container's log is its event lines (kept, at most maxEvents) merged with steady traffic lines,
// which are computed from the run's start and the profile's rate instead of being stored: a world of
// ten thousand containers then costs nothing until someone reads a log.

const maxEvents = 200;

function containerNumber(container: ContainerRecord): number {
  return Number(container.id.replace(/^\D+/, '')) || 1;
}

function imageVersion(imageUuid: string): string {
  return /:([^:/@]+)$/.exec(imageUuid)?.[1] ?? 'latest';
}

function events(container: ContainerRecord, runtime: ContainerRuntime, profile: ServiceProfile): LogEntry[] {
  if (runtime.lifecycle === null) {
    runtime.lifecycle = [];
    if (runtime.startedAt !== null) appendLines(runtime, startupLines(profile.logStyle, runtime.startedAt, imageVersion(container.imageUuid)), runtime.startedAt);
  }
  return runtime.lifecycle;
}

/** Records lines the container wrote at `at` (a start, a stop, a crash). */
export function appendLines(runtime: ContainerRuntime, lines: LogLine[], at: number = Date.now()): void {
  runtime.lifecycle ??= [];
  lines.forEach((line, i) => {
    runtime.lifecycle?.push({ seq: runtime.nextSeq++, ms: at, nanos: (i + 1) * 1000, stream: line.stream, text: line.text });
  });
  if (runtime.lifecycle.length > maxEvents) runtime.lifecycle.splice(0, runtime.lifecycle.length - maxEvents);
}

/** Records the lines a start writes, once the container's earlier events exist. */
export function appendStartup(container: ContainerRecord, runtime: ContainerRuntime, profile: ServiceProfile, at: number): void {
  events(container, runtime, profile);
  appendLines(runtime, startupLines(profile.logStyle, at, imageVersion(container.imageUuid)), at);
}

/** Event lines after `seq`, for a following reader. */
export function eventsAfter(container: ContainerRecord, runtime: ContainerRuntime, profile: ServiceProfile, seq: number): LogEntry[] {
  return events(container, runtime, profile).filter((e) => e.seq > seq);
}

export function lastEventSeq(container: ContainerRecord, runtime: ContainerRuntime, profile: ServiceProfile): number {
  return events(container, runtime, profile).at(-1)?.seq ?? -1;
}

/** The time of traffic line k (1-based) of a run: evenly spaced, jittered, still in order. */
function lineTime(startedAt: number, period: number, k: number, seed: number): { ms: number; nanos: number } {
  const jitter = seeded(seed ^ k)();
  const exact = startedAt + (k - 0.5 + jitter * 0.9) * period;
  const ms = Math.floor(exact);
  return { ms, nanos: Math.floor((exact - ms) * 1e6) };
}

/** Traffic lines of one run with times in (afterMs, untilMs], at most `limit`, newest kept. */
function runTraffic(container: ContainerRecord, profile: ServiceProfile, start: number, stop: number | null, afterMs: number, untilMs: number, limit: number): LogEntry[] {
  const end = Math.min(untilMs, stop ?? untilMs);
  const period = 1000 / profile.logRate;
  const seed = containerNumber(container) * 2654435761 + start;
  let last = Math.floor((end - start) / period + 0.5);
  while (last > 0 && lineTime(start, period, last, seed).ms > end) last -= 1;
  const first = Math.max(1, last - limit + 1);
  const out: LogEntry[] = [];
  for (let k = first; k <= last; k += 1) {
    const at = lineTime(start, period, k, seed);
    if (at.ms <= afterMs) continue;
    const line = trafficLine(profile.logStyle, (seed + k * 7919) >>> 0, at.ms);
    out.push({ seq: -1, ms: at.ms, nanos: at.nanos, stream: line.stream, text: line.text });
  }
  return out;
}

/** Traffic lines of the container's runs, newest run first, with times in (afterMs, untilMs], at most `limit`. */
export function trafficBetween(container: ContainerRecord, runtime: ContainerRuntime, profile: ServiceProfile, afterMs: number, untilMs: number, limit: number): LogEntry[] {
  if (profile.logRate <= 0 || limit <= 0 || runtime.startedAt === null) return [];
  const runs = [...runtime.previousRuns, { startedAt: runtime.startedAt, stoppedAt: runtime.stoppedAt }];
  let out: LogEntry[] = [];
  for (let i = runs.length - 1; i >= 0 && out.length < limit; i -= 1) {
    const run = runs[i];
    if (!run || (run.stoppedAt !== null && run.stoppedAt <= afterMs)) break;
    out = [...runTraffic(container, profile, run.startedAt, run.stoppedAt, afterMs, untilMs, limit - out.length), ...out];
  }
  return out;
}

function byTime(a: LogEntry, b: LogEntry): number {
  return a.ms - b.ms || a.nanos - b.nanos;
}

/** The last `count` lines, as `docker logs --tail` gives them. */
export function logTail(container: ContainerRecord, runtime: ContainerRuntime, profile: ServiceProfile, count: number, now: number): LogEntry[] {
  const merged = [...events(container, runtime, profile), ...trafficBetween(container, runtime, profile, -Infinity, now, count)];
  return merged.sort(byTime).slice(-count);
}
