import { parseCommand, type DeployOptions } from './cli-args';
import { CliError, exitCodes } from './cli-errors';
import { deploy } from './deploy';
import { exitCodeFor, type DeployResult } from './deploy-result';
import { streamLogs } from './logs';
import { PortalClient, portalSettings, type Transport } from './portal-client';
import { Progress } from './progress';
import { resolveService, resolveStack } from './resolve-target';
import { statusJson, statusText } from './status';

/** Everything the CLI takes from its process: what tests replace. */
export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  transport: Transport;
  now: () => number;
  /** Time between two readings of a service while waiting. */
  pollMs: number;
  /** Aborted on Ctrl-C (ends `logs --follow`). */
  signal: AbortSignal;
}

async function runDeploy(options: DeployOptions, io: CliIo): Promise<number> {
  const progress = new Progress({ write: io.stderr, isTTY: io.stderrIsTTY }, io.now, `${options.stack}/${options.service}`);
  let result: DeployResult;
  try {
    const client = new PortalClient(portalSettings(io.env), io.transport);
    result = await deploy(options, { client, progress, sleep: io.transport.sleep, now: io.now, pollMs: io.pollMs });
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    progress.step(`error: ${err.message}`);
    result = { stack: options.stack, service: options.service, image: options.image, outcome: 'error', reason: err.message, elapsedMs: progress.elapsedMs() };
  }
  progress.clearLive();
  io.stdout(`${JSON.stringify(result)}\n`);
  return exitCodeFor(result.outcome);
}

/** Runs one command; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommand(argv);
  switch (command.kind) {
    case 'help':
      io.stdout(command.text);
      return exitCodes.done;
    case 'usage-error':
      io.stderr(`spin-portal: ${command.message}\n\n${command.usage}`);
      return exitCodes.usageOrConnection;
    case 'deploy':
      return runDeploy(command.options, io);
  }
  try {
    const settings = portalSettings(io.env);
    const client = new PortalClient(settings, io.transport);
    if (command.kind === 'status') {
      const stack = await resolveStack(client, command.stack);
      io.stdout(command.json ? `${JSON.stringify(statusJson(stack))}\n` : statusText(stack));
      return exitCodes.done;
    }
    const { service } = await resolveService(client, command.stack, command.service);
    await streamLogs(settings, service.containers, { tail: command.tail, follow: command.follow }, { stdout: io.stdout, stderr: io.stderr, signal: io.signal });
    return exitCodes.done;
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    io.stderr(`spin-portal: ${err.message}\n`);
    return err.exitCode;
  }
}
