import 'server-only';
import { BadRequestError, ConflictError, NotFoundError, UnavailableError } from '@/lib/domain/errors/app-error';
import { filenameOfVariable, moveVariableChange, rotateChange } from '@/lib/domain/secrets/secret-changes';
import { SecretNameError } from '@/lib/domain/secrets/secret-errors';
import { nextVersionedName, parseSecretName, type MovedToSecret, type ReplacedSecret, type SecretView, type StackNaming } from '@/lib/domain/secrets/stack-secrets';
import { auditedOperation } from '@/lib/operations/audited-operation';
import { checkSecretValue, environmentSecretNames, namingAmong, type SecretsContext } from './stack-secrets';

// "Move to a secret" and "Replace value": the secret is created here, on the server, and what comes back
// is the change to preview and send as an ordinary upgrade. A value read from the environment never
// leaves the server; a replacement value arrives once and goes only to Rancher.

/** The name a new secret gets: `<prefix><filename>`, or the next version of it when that name is taken. */
function freeName(prefix: string, filename: string, taken: readonly string[]): string {
  if (!taken.includes(`${prefix}${filename}`)) return filename;
  return nextVersionedName(filename, new Set(taken.filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length))));
}

/** Creates `<service>.<stack>.<file>` from the variable's current value and proposes mounting it in its place. */
export async function moveVariableToSecret(ctx: SecretsContext, input: { stackId: string; serviceId: string; variable: string }): Promise<MovedToSecret> {
  // Read before authorization only to name the secret in the audit row; nothing of it is answered before.
  const [names, stacks] = await Promise.all([environmentSecretNames(ctx, input.stackId), ctx.backend.listStacks().catch(() => null)]);
  const taken = Object.values(names);
  let name = '';
  let filename = '';
  return auditedOperation(ctx, {
    action: 'secret.create',
    right: 'upgrade',
    stackId: input.stackId,
    serviceId: input.serviceId,
    precondition: ({ stack, service }) => {
      const value = service?.launchConfig?.environment?.[input.variable];
      if (!service || !value) throw new BadRequestError(`${service?.name ?? 'The service'} has no variable ${input.variable} with a value to move.`, { errors: [{ path: 'variable', message: 'no such variable with a value' }] });
      if (value.startsWith('/run/secrets/')) throw new ConflictError(`${input.variable} already names a secret file.`);
      const prefix = `${service.name}.${stack.name}.`;
      filename = freeName(prefix, filenameOfVariable(input.variable), taken);
      name = `${prefix}${filename}`;
      if (!stacks) throw new UnavailableError('Rancher did not list the stacks, so the portal cannot tell whose secret this would be; try again.');
      if (!parseSecretName(name, namingAmong(stack, stacks))) throw new SecretNameError(name, stack.name);
    },
    details: () => ({ name, fromVariable: input.variable }),
    run: async ({ stack, service }) => {
      if (!service?.launchConfig) throw new NotFoundError(`No service ${input.serviceId} in stack ${stack.name}.`);
      const value = service.launchConfig.environment?.[input.variable] ?? '';
      const created = await ctx.secrets.create(stack.environment.id, { name, value: checkSecretValue(value), description: `owner:${ctx.user.uid}` });
      const secret: SecretView = { id: created.id, name: created.name, service: service.name, filename, description: created.description, created: created.created, mountedBy: [] };
      return { secret, serviceId: service.id, change: moveVariableChange(service.launchConfig, input.variable, created.id, filename) };
    },
  });
}

/** The old secret of the stack and the name of its next version. */
function rotation(naming: StackNaming, names: Record<string, string>, secretId: string) {
  const oldName = names[secretId];
  const parsed = oldName ? parseSecretName(oldName, naming) : null;
  if (!oldName || !parsed) throw new NotFoundError(`Stack ${naming.stack} has no secret ${secretId}.`);
  const prefix = oldName.slice(0, oldName.length - parsed.filename.length);
  const filename = freeName(prefix, nextVersionedName(parsed.filename, new Set()), Object.values(names));
  return { old: { id: secretId, name: oldName, service: parsed.service }, filename, name: `${prefix}${filename}` };
}

/** Creates the new version of a secret (versioned filename) and proposes moving every mount of the old one to it. */
export async function replaceSecretValue(ctx: SecretsContext, input: { stackId: string; secretId: string; value: string }): Promise<ReplacedSecret> {
  const bytes = checkSecretValue(input.value);
  // Read before authorization only to name both secrets in the audit row; nothing of it is answered before.
  const [names, stacks] = await Promise.all([environmentSecretNames(ctx, input.stackId), ctx.backend.listStacks().catch(() => null)]);
  let planned: ReturnType<typeof rotation> | null = null;
  return auditedOperation(ctx, {
    action: 'secret.rotate',
    right: 'upgrade',
    stackId: input.stackId,
    precondition: ({ stack }) => {
      if (!stacks) throw new UnavailableError('Rancher did not list the stacks, so the portal cannot tell whose secret this is; try again.');
      planned = rotation(namingAmong(stack, stacks), names, input.secretId);
    },
    details: () => (planned ? { name: planned.old.name, replacement: planned.name } : null),
    run: async ({ stack }) => {
      if (!planned) throw new NotFoundError(`Stack ${stack.name} has no secret ${input.secretId}.`);
      const plan = planned;
      const description = (await ctx.secrets.list(stack.environment.id)).find((s) => s.id === plan.old.id)?.description ?? null;
      const created = await ctx.secrets.create(stack.environment.id, { name: plan.name, value: bytes, description });
      const upgrades = stack.services.flatMap((service) => {
        const change = service.launchConfig ? rotateChange(service.launchConfig, plan.old.id, created.id, plan.filename) : null;
        return change ? [{ serviceId: service.id, serviceName: service.name, change }] : [];
      });
      const secret: SecretView = { id: created.id, name: created.name, service: plan.old.service, filename: plan.filename, description: created.description, created: created.created, mountedBy: [] };
      return { secret, replaces: { id: plan.old.id, name: plan.old.name }, upgrades };
    },
  });
}
