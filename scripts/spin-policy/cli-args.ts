import { parseArgs } from 'node:util';
import { isProfileId, type ProfileId } from '../../lib/domain/policy/profiles';

export const USAGE = `Usage: spin-policy check <docker-compose.yml | directory>... [options]

Checks Spin (Rancher 1.6) compose files against the Spin security policy.
A directory is searched for docker-compose.yml / docker-compose.yaml files.

Options:
  --rancher-compose FILE   rancher-compose.yml (default: the one beside each compose file)
  --stack-tags "TAGS"      stack tags, e.g. "owner:fred, staff-owner:wilma, group:csg";
                           without it the stack-tag rules are not evaluated
  --profile 2018-10|2019-05  policy profile (default: 2019-05)
  --format text|json|sarif   output format (default: text)
  --stack NAME             stack name (default: the compose file's directory, as rancher up does)
  --waivers FILE           waivers file (default: .spin-policy.yml beside the compose file or above it)
  --dockerfile FILE        Dockerfile of the image of --dockerfile-service (read: FROM, USER, RUN)
  --dockerfile-service NAME
  -h, --help               show this help
  --version                show the version

Exit status: 0 no error finding, 1 at least one error finding, 2 usage or parse error.
`;

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  targets: string[];
  rancherCompose?: string;
  stackTags?: string;
  profile: ProfileId;
  format: OutputFormat;
  stack?: string;
  waivers?: string;
  dockerfile?: string;
  dockerfileService?: string;
}

export type ParsedCli = { kind: 'help' } | { kind: 'version' } | { kind: 'check'; options: CliOptions } | { kind: 'usage-error'; message: string };

export function parseCliArgs(argv: readonly string[]): ParsedCli {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'rancher-compose': { type: 'string' },
        'stack-tags': { type: 'string' },
        profile: { type: 'string' },
        format: { type: 'string' },
        stack: { type: 'string' },
        waivers: { type: 'string' },
        dockerfile: { type: 'string' },
        'dockerfile-service': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    return { kind: 'usage-error', message: err instanceof Error ? err.message : String(err) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...targets] = positionals;
  if (command !== 'check') return { kind: 'usage-error', message: command === undefined ? 'missing command: check' : `unknown command "${command}"` };
  if (targets.length === 0) return { kind: 'usage-error', message: 'name at least one compose file or directory' };
  const profile = values.profile ?? '2019-05';
  if (!isProfileId(profile)) return { kind: 'usage-error', message: `unknown profile "${profile}" (2018-10 or 2019-05)` };
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') return { kind: 'usage-error', message: `unknown format "${format}" (text, json or sarif)` };
  if (values['dockerfile-service'] !== undefined && values.dockerfile === undefined) return { kind: 'usage-error', message: '--dockerfile-service needs --dockerfile' };
  return {
    kind: 'check',
    options: {
      targets,
      rancherCompose: values['rancher-compose'],
      stackTags: values['stack-tags'],
      profile,
      format,
      stack: values.stack,
      waivers: values.waivers,
      dockerfile: values.dockerfile,
      dockerfileService: values['dockerfile-service'],
    },
  };
}
