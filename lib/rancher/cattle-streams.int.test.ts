import { describe, expect, it, vi } from 'vitest';
import { contractSimForFile } from '@/test/helpers/rancher-contract-harness';
import { RancherNotAllowedInStateError, RancherUnavailableError } from './errors';
import { RancherHttpClient } from './http-client';
import { sortableTs } from './log-frame';
import type { ContainerSummary, ExecSession, LogLine } from '@/lib/domain/rancher/types';

// Container logs and shells over the simulator's hostAccess websockets.

const world = contractSimForFile();

async function container(stackName: string, serviceName: string): Promise<ContainerSummary> {
  const summary = (await world.backend.listStacks()).find((s) => s.name === stackName);
  const stack = await world.backend.getStack(summary?.id ?? '');
  const found = stack.services.find((s) => s.name === serviceName)?.containers[0];
  if (!found) throw new Error(`no container in ${stackName}/${serviceName}`);
  return found;
}

async function take(lines: AsyncIterable<LogLine>, count: number): Promise<LogLine[]> {
  const out: LogLine[] = [];
  for await (const line of lines) {
    out.push(line);
    if (out.length >= count) break;
  }
  return out;
}

function isIncreasing(lines: LogLine[]): boolean {
  return lines.every((line, i) => i === 0 || sortableTs(line.ts) >= sortableTs(lines[i - 1]?.ts ?? ''));
}

describe('openLogs', () => {
  it('reads Rancher’s 100-line tail and ends', async () => {
    const web = await container('foo-jgi-doe', 'web');
    const lines: LogLine[] = [];
    for await (const line of world.backend.openLogs(web.id, { tail: 20 })) lines.push(line);
    expect(lines).toHaveLength(100);
    expect(isIncreasing(lines)).toBe(true);
    expect(lines.every((l) => /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(l.ts) && (l.stream === 'stdout' || l.stream === 'stderr'))).toBe(true);
    expect(lines.some((l) => /"GET \/[^ ]* HTTP\/1\.[01]" \d{3}/.test(l.line))).toBe(true);
  });

  it('honours a longer tail when Rancher does', async () => {
    const web = await container('foo-jgi-doe', 'web');
    world.sim.faults.patch({ log_tail_honour_lines: true });
    expect(await take(world.backend.openLogs(web.id, { tail: 150 }), 1000)).toHaveLength(150);
  });

  it('follows new lines until the signal aborts', async () => {
    const web = await container('foo-jgi-doe', 'web');
    world.sim.faults.patch({ log_flood_lps: 200 });
    const controller = new AbortController();
    const lines: LogLine[] = [];
    for await (const line of world.backend.openLogs(web.id, { follow: true, signal: controller.signal })) {
      lines.push(line);
      if (lines.length === 160) controller.abort();
    }
    expect(lines).toHaveLength(160);
    expect(lines.slice(100).some((l) => l.line.startsWith('flood line '))).toBe(true);
  });

  it('reopens a dropped follow stream without repeating lines', async () => {
    const web = await container('foo-jgi-doe', 'web');
    // Every logs socket dies after 130 frames (the tail is 100); the flood keeps new lines coming.
    world.sim.faults.patch({ ws_drop_after_frames: 130, log_flood_lps: 300 });
    const lines = await take(world.backend.openLogs(web.id, { follow: true }), 400);
    expect(lines).toHaveLength(400);
    const keys = lines.map((l) => `${l.ts} ${l.line}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fails when every socket is refused, after one fresh token', async () => {
    const web = await container('foo-jgi-doe', 'web');
    world.sim.faults.patch({ ws_refuse_status: 401 });
    const err = await take(world.backend.openLogs(web.id, {}), 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherUnavailableError);
    expect((err as RancherUnavailableError).rancher).toMatchObject({ status: 401, code: 'TokenRejected' });
  });
});

describe('a container read by getContainer', () => {
  it('opens its logs and shells without reading it from Rancher again', async () => {
    const app = await world.backend.getContainer((await container('foo-jgi-doe', 'app')).id);
    const gets = vi.spyOn(RancherHttpClient.prototype, 'get');
    const readsOfIt = () => gets.mock.calls.filter(([url]) => url.pathname.endsWith(`/containers/${app.id}`)).length;
    expect((await take(world.backend.openLogs(app, {}), 1000)).length).toBeGreaterThan(0);
    const session = await world.backend.openExec(app, { cols: 80, rows: 24, command: ['cat', '/etc/hostname'] });
    await new Promise((resolve) => session.onClose(resolve));
    expect(readsOfIt()).toBe(0);
    // By id it is read, as before.
    await take(world.backend.openLogs(app.id, {}), 1000);
    expect(readsOfIt()).toBe(1);
  });
});

describe('openExec', () => {
  function output(session: ExecSession): { text: () => string } {
    const chunks: Buffer[] = [];
    session.onData((data) => chunks.push(data));
    return { text: () => Buffer.concat(chunks).toString('utf8') };
  }

  async function until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(check()).toBe(true);
  }

  it('runs a shell: bytes both ways, resize, exit closes with 1000', async () => {
    const app = await container('foo-jgi-doe', 'app');
    const session = await world.backend.openExec(app.id, { cols: 100, rows: 30, command: ['/bin/sh'] });
    const out = output(session);
    const closed = new Promise<number>((resolve) => session.onClose(resolve));
    session.write('echo hello-from-portal\r');
    await until(() => out.text().includes('hello-from-portal\r\n'));
    session.resize(132, 40);
    session.write(Buffer.from('id -u\r'));
    await until(() => /\b1001\b/.test(out.text()));
    expect(out.text()).not.toContain('resizeTTY');
    session.write('exit\r');
    await expect(closed).resolves.toBe(1000);
  });

  it('runs one command and closes', async () => {
    const app = await container('foo-jgi-doe', 'app');
    const session = await world.backend.openExec(app.id, { cols: 80, rows: 24, command: ['cat', '/etc/hostname'] });
    const out = output(session);
    await expect(new Promise<number>((resolve) => session.onClose(resolve))).resolves.toBe(1000);
    expect(out.text().trim().length).toBeGreaterThan(0);
  });

  it('refuses a shell in a stopped container', async () => {
    const kv = await container('bar-nersc', 'kv');
    const summary = (await world.backend.listStacks()).find((s) => s.name === 'bar-nersc')?.services.find((s) => s.name === 'kv');
    await world.backend.serviceAction(summary?.id ?? '', 'stop');
    await world.backend.waitForSettled(summary?.id ?? '', { timeoutMs: 10_000 });
    const err = await world.backend.openExec(kv.id, { cols: 80, rows: 24, command: ['/bin/sh'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherNotAllowedInStateError);
    expect((err as Error).message).toBe('Rancher cannot open a shell in the container while it is stopped.');
    // Logs of a stopped container can still be read.
    expect((await take(world.backend.openLogs(kv.id, {}), 1000)).length).toBeGreaterThan(0);
  });
});
