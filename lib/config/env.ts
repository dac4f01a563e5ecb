import 'server-only';
import { z } from 'zod';
import { parseAllowedHostPaths } from '@/lib/domain/policy/host-path';
import { parseAddressRanges } from './address-ranges';
import { resolveSecretFiles } from './secret-files';

const port = z.coerce.number().int().min(1).max(65535);
const millis = z.coerce.number().int().min(1).max(600_000);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
/** A comma-separated list of Rancher project ids such as `1a5,1a7`; empty when unset. */
const projectIdList = optionalText.transform((text, ctx) => {
  const ids = (text ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  const bad = ids.find((id) => !/^1a\d+$/.test(id));
  if (bad === undefined) return [...new Set(ids)];
  ctx.addIssue({ code: 'custom', message: `expected Rancher project ids such as 1a5,1a7, not ${bad}` });
  return z.NEVER;
});
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' });

/**
 * Every environment variable the portal reads, in one schema (README.md lists them for operators).
 * Demo mode (`npm start` with no RANCHER_URL) fills the Rancher, LDAP and secret variables in before
 * this parse, so production and demo go through the same checks.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(3000),
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
    // Extra origins allowed for websockets and mutating requests, comma separated (a load balancer name).
    ALLOWED_ORIGINS: optionalText.transform((v) => (v ? v.split(',').map((o) => o.trim()).filter(Boolean) : [])),
    // How many proxies in front of the portal append to X-Forwarded-For (0: none, trust no header). The
    // client is the Nth address from the right: whatever a client wrote itself sits further left.
    TRUST_PROXY: z
      .union([z.enum(['false', 'true']).transform((v) => (v === 'true' ? 1 : 0)), z.coerce.number().int().min(0).max(10)], 'expected a number of proxies from 0 to 10')
      .default(0),
    DATA_DIR: z.string().min(1).default('.data'),

    RANCHER_URL: httpUrl,
    RANCHER_ACCESS_KEY: z.string().min(1, 'expected the Rancher environment API access key'),
    RANCHER_SECRET_KEY: z.string().min(1, 'expected the Rancher environment API secret key'),
    RANCHER_PROJECT_ID: optionalText,
    // Several environments on one server (dev and prod), served by one account key that is a member of each.
    RANCHER_PROJECT_IDS: projectIdList,
    RANCHER_PRODUCTION_PROJECT_IDS: projectIdList,
    RANCHER_CONNECT_TIMEOUT_MS: millis.default(5_000),
    RANCHER_TIMEOUT_MS: millis.default(30_000),

    LDAP_URL: z.url({ protocol: /^ldaps?$/, error: 'expected an ldap:// or ldaps:// URL' }),
    LDAP_BASE_DN: z.string().min(1, 'expected the base DN to search, e.g. dc=nersc,dc=gov'),
    LDAP_BIND_DN: optionalText,
    LDAP_BIND_PASSWORD: optionalText,
    LDAP_USER_DN_TEMPLATE: optionalText.refine((v) => v === undefined || v.includes('{uid}'), 'expected a DN template containing {uid}'),
    LDAP_CA_FILE: optionalText,
    LDAP_STARTTLS: z.enum(['0', '1', 'false', 'true']).default('0').transform((v) => v === '1' || v === 'true'),
    LDAP_TIMEOUT_MS: millis.default(5_000),
    STAFF_GROUP: z.string().min(1).default('isg'),
    // Sessions and API tokens read their person's groups again after this long (removals take effect).
    GROUP_REFRESH_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),

    // Host paths owners may bind-mount (spin-policy.md §4.10); the node's system paths stay refused whatever this says.
    POLICY_ALLOWED_HOST_PATHS: z.string().optional().transform((text, ctx) => {
      const r = parseAllowedHostPaths(text);
      if (r.ok) return r.roots;
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }),

    NEXTAUTH_SECRET: z.string().min(32, 'expected a random secret of at least 32 characters'),
    NEXTAUTH_URL: httpUrl,

    // A browser session with no activity for this long ends (warned 5 minutes before); a visible log or
    // shell counts as activity. No session outlives SESSION_MAX_HOURS, active or not. Fractions are
    // allowed so that tests can use limits of seconds.
    SESSION_IDLE_MINUTES: z.coerce.number().min(0.05).max(10_080).default(480),
    SESSION_MAX_HOURS: z.coerce.number().min(0.001).max(720).default(12),

    // A shell with no keystroke for this long is closed (warned a minute before, or halfway for short
    // timeouts); none outlives the maximum.
    SHELL_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(30 * 60_000),
    SHELL_MAX_SESSION_MS: z.coerce.number().int().min(1_000).max(7 * 86_400_000).default(8 * 3_600_000),
    // Log and shell websockets one person may hold open at once (each holds a stream from Rancher).
    WS_MAX_PER_USER: z.coerce.number().int().min(1).max(1_000).default(20),
    // Requests one personal API token may make a minute on each replica (bursts up to as many).
    TOKEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),

    DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'expected a postgres:// URL'),
    // The database password apart from DATABASE_URL, so that it can come from the secret file the db
    // service reads too (DATABASE_PASSWORD_FILE); it replaces any password in the URL.
    DATABASE_PASSWORD: optionalText,
    SQLITE_PATH: optionalText,

    // Who may read /api/metrics: clients in these address ranges (CIDR, comma separated), or a request
    // bearing METRICS_TOKEN. Neither set: nobody.
    METRICS_ALLOWED_ADDRESSES: z.string().optional().transform((text, ctx) => {
      const r = parseAddressRanges(text ?? '');
      if (r.ok) return r.ranges;
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }),
    METRICS_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 24, 'expected a random token of at least 24 characters'),
  })
  .superRefine((env, ctx) => {
    if (env.RANCHER_PROJECT_ID && env.RANCHER_PROJECT_IDS.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['RANCHER_PROJECT_IDS'], message: 'set RANCHER_PROJECT_IDS or RANCHER_PROJECT_ID, not both' });
    }
    if (env.LDAP_BIND_DN && !env.LDAP_BIND_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['LDAP_BIND_PASSWORD'], message: 'required when LDAP_BIND_DN is set' });
    }
    if (!env.LDAP_BIND_DN && !env.LDAP_USER_DN_TEMPLATE) {
      ctx.addIssue({
        code: 'custom',
        path: ['LDAP_USER_DN_TEMPLATE'],
        message: 'set LDAP_USER_DN_TEMPLATE (e.g. uid={uid},ou=people,dc=nersc,dc=gov) or LDAP_BIND_DN and LDAP_BIND_PASSWORD',
      });
    }
  });

export type Env = z.output<typeof envSchema>;

/** The environments the portal works in: RANCHER_PROJECT_IDS, or the one RANCHER_PROJECT_ID; empty means every one the key sees. */
export function rancherProjectIds(config: Pick<Env, 'RANCHER_PROJECT_ID' | 'RANCHER_PROJECT_IDS'>): string[] {
  return config.RANCHER_PROJECT_ID ? [config.RANCHER_PROJECT_ID] : config.RANCHER_PROJECT_IDS;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment, secret variables given as `<NAME>_FILE` read from their files first. */
export function parseEnv(environment: Record<string, string | undefined>): Env {
  const { values: source, problems: fileProblems } = resolveSecretFiles(environment);
  const result = envSchema.safeParse(source);
  if (result.success && fileProblems.length === 0) return result.data;
  const failedFiles = new Set(fileProblems.map((p) => p.variable.replace(/_FILE$/, '')));
  const schemaProblems = (result.error?.issues ?? [])
    .map((issue) => {
      const variable = String(issue.path[0] ?? '(environment)');
      const isUnset = source[variable] === undefined || source[variable] === '';
      return { variable, message: isUnset && issue.code === 'invalid_type' ? 'is required but not set' : issue.message };
    })
    // A secret whose file could not be read is reported once, by its _FILE variable.
    .filter((p) => !failedFiles.has(p.variable));
  throw new ConfigError([...fileProblems, ...schemaProblems]);
}

let cached: Env | undefined;

/** The process's configuration, parsed once. No other module reads process.env. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
