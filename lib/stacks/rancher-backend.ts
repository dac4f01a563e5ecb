import 'server-only';
import { env } from '@/lib/config/env';
import type { RancherBackend } from '@/lib/rancher/backend';
import { createCattleBackend } from '@/lib/rancher/cattle-backend';

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
      projectId: config.RANCHER_PROJECT_ID,
      connectTimeoutMs: config.RANCHER_CONNECT_TIMEOUT_MS,
      timeoutMs: config.RANCHER_TIMEOUT_MS,
    });
    holder[key] = backend;
  }
  return backend;
}
