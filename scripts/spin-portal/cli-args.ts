import { parseArgs } from 'node:util';

export const USAGE = `Usage: spin-portal <command> [options]

Talks to Spin Portal's API with a personal API token, for scripts and CI jobs.

Commands:
  deploy <stack>/<service> --image REF   upgrade a service to a new image, wait, finish or roll back
  status <stack>                         the stack's services: state, health, image
  logs <stack>/<service>                 the service's container logs

Environment:
  SPIN_PORTAL_URL     the portal, e.g. https://portal.spin.nersc.gov
  SPIN_PORTAL_TOKEN   a personal API token (spinpat_…), made under "API tokens" in the portal

<stack> and <service> are names (foo-jgi-doe/web) or Rancher ids (1st1/1s1).
Run spin-portal <command> --help for the command's options.

Exit status: 0 done, 1 refused by policy or failed, 2 usage, connection or authentication error.
`;

export const DEPLOY_USAGE = `Usage: spin-portal deploy <stack>/<service> --image REF [options]

Upgrades a service to a new image. The portal checks the change against Spin's rules first and
refuses it with the findings when one is an error.

Options:
  --image REF             the new image, e.g. registry.spin.nersc.gov/fred/app:1.5.0 (required)
  --env NAME=VALUE        set an environment variable; repeat for more (the others are kept)
  --wait                  wait until the upgraded service is healthy
  --finish                finish the upgrade once the service is healthy (implies --wait)
  --rollback-on-failure   roll back when the upgrade fails, crashes, stays unhealthy or times out
                          (implies --wait; may be given with --finish)
  --timeout S             seconds to wait for health (default 600)
  -h, --help              show this help

Progress goes to stderr, one JSON result to stdout:
  { "stack", "service", "image", "outcome", "findings"?, "reason"?, "elapsedMs", ... }
Outcomes: upgrading (without --wait), upgraded, finished: exit 0; refused (policy), failed,
rolled-back: exit 1; error (connection, authentication, a name that does not resolve): exit 2.
`;

export const STATUS_USAGE = `Usage: spin-portal status <stack> [--json]

Shows the stack's services with their state, health, scale and image.

Options:
  --json       one JSON object on stdout instead of the table
  -h, --help   show this help
`;

export const LOGS_USAGE = `Usage: spin-portal logs <stack>/<service> [--follow] [--tail N]

Prints the log lines of the service's containers on stdout, each prefixed with its container's name.

Options:
  -f, --follow   keep printing new lines until interrupted
  --tail N       lines to start with per container (default 100; Rancher may send about 100 whatever it says)
  -h, --help     show this help
`;

export const defaultTimeoutSeconds = 600;

export interface DeployOptions {
  stack: string;
  service: string;
  image: string;
  env: Record<string, string>;
  wait: boolean;
  finish: boolean;
  rollbackOnFailure: boolean;
  timeoutSeconds: number;
}

export type ParsedCommand =
  | { kind: 'help'; text: string }
  | { kind: 'usage-error'; message: string; usage: string }
  | { kind: 'deploy'; options: DeployOptions }
  | { kind: 'status'; stack: string; json: boolean }
  | { kind: 'logs'; stack: string; service: string; follow: boolean; tail: number };

function usageError(message: string, usage: string): ParsedCommand {
  return { kind: 'usage-error', message, usage };
}

/** `<stack>/<service>`, both parts non-empty. */
function splitTarget(target: string | undefined): { stack: string; service: string } | string {
  if (target === undefined) return 'name the service as <stack>/<service>';
  const parts = target.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return `"${target}" is not <stack>/<service>, e.g. foo-jgi-doe/web`;
  return { stack: parts[0], service: parts[1] };
}

function parseEnv(pairs: readonly string[]): Record<string, string> | string {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return `--env ${pair}: expected NAME=VALUE`;
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

function parseTimeout(text: string | undefined): number | string {
  if (text === undefined) return defaultTimeoutSeconds;
  const seconds = Number(text);
  return /^\d+(\.\d+)?$/.test(text) && seconds > 0 ? seconds : `--timeout ${text}: expected a number of seconds above 0`;
}

function parseDeploy(args: string[]): ParsedCommand {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      image: { type: 'string' },
      env: { type: 'string', multiple: true },
      wait: { type: 'boolean' },
      finish: { type: 'boolean' },
      'rollback-on-failure': { type: 'boolean' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help', text: DEPLOY_USAGE };
  if (positionals.length > 1) return usageError(`one service at a time; got ${positionals.join(' ')}`, DEPLOY_USAGE);
  const target = splitTarget(positionals[0]);
  if (typeof target === 'string') return usageError(target, DEPLOY_USAGE);
  if (!values.image?.trim()) return usageError('--image is required, e.g. --image registry.spin.nersc.gov/fred/app:1.5.0', DEPLOY_USAGE);
  if (/\s/.test(values.image)) return usageError(`--image "${values.image}" contains a space`, DEPLOY_USAGE);
  const env = parseEnv(values.env ?? []);
  if (typeof env === 'string') return usageError(env, DEPLOY_USAGE);
  const timeoutSeconds = parseTimeout(values.timeout);
  if (typeof timeoutSeconds === 'string') return usageError(timeoutSeconds, DEPLOY_USAGE);
  const finish = values.finish === true;
  const rollbackOnFailure = values['rollback-on-failure'] === true;
  return {
    kind: 'deploy',
    options: { ...target, image: values.image, env, wait: values.wait === true || finish || rollbackOnFailure, finish, rollbackOnFailure, timeoutSeconds },
  };
}

function parseStatus(args: string[]): ParsedCommand {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return { kind: 'help', text: STATUS_USAGE };
  const [stack, ...rest] = positionals;
  if (!stack || rest.length > 0 || stack.includes('/')) return usageError('name one stack, e.g. spin-portal status foo-jgi-doe', STATUS_USAGE);
  return { kind: 'status', stack, json: values.json === true };
}

function parseLogs(args: string[]): ParsedCommand {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { follow: { type: 'boolean', short: 'f' }, tail: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return { kind: 'help', text: LOGS_USAGE };
  if (positionals.length > 1) return usageError(`one service at a time; got ${positionals.join(' ')}`, LOGS_USAGE);
  const target = splitTarget(positionals[0]);
  if (typeof target === 'string') return usageError(target, LOGS_USAGE);
  const tail = values.tail === undefined ? 100 : Number(values.tail);
  if (!/^\d+$/.test(values.tail ?? '100') || tail > 100_000) return usageError(`--tail ${values.tail}: expected a number of lines from 0 to 100000`, LOGS_USAGE);
  return { kind: 'logs', ...target, follow: values.follow === true, tail };
}

const commands: Record<string, { parse: (args: string[]) => ParsedCommand; usage: string }> = {
  deploy: { parse: parseDeploy, usage: DEPLOY_USAGE },
  status: { parse: parseStatus, usage: STATUS_USAGE },
  logs: { parse: parseLogs, usage: LOGS_USAGE },
};

/** Reads the command line; nothing here touches the network or the environment. */
export function parseCommand(argv: readonly string[]): ParsedCommand {
  const [name, ...args] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') return { kind: 'help', text: USAGE };
  const command = commands[name];
  if (!command) return usageError(`unknown command "${name}" (deploy, status or logs)`, USAGE);
  try {
    return command.parse(args);
  } catch (err) {
    // parseArgs throws on an unknown option or a missing value; its message names the option.
    return usageError(err instanceof Error ? err.message : String(err), command.usage);
  }
}
