import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEnv } from './api/api-env';
import { createRequestHandler } from './api/router';
import { Clock } from './engine/clock';
import { SimEngine } from './engine/sim-engine';
import { FaultState, type FaultsInput, faultsSchema } from './faults/faults';
import { demoFixture } from './fixture/demo-fixture';
import { parseWorldFixture } from './fixture/world-fixture';
import { createUpgradeHandler } from './ws/upgrade-handler';
import { HostAccessTokens } from './ws/host-access-tokens';
import { buildWorld } from './world/build-world';
import type { World } from './world/world';

export interface SimOptions {
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  host?: string;
  /** The world to serve; the demo world when absent. Validated either way. */
  fixture?: unknown;
  /** How long one state-machine step lasts: about 1000 in demo, a few ms in tests. */
  stepMs?: number;
  faults?: FaultsInput;
  /** Serve the loopback-only /_sim fault control endpoint. Never set in production. */
  control?: boolean;
  /** Subscribe keep-alive interval; Rancher's is 5 s. */
  pingMs?: number;
}

export interface RunningSim {
  /** `http://127.0.0.1:18080`, without `/v2-beta`. */
  url: string;
  port: number;
  accessKey: string;
  secretKey: string;
  projectId: string;
  world: World;
  engine: SimEngine;
  faults: FaultState;
  /** Bytes of rows the stats sockets have sent so far (frame payloads), for the stats bench. */
  statsBytesSent(): number;
  close(): Promise<void>;
}

/** Starts the Rancher 1.6 simulator: the v2-beta API, its websockets and its state machines. */
export async function startSim(options: SimOptions = {}): Promise<RunningSim> {
  const fixture = options.fixture === undefined ? demoFixture() : parseWorldFixture(options.fixture);
  const faults = new FaultState(faultsSchema.parse(options.faults ?? {}));
  const world = buildWorld(fixture);
  const clock = new Clock(options.stepMs ?? 1000, () => faults.value.transition_speed);
  const engine = new SimEngine(world, clock, faults);
  const env: ApiEnv = { world, engine, faults, tokens: new HostAccessTokens(() => faults.value.token_ttl_s), busy: new Set() };
  const upgrades = createUpgradeHandler(env, { pingMs: options.pingMs ?? 5000 });
  const server = createServer(createRequestHandler(env, { control: options.control ?? false }));
  server.on('upgrade', upgrades.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  engine.boot();
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const key = fixture.apiKeys[0];
  return {
    url: `http://${host}:${port}`,
    port,
    accessKey: key?.accessKey ?? '',
    secretKey: key?.secretKey ?? '',
    projectId: key?.projectId ?? fixture.projects[0]?.id ?? '',
    world,
    engine,
    faults,
    statsBytesSent: upgrades.statsBytesSent,
    close: async () => {
      clock.close();
      upgrades.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
