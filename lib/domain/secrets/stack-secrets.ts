import { z } from 'zod';
import { SECRET_FILENAME, secretTiedToStack } from '@/lib/domain/policy/secret-name';

// A stack's secrets as the portal shows and accepts them (DESIGN.md "Stack secrets"). The value is
// write-only: no schema here that leaves the server has a field for it.

/** The most a secret value may hold: 64 KiB, counted in UTF-8 bytes. */
export const maxSecretValueBytes = 64 * 1024;

/** `0400`, `400`, `0440`…: octal permission bits as Rancher's secretReference keeps them (text). */
const fileMode = z.string().regex(/^0?[0-7]{3}$/, 'an octal mode such as 0400');
const numericId = z.string().regex(/^\d{1,10}$/, 'a numeric id such as 1001');

const mountFields = {
  secretId: z.string().min(1).max(64),
  name: z.string().regex(SECRET_FILENAME, 'a file name: letters, digits, `.`, `_` and `-`').max(255),
  uid: numericId.nullish(),
  gid: numericId.nullish(),
  mode: fileMode.nullish(),
};

/** One secret mounted in a launchConfig: Rancher's secretReference, the file `/run/secrets/<name>`. */
export const secretMount = z.looseObject(mountFields);
export type SecretMount = z.output<typeof secretMount>;

/** A mount as an upgrade may send it: those fields and nothing else. */
export const secretMountInput = z.strictObject({ type: z.literal('secretReference').optional(), ...mountFields });

export const createSecretInput = z.strictObject({
  name: z.string().min(1).max(255),
  value: z.string(),
  description: z.string().max(1024).optional(),
});
export type CreateSecretInput = z.output<typeof createSecretInput>;

/** "Move to a secret": which variable of which service. */
export const moveToSecretInput = z.strictObject({ serviceId: z.string().min(1).max(64), variable: z.string().min(1).max(256) });

/** "Replace value": the new value, write-only like a new secret's. */
export const replaceSecretInput = z.strictObject({ value: z.string() });

export const secretIdParam = z.object({ stackId: z.string().min(1).max(64), secretId: z.string().regex(/^1se\d+$/, 'a Rancher secret id such as 1se3') });

/** A secret as the portal shows it: never its value. */
export const secretView = z.object({
  id: z.string(),
  name: z.string(),
  filename: z.string().describe('The file the secret becomes under /run/secrets (the mount’s name)'),
  service: z.string().nullable().describe('The service named in `<service>.<stack>.<filename>`; null for a secret shared by the stack'),
  description: z.string().nullable(),
  created: z.string().nullable(),
  mountedBy: z.array(z.object({ serviceId: z.string(), serviceName: z.string() })).describe('The services that mount the secret'),
});
export type SecretView = z.output<typeof secretView>;

export const secretList = z.object({ secrets: z.array(secretView) });

/** A launchConfig change as the upgrade route takes it (a merge patch; `secrets` replaces the list). */
export const secretChange = z.object({
  environment: z.record(z.string(), z.string().nullable()).optional().describe('Variables to set, or null to remove'),
  secrets: z.array(secretMount).describe('The service’s secret mounts after the change'),
});
export type SecretChange = z.output<typeof secretChange>;

/** "Move to a secret": the new secret and the upgrade of the service that mounts it in the variable's place. */
export const movedToSecret = z.object({ secret: secretView, serviceId: z.string(), change: secretChange });
export type MovedToSecret = z.output<typeof movedToSecret>;

/** "Replace value": the new version, the secret it replaces, and one upgrade per service that mounts the old one. */
export const replacedSecret = z.object({
  secret: secretView,
  replaces: z.object({ id: z.string(), name: z.string() }),
  upgrades: z.array(z.object({ serviceId: z.string(), serviceName: z.string(), change: secretChange })),
});
export type ReplacedSecret = z.output<typeof replacedSecret>;

/** The two forms a name may take for this stack, e.g. `db.foo-jgi-doe.<filename>` or `foo-jgi-doe.<filename>`. */
export function expectedSecretNames(stack: string, service = '<service>'): string {
  return `${service}.${stack}.<filename> or ${stack}.<filename>`;
}

/** What names tie a secret to a stack: its name, its services', and the other stacks of its environment. */
export interface StackNaming {
  stack: string;
  services: readonly string[];
  /** The environment's other stacks: a name tied to one of them too (stack `db`, secret `db.foo.x`) is no one's. */
  otherStacks: readonly string[];
}

/**
 * Splits a name by the stack's convention (spin-policy.md §3.5), against the stack's real service
 * names; null when it ties the secret to no service of this stack nor to the stack itself, or when it
 * also ties it to another stack of the environment.
 */
export function parseSecretName(name: string, naming: StackNaming): { service: string | null; filename: string } | null {
  if (naming.otherStacks.some((other) => other !== naming.stack && secretTiedToStack(name, other))) return null;
  for (const service of naming.services) {
    const prefix = `${service}.${naming.stack}.`;
    if (name.startsWith(prefix) && SECRET_FILENAME.test(name.slice(prefix.length))) return { service, filename: name.slice(prefix.length) };
  }
  const prefix = `${naming.stack}.`;
  if (name.startsWith(prefix) && SECRET_FILENAME.test(name.slice(prefix.length))) return { service: null, filename: name.slice(prefix.length) };
  return null;
}

/** The secret mounts of a launchConfig (Rancher's `secrets`), ignoring entries it could not have written. */
export function mountsOf(launchConfig: Readonly<Record<string, unknown>> | null | undefined): SecretMount[] {
  const list = launchConfig?.secrets;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const parsed = secretMount.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The next versioned file name for a rotation: `api_key` → `api_key.v2`, `api_key.v2` → `api_key.v3`,
 * skipping names already taken.
 */
export function nextVersionedName(name: string, taken: ReadonlySet<string>): string {
  const match = /^(.*)\.v(\d+)$/.exec(name);
  const base = match?.[1] ?? name;
  let version = match?.[2] ? Number(match[2]) + 1 : 2;
  while (taken.has(`${base}.v${version}`)) version++;
  return `${base}.v${version}`;
}
