import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import type WebSocket from 'ws';
import { z } from 'zod';
import type { CounterSample } from '@/lib/domain/stats/stats-point';
import { RancherUnavailableError } from './errors';
import { dialHostAccess } from './host-access-socket';

// Rancher's stats socket (rancher-api.md §6.5): `GET links.containerStats` answers a URL and two
// tokens; the short one is dialled in the query, the long one is the first frame. Each frame is an
// array of cumulative rows, about one per container per second.

export const statsAccessSchema = z.object({ url: z.string().regex(/^wss?:\/\//i), token: z.string().min(1), authToken: z.string().min(1) });
export type StatsAccess = z.infer<typeof statsAccessSchema>;

const bytes = z.number().nonnegative();
const statsRowSchema = z.object({
  id: z.string().min(1),
  timestamp: z.string(),
  cpu: z.object({ usage: z.object({ total: bytes, per_cpu_usage: z.array(bytes).nullish() }) }),
  memory: z.object({ usage: bytes, limit: bytes.nullish() }),
  network: z.object({ interfaces: z.array(z.object({ rx_bytes: bytes, tx_bytes: bytes })).nullish() }).nullish(),
  diskio: z.object({ io_service_bytes: z.array(z.object({ stats: z.object({ Read: bytes.optional(), Write: bytes.optional() }) })).nullish() }).nullish(),
});

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A row as the rate computation reads it: every interface and disk summed. Null when it is no row. */
export function toCounterSample(raw: unknown): CounterSample | null {
  const parsed = statsRowSchema.safeParse(raw);
  if (!parsed.success) return null;
  const row = parsed.data;
  const interfaces = row.network?.interfaces ?? [];
  const disks = (row.diskio?.io_service_bytes ?? []).map((d) => d.stats);
  return {
    containerId: row.id,
    ts: row.timestamp,
    cpuTotalNs: row.cpu.usage.total,
    cpuCount: row.cpu.usage.per_cpu_usage?.length || 1,
    memBytes: row.memory.usage,
    memLimitBytes: row.memory.limit ?? 0,
    rxBytes: sum(interfaces.map((i) => i.rx_bytes)),
    txBytes: sum(interfaces.map((i) => i.tx_bytes)),
    readBytes: sum(disks.map((d) => d.Read ?? 0)),
    writeBytes: sum(disks.map((d) => d.Write ?? 0)),
  };
}

/** The rows of one frame that parse; a frame that is not a JSON array gives none. */
export function parseStatsFrame(text: string): CounterSample[] {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return [];
  }
  return Array.isArray(rows) ? rows.flatMap((row) => toCounterSample(row) ?? []) : [];
}

export interface StatsStreamOptions {
  /** Reads the stats link afresh: tokens expire, so every (re)connection asks again. */
  access: () => Promise<StatsAccess>;
  connectTimeoutMs: number;
  signal?: AbortSignal;
  /** Times a dropped socket is reopened in a row before the iteration fails. */
  reconnects?: number;
  reconnectDelayMs?: number;
}

/** Frames kept for a reader that is behind; older ones are dropped (rates need only the newest rows). */
const keptFrames = 4;

async function* socketFrames(socket: WebSocket, signal: AbortSignal | undefined): AsyncGenerator<CounterSample[]> {
  const queue: CounterSample[][] = [];
  let wake: (() => void) | null = null;
  // An object, as the close listener sets it: a plain `let` would narrow to null inside the loop.
  const end: { reason: { error: Error | null } | null } = { reason: null };
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  socket.on('message', (data: WebSocket.RawData) => {
    const rows = parseStatsFrame(data.toString());
    if (rows.length === 0) return;
    queue.push(rows);
    if (queue.length > keptFrames) queue.shift();
    notify();
  });
  socket.on('close', (code: number) => {
    end.reason ??= { error: code === 1000 ? null : new RancherUnavailableError({ status: 0, code: `WebSocket ${code}`, message: 'stats socket dropped' }) };
    notify();
  });
  const onAbort = () => socket.terminate();
  signal?.addEventListener('abort', onAbort, { once: true });
  socket.resume();
  try {
    for (;;) {
      const rows = queue.shift();
      if (rows) {
        yield rows;
        continue;
      }
      if (signal?.aborted) return;
      if (end.reason) {
        if (end.reason.error) throw end.reason.error;
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    socket.terminate();
  }
}

/**
 * The rows of a container's or service's stats socket, a frame at a time, until the signal aborts.
 * A socket that drops is dialled again with fresh tokens; the counters carry on where they were.
 */
export async function* streamStats(options: StatsStreamOptions): AsyncGenerator<CounterSample[]> {
  const reconnects = options.reconnects ?? 3;
  let drops = 0;
  while (!options.signal?.aborted) {
    try {
      const access = await options.access();
      const socket = await dialHostAccess({ url: access.url, token: access.authToken }, options.connectTimeoutMs);
      socket.send(access.token);
      for await (const rows of socketFrames(socket, options.signal)) {
        drops = 0;
        yield rows;
      }
      return;
    } catch (err) {
      if (options.signal?.aborted) return;
      if (drops >= reconnects || !(err instanceof RancherUnavailableError)) throw err;
      await sleep((options.reconnectDelayMs ?? 250) * 2 ** drops);
      drops++;
    }
  }
}
