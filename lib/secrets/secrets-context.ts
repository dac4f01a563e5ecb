import 'server-only';
import type { RouteContext } from '@/lib/http/route';
import { operationContextOf } from '@/lib/operations/context-from-route';
import { rancherSecrets } from './rancher-secrets';
import type { SecretsContext } from './stack-secrets';

/** The operation context of a request, with the process's Rancher secrets client. */
export async function secretsContextOf<P>(route: RouteContext<P>): Promise<SecretsContext> {
  return { ...(await operationContextOf(route)), secrets: rancherSecrets() };
}
