import { serviceId as serviceIdSchema, stackId as stackIdSchema } from '../../lib/domain/rancher/resource-ids';
import { stackList, stackView, type ServiceView, type StackView } from '../../lib/domain/stacks/stack-schemas';
import { CliError } from './cli-errors';
import type { PortalClient } from './portal-client';

export function stackPath(stackId: string): string {
  return `/api/v1/stacks/${encodeURIComponent(stackId)}`;
}

export function servicePath(stackId: string, serviceId: string): string {
  return `${stackPath(stackId)}/services/${encodeURIComponent(serviceId)}`;
}

/** A stack's id from its name or id. The list holds only the stacks the token may see. */
async function stackIdOf(client: PortalClient, stack: string): Promise<string> {
  if (stackIdSchema.safeParse(stack).success) return stack;
  const { stacks } = await client.get('/api/v1/stacks', stackList);
  const named = stacks.filter((s) => s.name === stack);
  const [only] = named;
  if (only && named.length === 1) return only.id;
  if (named.length > 1) {
    const where = named.map((s) => `${s.id} in ${s.environment.name}`).join(', ');
    throw new CliError(`"${stack}" names several stacks (${where}); give the stack's id instead`);
  }
  throw new CliError(`no stack named "${stack}" that this token can see (a token limited to some stacks sees only those)`, 404);
}

/** The stack with its services and the caller's rights on it, by name or id. */
export async function resolveStack(client: PortalClient, stack: string): Promise<StackView> {
  const id = await stackIdOf(client, stack);
  try {
    return await client.get(stackPath(id), stackView);
  } catch (err) {
    if (err instanceof CliError && err.status === 404) throw new CliError(`no stack "${stack}" that this token can see`, 404);
    throw err;
  }
}

/** The stack and one of its services, each by name or id. */
export async function resolveService(client: PortalClient, stack: string, service: string): Promise<{ stack: StackView; service: ServiceView }> {
  const found = await resolveStack(client, stack);
  const byId = serviceIdSchema.safeParse(service).success;
  const match = found.services.find((s) => (byId ? s.id === service : s.name === service));
  if (!match) {
    const names = found.services.map((s) => s.name).join(', ') || 'none';
    throw new CliError(`stack ${found.name} has no service "${service}" (its services: ${names})`, 404);
  }
  return { stack: found, service: match };
}
