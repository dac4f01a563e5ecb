import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkPolicy } from '../../lib/domain/policy/check';
import type { PolicyResult } from '../../lib/domain/policy/finding';
import { isRecord } from '../../lib/domain/policy/field-reader';
import { parseAllowedHostPaths } from '../../lib/domain/policy/host-path';
import { parsePolicyConfig } from '../../lib/domain/policy/policy-config';
import { jsonReport } from '../../lib/domain/policy/reporters/json-report';
import type { PolicyRun } from '../../lib/domain/policy/reporters/policy-run';
import { sarifReport } from '../../lib/domain/policy/reporters/sarif-report';
import { textReport } from '../../lib/domain/policy/reporters/text-report';
import { findRule, rules } from '../../lib/domain/policy/rules/index';
import { parseYamlSource, type YamlSource } from '../../lib/domain/policy/yaml-source';
import { parseCliArgs, USAGE, type CliOptions } from './cli-args';
import { displayPath, findComposeFiles, findWaiverFile, siblingRancherCompose, stackNameFor } from './find-targets';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour the text report (stdout is a terminal and NO_COLOR is unset). */
  color: boolean;
  version: string;
  /** `POLICY_ALLOWED_HOST_PATHS`, as the portal reads it (default `/global,/project`). */
  allowedHostPaths?: string;
}

/** A file that cannot be used: reported as `file:line:column: message`, exit status 2. */
class ParseError extends Error {}

function read(file: string, io: CliIo): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new ParseError(`${displayPath(file, io.cwd)}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

function yaml(file: string, io: CliIo): YamlSource {
  const shown = displayPath(file, io.cwd);
  const r = parseYamlSource(read(file, io), shown);
  if (!r.ok) throw new ParseError(`${shown}:${r.error.line}:${r.error.column}: ${r.error.message}`);
  return r.source;
}

function checkFile(composeFile: string, opts: CliOptions, io: CliIo, dockerfile: string | undefined, allowedHostPaths: string[]): PolicyRun {
  const shown = displayPath(composeFile, io.cwd);
  const compose = yaml(composeFile, io);
  if (!isRecord(compose.value)) throw new ParseError(`${shown}:1:1: not a compose file (expected a map with version and services)`);
  const rancherFile = opts.rancherCompose ?? siblingRancherCompose(composeFile);
  const rancherCompose = rancherFile ? yaml(rancherFile, io) : undefined;
  const waiverFile = opts.waivers ?? findWaiverFile(composeFile, io.cwd);
  let waivers: string | undefined;
  if (waiverFile) {
    waivers = read(waiverFile, io);
    const r = parsePolicyConfig(waivers, undefined, (id) => findRule(id)?.waivable);
    if (!r.ok) throw new ParseError(r.errors.map((e) => `${displayPath(waiverFile, io.cwd)}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  }
  const result: PolicyResult = checkPolicy({
    parsed: { compose, rancherCompose },
    stackName: opts.stack ?? stackNameFor(composeFile),
    stackTags: opts.stackTags,
    profile: opts.profile,
    waivers,
    dockerfile,
    dockerfileService: opts.dockerfileService,
    allowedHostPaths,
    // The rancher CLI resolves a relative bind source where it runs: beside the compose file.
    composeDir: dirname(composeFile),
    files: {
      compose: shown,
      rancherCompose: rancherFile && displayPath(rancherFile, io.cwd),
      waivers: waiverFile && displayPath(waiverFile, io.cwd),
      dockerfile: opts.dockerfile && displayPath(opts.dockerfile, io.cwd),
    },
  });
  return { file: shown, result };
}

/** The nearest folder holding `.git` at or above `cwd` (else `cwd`): where SARIF paths start. */
function repositoryRoot(cwd: string): { id: string; relativize(file: string): string | null } {
  let root = cwd;
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      root = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  return {
    id: 'SRCROOT',
    relativize: (file) => {
      const rel = relative(root, resolve(cwd, file));
      return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : rel.split(sep).join('/');
    },
  };
}

/** `spin-policy` without the process: takes the arguments, returns the exit status. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (parsed.kind === 'version') {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr(`spin-policy: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  // Every path is taken relative to the caller's working directory, shown relative to it too.
  const at = (p: string | undefined) => (p === undefined ? undefined : resolve(io.cwd, p));
  const given = parsed.options;
  const opts: CliOptions = { ...given, rancherCompose: at(given.rancherCompose), waivers: at(given.waivers), dockerfile: at(given.dockerfile) };
  const found = findComposeFiles(given.targets.map((t) => resolve(io.cwd, t)), io.cwd);
  if ('error' in found) {
    io.stderr(`spin-policy: ${found.error}\n`);
    return 2;
  }
  if (opts.rancherCompose && found.files.length > 1) {
    io.stderr('spin-policy: --rancher-compose applies to one compose file; with several, each uses the rancher-compose.yml beside it\n');
    return 2;
  }
  const roots = parseAllowedHostPaths(io.allowedHostPaths);
  if (!roots.ok) {
    io.stderr(`spin-policy: POLICY_ALLOWED_HOST_PATHS: ${roots.message}\n`);
    return 2;
  }
  let dockerfile: string | undefined;
  const runs: PolicyRun[] = [];
  let failed = false;
  try {
    dockerfile = opts.dockerfile ? read(opts.dockerfile, io) : undefined;
  } catch (err) {
    io.stderr(`${(err as Error).message}\n`);
    return 2;
  }
  // Every file is checked even after a bad one, so one run shows every problem.
  for (const file of found.files) {
    try {
      runs.push(checkFile(file, opts, io, dockerfile, roots.roots));
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      io.stderr(`${err.message}\n`);
      failed = true;
    }
  }
  if (opts.format === 'json') io.stdout(`${JSON.stringify(jsonReport(runs), null, 2)}\n`);
  else if (opts.format === 'sarif') io.stdout(`${JSON.stringify(sarifReport(runs, { rules, toolVersion: io.version, uriBase: repositoryRoot(io.cwd) }), null, 2)}\n`);
  else if (runs.length > 0) io.stdout(textReport(runs, { color: io.color }));
  if (failed) return 2;
  return runs.some((r) => r.result.summary.errors > 0) ? 1 : 0;
}
