import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { RancherUnavailableError } from './errors';
import { dialHostAccess } from './host-access-socket';
import { streamLogs, type LogRequest } from './logs';
import type { LogLine } from '@/lib/domain/rancher/types';

// A stand-in for Rancher's logs socket; each test decides what a connection gets.
let wss: WebSocketServer;
let url: string;
let onConnection: (socket: WebSocket, n: number, token: string | null) => void;
let connections = 0;

beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (socket, req) => {
    connections++;
    onConnection(socket, connections, new URL(req.url ?? '', 'http://x').searchParams.get('token'));
  });
  await new Promise((resolve) => wss.once('listening', resolve));
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/v1/logs/`;
});

afterAll(async () => {
  for (const client of wss.clients) client.terminate();
  await new Promise((resolve) => wss.close(resolve));
});

const stamp = (i: number) => `2024-05-01T10:00:${String(Math.floor(i / 1000)).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}000001Z`;
const frame = (i: number, text = `line ${i}`) => `01 ${stamp(i)} ${text}\n`;

async function collect(iterable: AsyncIterable<LogLine>): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  for await (const line of iterable) lines.push(line);
  return lines;
}

function connectTo(requests: LogRequest[]) {
  return (request: LogRequest) => {
    requests.push(request);
    return dialHostAccess({ url, token: `t${requests.length}` }, 1000);
  };
}

describe('streamLogs', () => {
  it('reads the tail and ends when Rancher closes the socket', async () => {
    connections = 0;
    onConnection = (socket) => {
      for (let i = 0; i < 5; i++) socket.send(frame(i));
      socket.send(`02 ${stamp(5)} oops\n${stamp(6)} again\n`);
      socket.close(1000);
    };
    const requests: LogRequest[] = [];
    const lines = await collect(streamLogs({ tail: 100, follow: false, connect: connectTo(requests) }));
    expect(lines.map((l) => l.line)).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4', 'oops', 'again']);
    expect(lines[5]).toEqual({ ts: stamp(5), stream: 'stderr', line: 'oops' });
    expect(requests).toEqual([{ tail: 100, follow: false }]);
  });

  it('holds the sender back while the consumer is slow', async () => {
    const total = 20_000;
    let server: WebSocket | undefined;
    onConnection = (socket) => {
      server = socket;
      const long = 'x'.repeat(1000);
      for (let i = 0; i < total; i++) socket.send(frame(i, `${i} ${long}`));
      socket.close(1000);
    };
    const iterator = streamLogs({ tail: 100, follow: false, connect: connectTo([]), highWater: 50 })[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.line.startsWith('0 ')).toBe(true);
    // 20 MB were queued; unpaused, loopback drains them within this wait, paused most must stay with the sender.
    await sleep(500);
    expect(server?.bufferedAmount ?? 0).toBeGreaterThan(1_000_000);
    let count = 1;
    let previous = 0;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
      const n = Number(r.value.line.split(' ')[0]);
      expect(n).toBe(previous + 1);
      previous = n;
      count++;
    }
    expect(count).toBe(total);
  });

  it('reopens a dropped follow stream without repeating lines', async () => {
    connections = 0;
    onConnection = (socket, n) => {
      if (n === 1) {
        for (let i = 0; i < 10; i++) socket.send(frame(i));
        setTimeout(() => socket.terminate(), 20);
      } else {
        // Rancher replays its tail on a new socket: lines 5..9 again, then new ones.
        for (let i = 5; i < 15; i++) socket.send(frame(i));
        socket.close(1000);
      }
    };
    const requests: LogRequest[] = [];
    const lines = await collect(streamLogs({ tail: 100, follow: true, connect: connectTo(requests), reconnectDelayMs: 1 }));
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 15 }, (_, i) => `line ${i}`));
    expect(requests).toEqual([
      { tail: 100, follow: true },
      { tail: 100, follow: true, since: stamp(9) },
    ]);
  });

  it('fails a non-follow read that drops midway', async () => {
    onConnection = (socket) => {
      socket.send(frame(0));
      setTimeout(() => socket.terminate(), 20);
    };
    await expect(collect(streamLogs({ tail: 100, follow: false, connect: connectTo([]) }))).rejects.toBeInstanceOf(RancherUnavailableError);
  });

  it('gives up on a follow stream that keeps dropping', async () => {
    connections = 0;
    onConnection = (socket) => setTimeout(() => socket.terminate(), 5);
    const requests: LogRequest[] = [];
    await expect(collect(streamLogs({ tail: 100, follow: true, connect: connectTo(requests), reconnects: 2, reconnectDelayMs: 1 }))).rejects.toBeInstanceOf(
      RancherUnavailableError,
    );
    expect(requests).toHaveLength(3);
  });

  it('ends quietly when the signal aborts, closing the socket', async () => {
    let server: WebSocket | undefined;
    onConnection = (socket) => {
      server = socket;
      socket.send(frame(0));
    };
    const controller = new AbortController();
    const lines: LogLine[] = [];
    for await (const line of streamLogs({ tail: 100, follow: true, signal: controller.signal, connect: connectTo([]) })) {
      lines.push(line);
      setTimeout(() => controller.abort(), 10);
    }
    expect(lines).toHaveLength(1);
    await sleep(50);
    expect(server?.readyState).toBe(server?.CLOSED);
  });

  it('closes the socket when the consumer stops early', async () => {
    let server: WebSocket | undefined;
    onConnection = (socket) => {
      server = socket;
      for (let i = 0; i < 10; i++) socket.send(frame(i));
    };
    for await (const line of streamLogs({ tail: 100, follow: true, connect: connectTo([]) })) {
      expect(line.line).toBe('line 0');
      break;
    }
    await sleep(50);
    expect(server?.readyState).toBe(server?.CLOSED);
  });

  it('asks again with a fresh token when the first is refused', async () => {
    const refusing = new WebSocketServer({ host: '127.0.0.1', port: 0, verifyClient: (info, done) => done(info.req.url?.includes('token=good') ?? false, 401) });
    await new Promise((resolve) => refusing.once('listening', resolve));
    const refusedUrl = `ws://127.0.0.1:${(refusing.address() as AddressInfo).port}/v1/logs/`;
    const err = await dialHostAccess({ url: refusedUrl, token: 'stale' }, 1000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherUnavailableError);
    expect((err as RancherUnavailableError).rancher).toMatchObject({ status: 401, code: 'TokenRejected' });
    const socket = await dialHostAccess({ url: refusedUrl, token: 'good' }, 1000);
    socket.terminate();
    await new Promise((resolve) => refusing.close(resolve));
  });
});
