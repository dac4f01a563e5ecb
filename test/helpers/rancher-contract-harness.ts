// Test support for the contract tests (*.int.test.ts), never imported by portal code: the simulator
// in-process on a free loopback port with a few-ms state-machine step, and clients pointed at it.
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { generateFixture, type WorldSize } from '@/sim/fixture/generate-fixture';
import { startSim, type RunningSim, type SimOptions } from '@/sim/start-sim';
import type { RancherBackend } from '@/lib/rancher/backend';
import { createCattleBackend, type CattleBackendOptions } from '@/lib/rancher/cattle-backend';

export interface ContractSim {
  sim: RunningSim;
  /** A client of the simulator, with test tuning (short retry backoff, quick reconnects). */
  connect(options?: Partial<CattleBackendOptions>): RancherBackend;
  close(): Promise<void>;
}

/** Starts a simulator (the demo world, or a generated one of `generate` size) and returns a client factory. */
export async function startContractSim(options: SimOptions & { generate?: WorldSize } = {}): Promise<ContractSim> {
  const { generate, ...simOptions } = options;
  const sim = await startSim({ stepMs: 5, ...simOptions, ...(generate ? { fixture: generateFixture(generate, 3) } : {}) });
  const clients: RancherBackend[] = [];
  return {
    sim,
    connect: (overrides = {}) => {
      const client = createCattleBackend({
        url: sim.url,
        accessKey: sim.accessKey,
        secretKey: sim.secretKey,
        projectIds: [sim.projectId],
        connectTimeoutMs: 2000,
        timeoutMs: 10_000,
        tuning: { retry: { tries: 3, baseDelayMs: 5 }, reconnectDelayMs: 20, pollMs: 50 },
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const client of clients) client.close();
      await sim.close();
    },
  };
}

/**
 * One demo-world simulator and client for a test file: started before its tests, faults and mocks
 * reset after each test, stopped after the file.
 */
export function contractSimForFile(): { readonly sim: RunningSim; readonly backend: RancherBackend; connect: ContractSim['connect'] } {
  let running: ContractSim | undefined;
  let backend: RancherBackend | undefined;
  beforeAll(async () => {
    running = await startContractSim();
    backend = running.connect();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    running?.sim.faults.reset();
  });
  afterAll(async () => {
    await running?.close();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the contract simulator is not running (use it inside a test)');
    return value;
  };
  return {
    get sim() {
      return need(running).sim;
    },
    get backend() {
      return need(backend);
    },
    connect: (options) => need(running).connect(options),
  };
}
