// No Node imports: the upgrade form runs these checks in the browser too (client-safe.test.ts).
/** What a secret value becomes in the audit log: staff see that it changed, never what it is. */
export const redacted = '[redacted]';

// Whole words of a name (split at `_`, `-`, `.` and camelCase humps) that mark a credential.
const secretWords = new Set([
  'PASS', 'PWD', 'KEY', 'KEYS', 'AUTH', 'SALT', 'COOKIE', 'COOKIES', 'SESSION', 'CREDS', 'PRIVATE', 'SIGNATURE',
]);
// Fragments that mark a credential wherever they appear, even run together (`DBPASSWORD`, `GITHUBTOKEN`).
const secretFragments = /PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIAL|APIKEY|PRIVATEKEY|ACCESSKEY/;

/**
 * Whether a variable or field name looks like it holds a credential. Errs on the side of redacting:
 * `MONKEY_COUNT` is hidden too, which costs a reader little; showing `DB_PASS` would cost much more.
 *
 * @example isSecretName('MYSQL_ROOT_PASSWORD') === true; isSecretName('apiKey') === true; isSecretName('DEBUG') === false
 */
export function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  return words.some((w) => secretWords.has(w)) || secretFragments.test(words.join(''));
}

const privateKeyBlock = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g;
const urlPassword = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s/@]+)(@)/gi;

/** Hides secrets that give themselves away whatever their name: PEM private keys and passwords in URLs. */
export function redactText(text: string): string {
  return text.replace(privateKeyBlock, redacted).replace(urlPassword, `$1${redacted}$3`);
}

/**
 * Returns a copy of `value` (JSON-like details) fit for the audit log: members whose names look secret
 * lose their scalar values, every string is passed through `redactText`, and change entries
 * (`{ path: '/environment/DB_PASSWORD', before, after }`, see upgrade-diff.ts) lose `before`/`after` when
 * their path names a secret environment variable. The audit store applies it to every row it writes, so a
 * caller that forgets cannot leak a secret into the log.
 */
export function redactDetails<T>(value: T): T {
  return redactNode(value) as T;
}

function redactNode(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactNode);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const hidesChange = typeof source.path === 'string' && isSecretPath(source.path);
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(source)) {
    const isScalar = member !== null && typeof member !== 'object';
    const hides = (isScalar && isSecretName(key)) || (hidesChange && (key === 'before' || key === 'after'));
    copy[key] = hides && member !== undefined ? redacted : redactNode(member);
  }
  return copy;
}

/** A JSON pointer to an environment variable whose name looks secret, e.g. `/environment/DB_PASSWORD`. */
export function isSecretPath(pointer: string): boolean {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const at = segments.findIndex((s) => s === 'environment' || s === 'env');
  const name = at >= 0 ? segments[at + 1] : undefined;
  return name !== undefined && isSecretName(name);
}
