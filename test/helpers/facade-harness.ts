// An in-process facade for integration tests: the simulator's demo world, the custom server with the
// facade and its sockets, the process's Rancher backend and an in-memory audit store, and a caller
// resolver standing in for lib/tokens (a key per demo person, narrowed as a test asks).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Right } from '@/lib/domain/access/rights';
import type { FacadeCaller } from '@/lib/facade/caller';
import { handleFacade, type FacadeServices } from '@/lib/facade/facade-http';
import { createLogger } from '@/lib/log/logger';
import { facadeServices } from '@/server/facade-routes';
import { facadeHostAccessRoute, facadeSubscribeRoute } from '@/server/facade-sockets';
import { createPortalServer, type PortalServer } from '@/server/portal-server';
import { processRelayServices } from '@/server/relays/relay-context';
import type { RunningSim } from '@/sim/start-sim';
import { startTestSim } from '@/sim/contract/sim-harness';
import { freePort } from './free-port';
import { MemoryAuditStore } from './memory-audit-store';

export const people: Record<string, Omit<FacadeCaller['user'], 'name'>> = {
  fred: { uid: 'fred', groups: ['csg'], isStaff: false },
  dino: { uid: 'dino', groups: ['genome'], isStaff: false },
  pebbles: { uid: 'pebbles', groups: [], isStaff: false },
};

export interface FacadeWorld {
  sim: RunningSim;
  url: string;
  audit: MemoryAuditStore;
  /** Basic credentials of `who` (optionally a token narrowed to stacks or rights). */
  key(who: string, narrow?: { stackIds?: string[]; rights?: Right[] }): { accessKey: string; secretKey: string };
  /** Revokes a key made by `key`: it is refused from then on. */
  revoke(key: { accessKey: string }): void;
  close(): Promise<void>;
}

export async function startFacadeWorld(): Promise<FacadeWorld> {
  const sim = await startTestSim();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  Object.assign(process.env, {
    RANCHER_URL: sim.url,
    RANCHER_ACCESS_KEY: sim.accessKey,
    RANCHER_SECRET_KEY: sim.secretKey,
    RANCHER_PROJECT_IDS: '1a5,1a7',
    LDAP_URL: 'ldap://127.0.0.1:1',
    LDAP_BASE_DN: 'dc=nersc,dc=gov',
    LDAP_USER_DN_TEMPLATE: 'uid={uid},ou=people,dc=nersc,dc=gov',
    NEXTAUTH_SECRET: 'facade-test-secret-facade-test-secret-0123',
    NEXTAUTH_URL: url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'facade-test-')),
  });
  const audit = new MemoryAuditStore();
  const tokens = new Map<string, FacadeCaller & { secret: string }>();
  let next = 0;
  const services: FacadeServices = {
    ...facadeServices,
    audit: () => Promise.resolve(audit),
    resolveCaller: ({ accessKey, secretKey }) => {
      const token = tokens.get(accessKey);
      return Promise.resolve(token && token.secret === secretKey ? token : null);
    },
  };
  const log = createLogger({ level: 'silent' });
  const relay = { ...processRelayServices, audit: () => Promise.resolve(audit), watchCaller: () => undefined };
  const portal: PortalServer = createPortalServer({
    log,
    handle: (_req, res) => {
      res.writeHead(404);
      res.end();
    },
    facade: (req, res) => handleFacade(services, req, res, log),
    routes: [facadeHostAccessRoute(relay, (tokenId) => Promise.resolve(tokens.has(`spinpat_${tokenId}`))), facadeSubscribeRoute(services, relay)],
    allowedOrigins: [url],
    trustProxy: 0,
  });
  await portal.listen(port, '127.0.0.1');
  return {
    sim,
    url,
    audit,
    key: (who, narrow = {}) => {
      const person = people[who];
      if (!person) throw new Error(`no demo person ${who}`);
      const id = `spinpat_test${String(++next).padStart(8, '0')}`;
      const secret = `secret-${who}-${next}`;
      const tokenId = id.replace('spinpat_', '');
      tokens.set(id, { user: { ...person, name: who, token: { id: tokenId, stackIds: narrow.stackIds ?? null, rights: narrow.rights ?? null } }, tokenId, secret });
      return { accessKey: id, secretKey: secret };
    },
    revoke: ({ accessKey }) => {
      tokens.delete(accessKey);
    },
    close: async () => {
      await portal.close();
      await sim.close();
    },
  };
}

type Json = Record<string, unknown>;
export type Key = { accessKey: string; secretKey: string };

export function basic(key: Key): string {
  return `Basic ${Buffer.from(`${key.accessKey}:${key.secretKey}`).toString('base64')}`;
}

/** One request as go-rancher sends it (its headers; Content-Type only with a body). */
export async function cliRequest(baseUrl: string, key: Key | null, method: string, path: string, body?: unknown): Promise<{ status: number; schemas: string | null; body: Json }> {
  const headers: Record<string, string> = { 'user-agent': 'Go-http-client/1.1', 'accept-encoding': 'gzip', authorization: key ? basic(key) : 'Basic Og==' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, schemas: res.headers.get('x-api-schemas'), body: text ? (JSON.parse(text) as Json) : {} };
}

/** The simulator's stack ids by name, read with its own key. */
export async function simStackIds(sim: RunningSim, projectId = '1a5'): Promise<Record<string, string>> {
  const res = await fetch(`${sim.url}/v2-beta/projects/${projectId}/stacks?limit=1000`, { headers: { authorization: basic({ accessKey: sim.accessKey, secretKey: sim.secretKey }) } });
  return Object.fromEntries(((await res.json()) as { data: Json[] }).data.map((s) => [String(s.name), String(s.id)]));
}
