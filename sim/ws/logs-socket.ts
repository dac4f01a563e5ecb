import type { ApiEnv } from '../api/api-env';
import { eventsAfter, lastEventSeq, logTail, trafficBetween } from '../logs/container-log';
import { lineFrames, logFrame } from '../logs/log-frame';
import { profileForImage } from '../world/service-profile';
import type { ContainerRecord, LogEntry } from '../world/world-types';
import type { LogsClaims } from './host-access-tokens';
import type { FaultySocket } from './socket-faults';

// /v1/logs/ (rancher-api.md §6.2): the tail (about 100 lines whatever was asked, unless the
// log_tail_honour_lines knob is on), then, when following, new lines as they are written. The socket
// closes after the tail when not following, and when the container stops. With the `binary`
// subprotocol the same bytes go out as binary frames.

const tickMs = 200;
/** Past this much unsent data the reader is too slow and steady traffic lines are skipped. */
const maxBuffered = 8 * 1024 * 1024;

function sinceMs(since: string | null): number {
  if (!since) return -Infinity;
  const n = Number(since);
  if (Number.isFinite(n)) return n * 1000;
  const t = Date.parse(since);
  return Number.isFinite(t) ? t : -Infinity;
}

function byTime(a: LogEntry, b: LogEntry): number {
  return a.ms - b.ms || a.nanos - b.nanos;
}

/** Flood lines: long ones, several to a frame, and now and then an empty frame. */
function floodFrames(count: number, at: number, start: number, tty: boolean): string[] {
  const frames: string[] = [];
  let n = 0;
  while (n < count) {
    const group = Math.min(count - n, 1 + ((start + n) % 8));
    const entries: LogEntry[] = [];
    for (let i = 0; i < group; i += 1) {
      const k = start + n + i;
      entries.push({ seq: -1, ms: at, nanos: k % 1_000_000, stream: k % 5 === 0 ? 'stderr' : 'stdout', text: `flood line ${k} ${'x'.repeat(100 + ((k * 7919) % 3900))}` });
    }
    if ((start + n) % 25 === 0) frames.push(logFrame([], 'stdout', tty));
    const stderr = entries.filter((e) => e.stream === 'stderr');
    const stdout = entries.filter((e) => e.stream === 'stdout');
    if (stdout.length) frames.push(logFrame(stdout, 'stdout', tty));
    if (stderr.length) frames.push(logFrame(stderr, 'stderr', tty));
    n += group;
  }
  return frames;
}

export function serveLogs(env: ApiEnv, socket: FaultySocket, claims: LogsClaims, container: ContainerRecord, binary: boolean): void {
  const send = (frame: string) => socket.send(binary ? Buffer.from(frame, 'utf8') : frame);
  const runtime = env.world.containerRuntime.get(container.id);
  const service = env.world.serviceOfContainer(container.id);
  const profile = (service && env.world.serviceProfiles.get(service.id)) ?? profileForImage(container.imageUuid);
  if (!runtime) {
    socket.close(1000);
    return;
  }
  const faults = env.faults.value;
  const tty = container.tty;
  const since = sinceMs(claims.since);
  const count = faults.log_tail_honour_lines ? Math.min(claims.lines, 100_000) : 100;
  const now = Date.now();
  for (const frame of lineFrames(logTail(container, runtime, profile, count, now).filter((e) => e.ms >= since), tty)) send(frame);
  if (!claims.follow || runtime.stoppedAt !== null || container.state !== 'running') {
    socket.close(1000);
    return;
  }
  let cursor = now;
  let seq = lastEventSeq(container, runtime, profile);
  let flooded = 0;
  const timer = setInterval(() => {
    const at = Date.now();
    const events = eventsAfter(container, runtime, profile, seq);
    seq = events.at(-1)?.seq ?? seq;
    const slow = socket.ws.bufferedAmount > maxBuffered;
    const expected = Math.ceil(((at - cursor) * profile.logRate) / 1000) + 2;
    const traffic = slow ? [] : trafficBetween(container, runtime, profile, cursor, at, expected);
    for (const frame of lineFrames([...events, ...traffic].sort(byTime), tty)) send(frame);
    const lps = env.faults.value.log_flood_lps;
    if (lps > 0 && !slow) {
      const due = Math.floor(((at - now) * lps) / 1000) - flooded;
      for (const frame of floodFrames(due, at, flooded, tty)) send(frame);
      flooded += Math.max(0, due);
    }
    cursor = at;
    if (runtime.stoppedAt !== null || container.removed !== null) {
      clearInterval(timer);
      socket.close(1000);
    }
  }, tickMs);
  socket.ws.once('close', () => clearInterval(timer));
}
