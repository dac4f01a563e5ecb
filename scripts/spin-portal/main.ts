import { setTimeout as sleep } from 'node:timers/promises';
import { exitCodes } from './cli-errors';
import { runCli } from './run-cli';

/** Entry of the `spin-portal` bin: real arguments, streams, network and clock. */
export async function main(argv: readonly string[]): Promise<number> {
  const interrupted = new AbortController();
  // Ctrl-C ends `logs --follow` cleanly; anything else stops at once (an upgrade already started goes on in Rancher).
  const onInterrupt = () => {
    if (argv[0] === 'logs') return interrupted.abort();
    process.stderr.write('\nspin-portal: interrupted; what the portal already started carries on (see spin-portal status)\n');
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    return await runCli(argv, {
      env: process.env,
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      stderrIsTTY: process.stderr.isTTY === true,
      transport: { fetch: globalThis.fetch, sleep: (ms) => sleep(ms) },
      now: () => Date.now(),
      pollMs: 1000,
      signal: interrupted.signal,
    });
  } catch (err) {
    // A bug, not a situation the CLI knows: say so, and exit as a connection error would.
    process.stderr.write(`spin-portal: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return exitCodes.usageOrConnection;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
