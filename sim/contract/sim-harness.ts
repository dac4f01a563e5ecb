import WebSocket from 'ws';
import { type RunningSim, type SimOptions, startSim } from '../start-sim';

// Helpers for the contract tests: a simulator on a free loopback port with fast steps, and small
// clients that speak to it over real sockets the way Rancher clients do.

export function startTestSim(options: SimOptions = {}): Promise<RunningSim> {
  return startSim({ port: 0, stepMs: 5, control: true, pingMs: 50, ...options });
}

/** The demo world's environment key for prod-cattle (1a5); the first key, the simulator's own, is an account key. */
export const prodEnvironmentKey = { accessKey: 'SPINPRODENVKEY', secretKey: 'spin-demo-prod-secret' };

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export function basicAuth(access: string, secret: string): string {
  return `Basic ${Buffer.from(`${access}:${secret}`).toString('base64')}`;
}

/** One HTTP request with the demo key (or `auth`), the body sent as JSON text. */
export async function call(sim: RunningSim, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const url = path.startsWith('http') ? path : `${sim.url}${path}`;
  const res = await fetch(url, {
    method,
    headers: { authorization: basicAuth(sim.accessKey, sim.secretKey), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export const project = (sim: RunningSim, rest = ''): string => `/v2-beta/projects/${sim.projectId}${rest}`;

export async function get(sim: RunningSim, path: string): Promise<Record<string, unknown>> {
  const res = await call(sim, 'GET', path);
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function dataOf(collection: Record<string, unknown>): Record<string, unknown>[] {
  return collection.data as Record<string, unknown>[];
}

/** The first resource of `type` named `name` in the project. */
export async function byName(sim: RunningSim, collection: string, name: string, extra = ''): Promise<Record<string, unknown>> {
  const found = dataOf(await get(sim, project(sim, `/${collection}?name=${encodeURIComponent(name)}&removed_null=1${extra}`)));
  const first = found[0];
  if (!first) throw new Error(`no ${collection} named ${name}`);
  return first;
}

export async function serviceOf(sim: RunningSim, stack: string, service: string): Promise<Record<string, unknown>> {
  const s = await byName(sim, 'stacks', stack);
  return byName(sim, 'services', service, `&stackId=${String(s.id)}`);
}

/** Polls until `check` returns a value, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** GETs the resource until it is in `state` and no longer transitioning. */
export function settled(sim: RunningSim, self: string, state: string, ms = 5000): Promise<Record<string, unknown>> {
  return eventually(
    async () => {
      const r = await get(sim, self);
      return r.state === state && r.transitioning === 'no' ? r : undefined;
    },
    ms,
    `${self} to settle in ${state}`,
  );
}

export async function act(sim: RunningSim, resource: Record<string, unknown>, action: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const actions = resource.actions as Record<string, string>;
  const url = actions[action] ?? `${(resource.links as Record<string, string>).self}/?action=${action}`;
  return call(sim, 'POST', url, body, headers);
}

export interface SocketLog {
  ws: WebSocket;
  frames: { data: Buffer; binary: boolean }[];
  texts: () => string[];
  closed: Promise<{ code: number }>;
  opened: Promise<void>;
}

/** Dials a websocket and records every frame it receives and how it closed. */
export function dial(url: string, options: WebSocket.ClientOptions & { protocol?: string } = {}): SocketLog {
  const ws = options.protocol ? new WebSocket(url, options.protocol, options) : new WebSocket(url, options);
  const frames: SocketLog['frames'] = [];
  ws.on('message', (data, binary) => frames.push({ data: Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer), binary }));
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => resolve({ code })));
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
  });
  opened.catch(() => undefined);
  return { ws, frames, texts: () => frames.map((f) => f.data.toString('utf8')), closed, opened };
}

/** The HTTP status a websocket upgrade was refused with. */
export function refusedWith(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => {
      ws.close();
      reject(new Error('the upgrade was accepted'));
    });
    ws.on('error', () => undefined);
  });
}
