/** What a container's exit code usually means, in words a stack owner can act on (ux.md E3). */
export function exitCodeMeaning(code: number | null): string | null {
  if (code === null || code === 0) return null;
  const known: Record<number, string> = {
    1: 'the application stopped with an error',
    2: 'the command was used wrongly (bad arguments or shell syntax)',
    126: 'the command could not be run (not executable)',
    127: 'the command was not found in the image',
    134: 'the program aborted (SIGABRT)',
    137: 'the container was killed, often for running out of memory (SIGKILL)',
    139: 'the program crashed with a segmentation fault (SIGSEGV)',
    143: 'the container was asked to stop (SIGTERM)',
  };
  return known[code] ?? (code > 128 ? `the program was killed by signal ${code - 128}` : 'the application stopped with an error');
}

/** A service whose containers keep restarting or last exited with an error. */
export function isCrashLooping(containers: readonly { startCount: number; exitCode: number | null; state: string }[]): boolean {
  return containers.some((c) => c.startCount > 3 || (c.exitCode !== null && c.exitCode !== 0));
}
