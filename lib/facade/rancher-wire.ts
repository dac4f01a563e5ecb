import 'server-only';
import { z } from 'zod';
import { env } from '@/lib/config/env';
import { RancherHttpClient, type Query } from '@/lib/rancher/http-client';

// The facade reads Rancher's own wire shape (fields the portal's domain types drop, such as `metadata`,
// `publicEndpoints` or `secondaryLaunchConfigs`, are what the CLI prints), with the portal's key, through
// the portal's Rancher HTTP client (timeouts, retries, errors as domain errors).

export type Resource = Record<string, unknown> & { id?: string; type?: string };

// Only an object is required of a row: the facade passes Rancher's fields on as they are, and checking
// each of thousands of rows key by key would cost more than the read.
export const resourceSchema = z.custom<Resource>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'expected a Rancher resource');

const key = Symbol.for('spin-portal.facade-rancher-client');
type Holder = { [key]?: RancherHttpClient };

/** One HTTP client per process for the facade's raw reads, with the portal's Rancher key. */
export function facadeRancherClient(): RancherHttpClient {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const config = env();
    holder[key] = new RancherHttpClient({
      url: config.RANCHER_URL,
      accessKey: config.RANCHER_ACCESS_KEY,
      secretKey: config.RANCHER_SECRET_KEY,
      connectTimeoutMs: config.RANCHER_CONNECT_TIMEOUT_MS,
      timeoutMs: config.RANCHER_TIMEOUT_MS,
    });
  }
  return holder[key];
}

/** What the facade needs of Rancher's raw API; integration tests use the real client. */
export interface RancherWire {
  /** Rancher's address before `/v2-beta`, e.g. `http://127.0.0.1:18080`: replaced by the portal's in answers. */
  readonly base: string;
  get(path: string, query?: Query): Promise<Resource>;
  /** Every row of a collection, following `next` to the end. */
  list(path: string, query: Query): Promise<Resource[]>;
  post(path: string, body: unknown, query?: Query): Promise<Resource>;
  /** `/v1-catalog/<path>`: the catalog API, which `stacks ls` needs to answer. */
  getCatalog(path: string): Promise<Resource>;
}

export function rancherWire(client: RancherHttpClient = facadeRancherClient()): RancherWire {
  return {
    base: client.apiRoot.replace(/\/v2-beta$/, ''),
    get: (path, query = {}) => client.get(client.url(path, query), resourceSchema, { what: path }),
    list: async (path, query) => client.list(path, resourceSchema, query, { what: path }),
    post: (path, body, query = {}) => client.post(client.url(path, query), body, resourceSchema, { what: path }),
    getCatalog: (path) => client.get(client.pin(`/v1-catalog${path ? `/${path}` : ''}`), resourceSchema, { what: `catalog ${path}` }),
  };
}
