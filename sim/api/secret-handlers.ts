import { isoTime, recordWithId } from '../world/record-factory';
import type { SecretRecord } from '../world/world-types';
import { parseInput, secretCreate } from './action-inputs';
import { ApiError } from './api-error';
import type { ActionResult, ApiEnv } from './api-env';

// Rancher 1.6 secrets: environment-wide, created with a base64 `value` that is stored and never
// answered again (the field is of type `password`); there is no update of the value, only remove.

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function createSecret(env: ApiEnv, projectId: string, body: unknown): SecretRecord {
  const input = parseInput(secretCreate, body);
  if (!input.name) throw ApiError.validation('MissingRequired', 'name');
  if (input.value === undefined || input.value === null) throw ApiError.validation('MissingRequired', 'value');
  if (!base64.test(input.value)) throw ApiError.validation('InvalidFormat', 'value');
  for (const s of env.world.secrets.values()) {
    if (s.accountId === projectId && s.removed === null && s.name === input.name) throw ApiError.validation('NotUnique', 'name');
  }
  const id = env.world.nextId('se');
  const secret: SecretRecord = Object.assign(recordWithId(id, 'secret', 'secret', input.name, projectId, Date.now()), { type: 'secret' as const, value: null });
  secret.description = input.description ?? null;
  env.world.secretValues.set(id, Buffer.from(input.value, 'base64').toString('utf8'));
  env.world.secrets.set(id, secret);
  env.world.changed(secret);
  return secret;
}

/** Removal is immediate; containers that mount the secret keep the copy they were started with, as on a real host. */
export function removeSecret(env: ApiEnv, secret: SecretRecord): ActionResult {
  secret.state = 'removed';
  secret.removed = isoTime(Date.now());
  env.world.secretValues.delete(secret.id);
  env.world.changed(secret);
  return { status: 202, output: null };
}

/** A launchConfig may mount only secrets that exist in the service's environment (cattle: InvalidReference). */
export function assertSecretReferences(env: ApiEnv, projectId: string, launchConfig: Record<string, unknown> | null): void {
  const refs = launchConfig?.secrets;
  if (refs === undefined || refs === null) return;
  if (!Array.isArray(refs)) throw ApiError.validation('InvalidType', 'secrets');
  for (const ref of refs as unknown[]) {
    const secretId = typeof ref === 'object' && ref !== null ? (ref as Record<string, unknown>).secretId : undefined;
    const secret = typeof secretId === 'string' ? env.world.secrets.get(secretId) : undefined;
    if (!secret || secret.accountId !== projectId || secret.removed !== null) throw ApiError.validation('InvalidReference', 'secretId');
  }
}
