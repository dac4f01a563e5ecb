import { mountsOf, type SecretChange, type SecretMount } from './stack-secrets';

// The launchConfig changes that move a credential into a secret or point services at a rotated one.
// They are proposals: the owner sees them in the upgrade preview and sends them as any other upgrade.

/** Where a mounted secret appears in the container. */
export const secretPath = (filename: string) => `/run/secrets/${filename}`;

/** `MYSQL_ROOT_PASSWORD` → `mysql_root_password`: the file a variable's value moves to. */
export function filenameOfVariable(variable: string): string {
  const name = variable.toLowerCase().replace(/[^a-z0-9_.-]+/g, '_').replace(/^[^a-z0-9]+/, '');
  return name === '' ? 'secret' : name;
}

/** The uid and gid a mode-0400 file needs so a service running as `user` can read it (numeric users only). */
export function ownerForUser(user: unknown): { uid: string; gid: string } | null {
  const match = typeof user === 'string' ? /^(\d+)(?::(\d+))?$/.exec(user.trim()) : null;
  if (!match?.[1]) return null;
  return { uid: match[1], gid: match[2] ?? match[1] };
}

/** A new mount of `secretId` as `/run/secrets/<filename>`, mode 0400, owned by the service's user when known. */
export function newMount(secretId: string, filename: string, user: unknown): SecretMount {
  return { secretId, name: filename, mode: '0400', ...(ownerForUser(user) ?? {}) };
}

/** Replace `variable` by `<variable>_FILE` pointing at the secret, and mount it next to the service's other secrets. */
export function moveVariableChange(launchConfig: Record<string, unknown>, variable: string, secretId: string, filename: string): SecretChange {
  return {
    environment: { [variable]: null, [`${variable}_FILE`]: secretPath(filename) },
    secrets: [...mountsOf(launchConfig).filter((m) => m.name !== filename), newMount(secretId, filename, launchConfig.user)],
  };
}

/**
 * Point a service at the rotated secret: its mount of the old one becomes a mount of the new one (same
 * owner and mode, the new filename), and variables holding the old path hold the new one.
 */
export function rotateChange(launchConfig: Record<string, unknown>, oldSecretId: string, newSecretId: string, newFilename: string): SecretChange | null {
  const mounts = mountsOf(launchConfig);
  const old = mounts.find((m) => m.secretId === oldSecretId);
  if (!old) return null;
  const secrets = mounts.map((m) => (m.secretId === oldSecretId ? { ...m, secretId: newSecretId, name: newFilename } : m));
  const env = launchConfig.environment;
  const environment: Record<string, string> = {};
  if (typeof env === 'object' && env !== null) {
    for (const [key, value] of Object.entries(env as Record<string, unknown>)) if (value === secretPath(old.name)) environment[key] = secretPath(newFilename);
  }
  return Object.keys(environment).length > 0 ? { environment, secrets } : { secrets };
}
