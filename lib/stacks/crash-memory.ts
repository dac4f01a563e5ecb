import 'server-only';
import { crashLoopVerdict, crashWindowMs, observeService, type CrashMemory, type CrashVerdict } from '@/lib/domain/stacks/crash-loop';
import type { ServiceDetail, ServiceSummary } from '@/lib/domain/rancher/types';
import type { CrashLookup } from '@/lib/domain/stacks/stack-views';

const key = Symbol.for('spin-portal.crash-memory');
type Holder = { [key]?: Map<string, CrashMemory> };

/** The process's memory of services, by service id (each replica keeps its own: it only steadies what one replica shows). */
function memories(): Map<string, CrashMemory> {
  const holder = globalThis as Holder;
  holder[key] ??= new Map();
  return holder[key];
}

/** Services not read for two windows are forgotten, so the memory stays as small as the set of services. */
function forgetStale(now: number): void {
  for (const [id, memory] of memories()) if (now - memory.lastSeenAt > 2 * crashWindowMs) memories().delete(id);
}

/** Records one read of services (a list read carries health alone; a stack or service read, containers too). */
export function rememberServices(services: readonly (ServiceSummary | ServiceDetail)[], at = Date.now()): void {
  forgetStale(at);
  for (const s of services) {
    const containers = 'containers' in s ? s.containers : undefined;
    memories().set(s.id, observeService(memories().get(s.id), { at, state: s.state, healthState: s.healthState, ...(containers ? { containers } : {}) }));
  }
}

/** The views' lookup into the memory: the verdict now, and a container's last non-zero exit code. */
export const crashMemory: CrashLookup = {
  verdict: (serviceId: string): CrashVerdict => crashLoopVerdict(memories().get(serviceId), Date.now()),
  lastExitCode: (serviceId: string, containerId: string) => memories().get(serviceId)?.lastExitCodes[containerId] ?? null,
};
