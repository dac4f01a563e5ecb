import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { ContainerView, ServiceView, StackView } from '@/lib/domain/stacks/stack-schemas';

/** A token of the contract's shape (`spinpat_<12>_<40>`), made up for fakes. */
export const fakeToken = `spinpat_abcdef123456_${'A1b2C3d4E5'.repeat(4)}`;

const environment = { id: '1a5', name: 'prod-cattle', production: true };

export function containerOf(overrides: Partial<ContainerView> & { id: string }): ContainerView {
  return { name: 'foo-jgi-doe-app-1', state: 'running', healthState: null, hostname: null, startCount: 1, exitCode: 0, lastExitCode: null, image: null, createdAt: '2026-12-01T00:00:00Z', environment, ...overrides };
}

export function serviceOf(overrides: Partial<ServiceView> = {}): ServiceView {
  return {
    id: '1s2',
    name: 'app',
    state: 'active',
    healthState: 'healthy',
    image: 'registry.spin.nersc.gov/fred/foo-app:1.4.2',
    scale: 1,
    environment,
    crashLoop: null,
    transitioning: 'no',
    transitioningMessage: null,
    upgradeInProgress: false,
    allowedVerbs: ['stop', 'restart', 'upgrade'],
    createdAt: '2026-12-01T00:00:00Z',
    containers: [containerOf({ id: '1i3' })],
    ...overrides,
  };
}

export function stackOf(services: ServiceView[], overrides: Partial<StackView> = {}): StackView {
  return {
    id: '1st1',
    name: 'foo-jgi-doe',
    state: 'active',
    healthState: 'healthy',
    tags: { owner: 'fred' },
    environment,
    relation: 'owner',
    isUntagged: false,
    hasUpgradeAwaitingFinish: false,
    description: null,
    services,
    rights: ['view', 'logs', 'operate', 'upgrade', 'shell'],
    ...overrides,
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export type FakeAnswer = { status: number; body?: unknown; headers?: Record<string, string> };
export type FakeRoute = (request: RecordedRequest) => FakeAnswer;

/**
 * A stand-in for the portal's /api/v1 on a loopback port: routes by "METHOD path", a bearer check,
 * a record of every request, and log websockets that send the frames a test gives.
 */
export class FakeSpinPortal {
  readonly requests: RecordedRequest[] = [];
  readonly routes = new Map<string, FakeRoute>();
  /** Frames each container's log socket sends before closing (1000). */
  readonly logFrames = new Map<string, string[]>();
  readonly logRequests: { url: string; authorization: string | undefined }[] = [];
  /** Refuse every log socket with 401, as a portal would a token it does not accept there. */
  refuseSockets = false;
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(readonly token = fakeToken) {
    this.server = createServer((req, res) => {
      void this.answer(req).then(({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      const authorization = req.headers.authorization;
      this.logRequests.push({ url: req.url ?? '', authorization });
      if (this.refuseSockets || authorization !== `Bearer ${this.token}`) {
        socket.end('HTTP/1.1 401 Unauthorized\r\ncontent-type: application/problem+json\r\nconnection: close\r\n\r\n{"detail":"Sign in first."}');
        return;
      }
      const containerId = /\/containers\/([^/]+)\/logs/.exec(req.url ?? '')?.[1] ?? '';
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        for (const frame of this.logFrames.get(containerId) ?? []) ws.send(frame);
        ws.close(1000);
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  on(route: string, answer: FakeRoute | FakeAnswer): this {
    this.routes.set(route, typeof answer === 'function' ? answer : () => answer);
    return this;
  }

  /** The usual reads: the list, the stack and the service, from one stack. */
  serve(stack: StackView): this {
    const { services, ...rest } = stack;
    const listItem = { ...rest, services: services.map(({ id, name, state, healthState, image, scale, environment: env }) => ({ id, name, state, healthState, image, scale, environment: env })) };
    const { description: _d, rights: _r, ...listed } = listItem;
    this.on('GET /api/v1/stacks', { status: 200, body: { stacks: [listed], environments: [{ ...stack.environment, available: true }] } });
    this.on(`GET /api/v1/stacks/${stack.id}`, { status: 200, body: stack });
    return this;
  }

  /** Each GET of the service answers the next of `views`, then the last one again. */
  serviceReadings(stackId: string, views: ServiceView[]): this {
    let next = 0;
    return this.on(`GET /api/v1/stacks/${stackId}/services/${views[0]?.id ?? ''}`, () => ({ status: 200, body: views[Math.min(next++, views.length - 1)] }));
  }

  posts(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === path);
  }

  private async answer(req: IncomingMessage): Promise<FakeAnswer> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const request: RecordedRequest = { method: req.method ?? '', path, authorization: req.headers.authorization, body: text ? (JSON.parse(text) as unknown) : undefined };
    this.requests.push(request);
    if (request.authorization !== `Bearer ${this.token}`) return { status: 401, body: { type: 'unauthorized', title: 'Unauthorized', status: 401, detail: 'Sign in first.' } };
    const route = this.routes.get(`${request.method} ${path}`);
    return route ? route(request) : { status: 404, body: { type: 'not-found', title: 'Not found', status: 404, detail: `no ${path}` } };
  }
}
