import 'server-only';
import { readFileSync } from 'node:fs';

/**
 * Variables that hold secrets. Each may instead be given as `<NAME>_FILE`, the path of a file holding
 * the value (a Rancher secret mounted at /run/secrets/…), so no secret has to sit in the stack's
 * environment, where anyone who can read the service's configuration sees it.
 */
export const secretVariables = [
  'NEXTAUTH_SECRET',
  'RANCHER_ACCESS_KEY',
  'RANCHER_SECRET_KEY',
  'LDAP_BIND_PASSWORD',
  'DATABASE_URL',
  'DATABASE_PASSWORD',
  'METRICS_TOKEN',
] as const;

export interface SecretFileProblem {
  variable: string;
  message: string;
}

/**
 * The environment with every `<NAME>_FILE` replaced by `<NAME>` holding the file's content (one
 * trailing newline removed: editors and `echo` add one). Setting both forms is refused rather than
 * picking one, since an operator who set both does not know which the portal would use. The value is
 * never put in a message; the file's path is.
 */
export function resolveSecretFiles(
  source: Record<string, string | undefined>,
  names: readonly string[] = secretVariables,
): { values: Record<string, string | undefined>; problems: SecretFileProblem[] } {
  const values: Record<string, string | undefined> = { ...source };
  const problems: SecretFileProblem[] = [];
  for (const name of names) {
    const fileVariable = `${name}_FILE`;
    const file = source[fileVariable];
    delete values[fileVariable];
    if (file === undefined || file === '') continue;
    if (source[name] !== undefined && source[name] !== '') {
      problems.push({ variable: fileVariable, message: `set either ${name} or ${fileVariable}, not both` });
      continue;
    }
    try {
      values[name] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      problems.push({ variable: fileVariable, message: `cannot read ${file} (${code})` });
    }
  }
  return { values, problems };
}
