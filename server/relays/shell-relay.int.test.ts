import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signIn } from '@/test/helpers/portal-session';
import { upgradeRefusal } from '@/test/helpers/upgrade-refusal';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';

let world: PortalWorld;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  world = await startPortalWorld({}, { SHELL_IDLE_TIMEOUT_MS: '3000' });
  for (const user of ['fred', 'barney', 'wilma']) cookies[user] = await signIn(world.portal.url, user);
  const list = (await (await fetch(`${world.portal.url}/api/v1/stacks`, { headers: { cookie: cookies.wilma! } })).json()) as { stacks: { id: string }[] };
  for (const stack of list.stacks) {
    const body = (await (await fetch(`${world.portal.url}/api/v1/stacks/${stack.id}`, { headers: { cookie: cookies.wilma! } })).json()) as {
      services: { containers: { id: string; name: string }[] }[];
    };
    for (const s of body.services) for (const c of s.containers) ids[c.name] = c.id;
  }
}, 300_000);

afterAll(async () => {
  await world?.close();
});

/** A terminal client: collects output text and control messages. */
class Terminal {
  readonly ws: WebSocket;
  output = '';
  readonly controls: Record<string, unknown>[] = [];
  closed: Promise<{ code: number; reason: string }>;

  constructor(container: string, cookie: string, options: { origin?: string; query?: string } = {}) {
    this.ws = new WebSocket(`${world.portal.url.replace('http', 'ws')}/api/v1/containers/${ids[container] ?? container}/shell?${options.query ?? 'cols=120&rows=30'}`, {
      headers: { cookie, origin: options.origin ?? world.portal.url },
    });
    this.ws.on('message', (data, isBinary) => {
      if (isBinary) this.output += data.toString();
      else this.controls.push(JSON.parse(data.toString()) as Record<string, unknown>);
    });
    this.ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  async ready(): Promise<Record<string, unknown>> {
    await this.until(() => this.controls.some((c) => c.type === 'ready'));
    return this.controls.find((c) => c.type === 'ready')!;
  }

  type(text: string) {
    this.ws.send(Buffer.from(text), { binary: true });
  }

  async until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out; output so far: ${JSON.stringify(this.output.slice(-500))}, controls ${JSON.stringify(this.controls)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

function refusalStatus(term: Terminal): Promise<number> {
  return upgradeRefusal(term.ws).then((refusal) => refusal.status);
}

describe('shell relay', () => {
  it('opens bash in an image that has it, runs commands, and shows the service user', async () => {
    const term = new Terminal('foo-jgi-doe-app-1', cookies.fred!);
    expect((await term.ready()).shell).toBe('bash');
    term.type('echo hello\r');
    await term.until(() => /\r?\nhello\r?\n/.test(term.output));
    term.type('id\r');
    await term.until(() => /uid=\d+/.test(term.output));
    term.ws.close();
  });

  it('falls back to sh where the image has no bash', async () => {
    const term = new Terminal('foo-jgi-doe-web-1', cookies.fred!);
    expect((await term.ready()).shell).toBe('sh');
    term.type('echo fallback-works\r');
    await term.until(() => term.output.includes('\nfallback-works'));
    term.ws.close();
  });

  it('forwards resizes to the container', async () => {
    const term = new Terminal('foo-jgi-doe-app-1', cookies.fred!);
    await term.ready();
    term.type('ls /\r');
    await term.until(() => term.output.includes('usr'));
    const wide = term.output.split('\n').length;
    term.output = '';
    term.ws.send(JSON.stringify({ type: 'resize', cols: 10, rows: 30 }));
    term.type('ls /\r');
    await term.until(() => term.output.includes('usr') && term.output.trimEnd().endsWith('$'));
    expect(term.output.split('\n').length).toBeGreaterThan(wide + 3);
    term.ws.close();
  });

  it('says so and closes when the shell exits on the far side', async () => {
    const term = new Terminal('foo-jgi-doe-app-1', cookies.fred!);
    await term.ready();
    term.type('exit\r');
    expect((await term.closed).code).toBe(1000);
    expect(term.controls).toContainEqual({ type: 'exit', code: 0 });
  });

  it('warns, then closes an idle shell', async () => {
    const term = new Terminal('foo-jgi-doe-app-1', cookies.fred!);
    await term.ready();
    const closed = await term.closed;
    expect(closed).toEqual({ code: 4001, reason: 'idle timeout' });
    expect(term.controls.map((c) => c.type)).toEqual(['ready', 'warning', 'error']);
  }, 15_000);

  it('refuses without a session, from another origin, and on stacks not shared (404)', async () => {
    expect(await refusalStatus(new Terminal('foo-jgi-doe-app-1', ''))).toBe(401);
    expect(await refusalStatus(new Terminal('foo-jgi-doe-app-1', cookies.fred!, { origin: 'http://evil.example' }))).toBe(403);
    expect(await refusalStatus(new Terminal('bar-nersc-web-1', cookies.barney!))).toBe(404);
    expect(await refusalStatus(new Terminal('foo-jgi-doe-app-1', cookies.fred!, { query: 'cols=0&rows=10' }))).toBe(400);
  });

  it('keeps working for a client that reads slowly', async () => {
    const term = new Terminal('foo-jgi-doe-app-1', cookies.fred!);
    await term.ready();
    const socket = (term.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    for (let i = 0; i < 200; i++) term.type(`echo line-${i}\r`);
    await new Promise((r) => setTimeout(r, 500));
    socket.resume();
    await term.until(() => term.output.includes('\nline-199'));
    term.ws.close();
  });

  it('records shell sessions with duration and bytes, not content', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const res = await fetch(`${world.portal.url}/api/v1/activity?actor=fred&action=shell.close`, { headers: { cookie: cookies.wilma! } });
    const { events } = (await res.json()) as { events: { durationMs: number; details: Record<string, unknown> }[] };
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const e of events) {
      expect(e.durationMs).toBeGreaterThan(0);
      expect(Object.keys(e.details).sort()).toEqual(['bytesIn', 'bytesOut', 'reason', 'shell']);
    }
    expect(JSON.stringify(events)).not.toContain('echo hello');
  });
});
