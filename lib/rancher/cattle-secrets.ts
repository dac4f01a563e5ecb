import 'server-only';
import { z } from 'zod';
import { live } from './cattle-environment';
import { RancherHttpClient, type RancherHttpOptions } from './http-client';

// Rancher 1.6 secrets (rancher-api.md §3): one collection per environment, created with a base64
// `value` that Rancher never answers again; removed with the `remove` action. No update exists.

/** A secret as Rancher answers it: never a value (the field is write-only). */
export const secretWireSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullish().transform((v) => v ?? null),
  created: z.string().nullish().transform((v) => v ?? null),
  state: z.string(),
});
export type SecretWire = z.output<typeof secretWireSchema>;

export interface SecretInput {
  name: string;
  /** The secret's bytes; sent base64-encoded, as Rancher expects. */
  value: Buffer;
  description?: string | null;
}

export interface RancherSecrets {
  /** The environment's live secrets (not removed). */
  list(projectId: string): Promise<SecretWire[]>;
  create(projectId: string, input: SecretInput): Promise<SecretWire>;
  remove(projectId: string, secretId: string): Promise<void>;
  close(): void;
}

export function createCattleSecrets(options: RancherHttpOptions): RancherSecrets {
  const http = new RancherHttpClient(options);
  const collection = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/secrets`;
  return {
    list: (projectId) => http.list(collection(projectId), secretWireSchema, live, { what: `secrets of environment ${projectId}` }),
    create: (projectId, input) =>
      http.post(http.url(collection(projectId)), { name: input.name, value: input.value.toString('base64'), description: input.description ?? null }, secretWireSchema, { what: `secret ${input.name}` }),
    remove: async (projectId, secretId) => {
      await http.post(http.url(`${collection(projectId)}/${encodeURIComponent(secretId)}`, { action: 'remove' }), {}, z.unknown(), { what: `secret ${secretId}` });
    },
    close: () => http.close(),
  };
}
