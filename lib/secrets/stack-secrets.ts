import 'server-only';
import { authorize } from '@/lib/domain/access/authorize';
import { ConflictError, NotFoundError, PayloadTooLargeError } from '@/lib/domain/errors/app-error';
import type { StackDetail, StackSummary } from '@/lib/domain/rancher/types';
import { SecretInUseError, SecretNameError } from '@/lib/domain/secrets/secret-errors';
import { maxSecretValueBytes, mountsOf, parseSecretName, type CreateSecretInput, type SecretView, type StackNaming } from '@/lib/domain/secrets/stack-secrets';
import { auditedOperation } from '@/lib/operations/audited-operation';
import type { OperationContext } from '@/lib/operations/operation-context';
import type { RancherBackend } from '@/lib/rancher/backend';
import type { RancherSecrets, SecretWire } from '@/lib/rancher/cattle-secrets';
import { getStackOrNotShared } from '@/lib/stacks/visible-stacks';

// A stack's secrets (DESIGN.md "Stack secrets"): Rancher keeps them per environment, so a stack owns
// those whose names tie them to it (spin-policy.md §3.5). Values go to Rancher and nowhere else: not
// in an answer, a log line, an audit row or an error.

export interface SecretsContext extends OperationContext {
  secrets: RancherSecrets;
}

/** The services of the stack that mount the secret. */
function mountedBy(stack: StackDetail, secretId: string): { serviceId: string; serviceName: string }[] {
  return stack.services.filter((s) => mountsOf(s.launchConfig).some((m) => m.secretId === secretId)).map((s) => ({ serviceId: s.id, serviceName: s.name }));
}

/**
 * What names tie a secret to the stack. The stack list (kept in memory) gives the environment's other
 * stacks; without it nothing can be told apart, so the request fails rather than guess.
 */
export async function namingOf(backend: RancherBackend, stack: StackDetail): Promise<StackNaming> {
  return namingAmong(stack, await backend.listStacks());
}

/** The same, from a stack list already read. */
export function namingAmong(stack: StackDetail, stacks: readonly StackSummary[]): StackNaming {
  const otherStacks = stacks.filter((s) => s.environment.id === stack.environment.id && s.id !== stack.id).map((s) => s.name);
  return { stack: stack.name, services: stack.services.map((s) => s.name), otherStacks };
}

function viewOf(stack: StackDetail, naming: StackNaming, wire: SecretWire): SecretView | null {
  const parsed = parseSecretName(wire.name, naming);
  if (!parsed) return null;
  return { id: wire.id, name: wire.name, ...parsed, description: wire.description, created: wire.created, mountedBy: mountedBy(stack, wire.id) };
}

/** The stack's secrets, with who mounts each; `stack` already read and authorized by the caller. */
export async function secretsOfStack(ctx: SecretsContext, stack: StackDetail): Promise<SecretView[]> {
  const [all, naming] = await Promise.all([ctx.secrets.list(stack.environment.id), namingOf(ctx.backend, stack)]);
  return all.flatMap((wire) => viewOf(stack, naming, wire) ?? []).sort((a, b) => a.name.localeCompare(b.name));
}

export async function listStackSecrets(ctx: SecretsContext, stackId: string): Promise<SecretView[]> {
  const stack = await getStackOrNotShared(ctx.backend, stackId);
  authorize(ctx.user, 'view', stack);
  return secretsOfStack(ctx, stack);
}

/** Refuses a value over 64 KiB before anything else is looked at. */
export function checkSecretValue(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > maxSecretValueBytes) throw new PayloadTooLargeError(`A secret holds at most 64 KiB; this value has ${bytes.length} bytes.`, { errors: [{ path: 'value', message: 'at most 64 KiB' }] });
  return bytes;
}

/** Creates the secret in the stack's environment (right `upgrade`), recorded as `secret.create` with its name only. */
export async function createStackSecret(ctx: SecretsContext, stackId: string, input: CreateSecretInput): Promise<SecretView> {
  const bytes = checkSecretValue(input.value);
  return auditedOperation(ctx, {
    action: 'secret.create',
    right: 'upgrade',
    stackId,
    details: () => ({ name: input.name }),
    run: async ({ stack }) => {
      const naming = await namingOf(ctx.backend, stack);
      if (!parseSecretName(input.name, naming)) throw new SecretNameError(input.name, stack.name);
      const existing = await ctx.secrets.list(stack.environment.id);
      if (existing.some((s) => s.name === input.name)) throw new ConflictError(`A secret named ${input.name} exists already; use "Replace value" to rotate it.`);
      const created = await ctx.secrets.create(stack.environment.id, { name: input.name, value: bytes, description: input.description ?? null });
      return viewOf(stack, naming, created) as SecretView;
    },
  });
}

/**
 * Removes one of the stack's secrets (right `upgrade`); 409 naming the services while any mounts it.
 * The name is looked up first so the audit row names the secret, not only its id; nothing read there
 * is answered before authorization.
 */
export async function removeStackSecret(ctx: SecretsContext, stackId: string, secretId: string): Promise<void> {
  const known = (await environmentSecretNames(ctx, stackId))[secretId];
  await auditedOperation(ctx, {
    action: 'secret.remove',
    right: 'upgrade',
    stackId,
    details: () => ({ name: known ?? secretId }),
    run: async ({ stack }) => {
      const secret = (await secretsOfStack(ctx, stack)).find((s) => s.id === secretId);
      if (!secret) throw new NotFoundError(`Stack ${stack.name} has no secret ${secretId}.`);
      if (secret.mountedBy.length > 0) throw new SecretInUseError(secret.name, secret.mountedBy.map((m) => m.serviceName));
      await ctx.secrets.remove(stack.environment.id, secretId);
    },
  });
}

/**
 * secretId → name for every secret of the stack's environment, so the upgrade's policy check can tell
 * this stack's secrets from another's (`namespaces-own-stack`). When Rancher cannot list them, none is
 * known, and every mount is refused rather than let through unchecked.
 */
export async function environmentSecretNames(ctx: SecretsContext, stackId: string): Promise<Record<string, string>> {
  try {
    const stack = await ctx.backend.getStack(stackId);
    return Object.fromEntries((await ctx.secrets.list(stack.environment.id)).map((s) => [s.id, s.name]));
  } catch {
    return {};
  }
}
