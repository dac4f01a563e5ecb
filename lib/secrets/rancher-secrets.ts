import 'server-only';
import { env } from '@/lib/config/env';
import { createCattleSecrets, type RancherSecrets } from '@/lib/rancher/cattle-secrets';

const key = Symbol.for('spin-portal.rancher-secrets');
type Holder = { [key]?: RancherSecrets };

/** The process's Rancher secrets client, built from the environment on first use. */
export function rancherSecrets(): RancherSecrets {
  const holder = globalThis as Holder;
  let secrets = holder[key];
  if (!secrets) {
    const config = env();
    secrets = createCattleSecrets({
      url: config.RANCHER_URL,
      accessKey: config.RANCHER_ACCESS_KEY,
      secretKey: config.RANCHER_SECRET_KEY,
      connectTimeoutMs: config.RANCHER_CONNECT_TIMEOUT_MS,
      timeoutMs: config.RANCHER_TIMEOUT_MS,
    });
    holder[key] = secrets;
  }
  return secrets;
}
