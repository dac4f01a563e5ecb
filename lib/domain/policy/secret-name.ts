/** `[A-Za-z0-9][A-Za-z0-9_.-]*`: NERSC examples use both `mysql_password` and `mongo-initdb-password`. */
export const SECRET_FILENAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * The `<filename>` of `<service>.<stack>.<filename>` or `<stack>.<filename>`, matched by prefix
 * because filenames may contain dots; null when the name follows neither form.
 */
export function secretFilename(name: string, service: string, stack: string): string | null {
  for (const prefix of [`${service}.${stack}.`, `${stack}.`]) {
    if (name.startsWith(prefix)) {
      const rest = name.slice(prefix.length);
      if (SECRET_FILENAME.test(rest)) return rest;
    }
  }
  return null;
}

/**
 * Whether a secret's name ties it to `stack` by §3.5: `<stack>.<filename>`, or `<service>.<stack>.<filename>`
 * for any service name (the secret may serve another service of the same stack).
 */
export function secretTiedToStack(name: string, stack: string): boolean {
  const dot = name.indexOf('.');
  return secretFilename(name, dot > 0 ? name.slice(0, dot) : '', stack) !== null;
}
