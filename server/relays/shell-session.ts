import type { ExecSession } from '@/lib/domain/rancher/types';
import type { ContainerRef, RancherBackend } from '@/lib/rancher/backend';

/** What Docker prints when the program asked for is not in the image. */
const notInImage = /executable file not found|no such file or directory/i;
/** A shell that is still running after this long has started; one that ended sooner may be missing. */
const settleMs = 400;

export interface OpenedShell {
  session: ExecSession;
  shell: 'bash' | 'sh';
  /** Sends the shell's output to `listener`, starting with what arrived while it was being probed. */
  attach(listener: (data: Buffer) => void): void;
}

/** Holds a session's output until someone attaches (ExecSession listeners cannot be removed). */
function buffered(session: ExecSession) {
  const early: Buffer[] = [];
  let sink: ((data: Buffer) => void) | null = null;
  session.onData((data) => (sink ? sink(data) : early.push(data)));
  return {
    early,
    attach(listener: (data: Buffer) => void) {
      for (const data of early.splice(0)) listener(data);
      sink = listener;
    },
  };
}

/**
 * Opens a terminal in the container: bash when the image has it, else sh (Alpine and busybox images
 * have no bash). A bash that ends at once saying it is not in the image is dropped and sh tried instead.
 */
export async function openShell(backend: RancherBackend, container: ContainerRef, size: { cols: number; rows: number }): Promise<OpenedShell> {
  const bash = await backend.openExec(container, { ...size, command: ['/bin/bash'] });
  const bashOutput = buffered(bash);
  const ended = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), settleMs);
    bash.onClose(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (!ended || !notInImage.test(Buffer.concat(bashOutput.early).toString('utf8'))) {
    return { session: bash, shell: 'bash', attach: bashOutput.attach };
  }
  const sh = await backend.openExec(container, { ...size, command: ['/bin/sh'] });
  return { session: sh, shell: 'sh', attach: buffered(sh).attach };
}
