import { readFileSync } from 'node:fs';
import { runCli } from './run-cli';

/** Entry of the `spin-policy` bin: real arguments, streams and exit status. */
export function main(argv: readonly string[]): number {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return runCli(argv, {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
    version: pkg.version ?? '0.0.0',
    allowedHostPaths: process.env.POLICY_ALLOWED_HOST_PATHS,
  });
}
