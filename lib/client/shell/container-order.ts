export interface ShellContainer {
  id: string;
  name: string;
  state: string;
}

/** Running containers first (only they can run a shell), each group keeping the order it was given in. */
export function orderContainers<T extends ShellContainer>(containers: readonly T[]): T[] {
  return [...containers.filter((c) => c.state === 'running'), ...containers.filter((c) => c.state !== 'running')];
}

/** The container to open first: the one asked for when it exists, else the first running one, else any. */
export function initialContainer<T extends ShellContainer>(containers: readonly T[], wantedId?: string): T | undefined {
  return containers.find((c) => c.id === wantedId) ?? orderContainers(containers)[0];
}
