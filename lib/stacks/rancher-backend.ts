import 'server-only';
import { ConfigError, env, rancherProjectIds } from '@/lib/config/env';
import { hasStatus } from '@/lib/domain/errors/app-error';
import type { RancherBackend } from '@/lib/rancher/backend';
import { createCattleBackend } from '@/lib/rancher/cattle-backend';
import { RancherEnvironmentUnreadableError, RancherUnauthorizedError } from '@/lib/rancher/errors';

const key = Symbol.for('spin-portal.rancher-backend');
type Holder = { [key]?: RancherBackend };

/** The process's Rancher backend, built from the environment on first use (one connection pool, one event feed). */
export function rancherBackend(): RancherBackend {
  const holder = globalThis as Holder;
  let backend = holder[key];
  if (!backend) {
    const config = env();
    backend = createCattleBackend({
      url: config.RANCHER_URL,
      accessKey: config.RANCHER_ACCESS_KEY,
      secretKey: config.RANCHER_SECRET_KEY,
      projectIds: rancherProjectIds(config),
      productionProjectIds: config.RANCHER_PRODUCTION_PROJECT_IDS,
      connectTimeoutMs: config.RANCHER_CONNECT_TIMEOUT_MS,
      timeoutMs: config.RANCHER_TIMEOUT_MS,
    });
    holder[key] = backend;
  }
  return backend;
}

/**
 * At start: every configured environment must be one the key can read. Rancher refusing (401, 403) or not
 * knowing (404) a project is a configuration error naming it; Rancher not answering is not (the portal
 * starts, and readiness reports Rancher until it answers).
 */
export async function checkRancherEnvironments(backend: RancherBackend, projectIds: readonly string[]): Promise<void> {
  if (projectIds.length === 0) return;
  try {
    await backend.environments();
  } catch (err) {
    if (!(err instanceof RancherEnvironmentUnreadableError)) throw err;
    const refused = err.cause instanceof RancherUnauthorizedError;
    if (!refused && !hasStatus(err.cause, 404)) return;
    const variable = projectIds.length > 1 ? 'RANCHER_PROJECT_IDS' : 'RANCHER_PROJECT_ID';
    const reason = refused ? 'the Rancher key may not read it (Rancher refused)' : 'Rancher has no such environment';
    throw new ConfigError([{ variable, message: `environment ${err.projectId}: ${reason}` }]);
  }
}
