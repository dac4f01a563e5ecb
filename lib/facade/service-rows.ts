import 'server-only';
import { hasStatus } from '@/lib/domain/errors/app-error';
import type { RancherBackend } from '@/lib/rancher/backend';
import type { RancherWire, Resource } from './rancher-wire';

/** A full read at least this often, so that a change the event feed missed (a reconnect) does not stay. */
const maxAgeMs = 60_000;

interface ProjectRows {
  rows: Map<string, Resource>;
  loadedAt: number;
  loaded: Promise<void>;
}

/**
 * Every service of each environment in Rancher's own shape, kept current from the event feed (a changed
 * service is read again by id) and read in full at least once a minute: `rancher ps` on a large
 * environment is answered from memory, filtered to the caller, instead of a read of every service.
 */
export class ServiceRows {
  private readonly projects = new Map<string, ProjectRows>();
  private feed: { close(): void } | null = null;

  constructor(
    private readonly wire: RancherWire,
    private readonly backend: RancherBackend,
  ) {}

  async all(projectId: string): Promise<Resource[]> {
    this.feed ??= this.backend.subscribe((change) => {
      if (change.resourceType === 'service') void this.refresh(change.id);
    });
    let entry = this.projects.get(projectId);
    if (!entry || Date.now() - entry.loadedAt > maxAgeMs) entry = this.load(projectId);
    await entry.loaded;
    return [...entry.rows.values()];
  }

  close(): void {
    this.feed?.close();
    this.feed = null;
  }

  private load(projectId: string): ProjectRows {
    const entry: ProjectRows = { rows: new Map(), loadedAt: Date.now(), loaded: Promise.resolve() };
    entry.loaded = this.wire.list(`/projects/${projectId}/services`, { removed_null: 1 }).then(
      (rows) => {
        for (const row of rows) if (row.id) entry.rows.set(row.id, row);
      },
      (err: unknown) => {
        if (this.projects.get(projectId) === entry) this.projects.delete(projectId);
        throw err;
      },
    );
    this.projects.set(projectId, entry);
    return entry;
  }

  private async refresh(serviceId: string): Promise<void> {
    const holder = [...this.projects.entries()].find(([, entry]) => entry.rows.has(serviceId));
    if (!holder) {
      // A service none of the lists holds is new: the next listing reads its environment again.
      for (const entry of this.projects.values()) entry.loadedAt = 0;
      return;
    }
    const [projectId, entry] = holder;
    try {
      const row = await this.wire.get(`/projects/${projectId}/services/${serviceId}`);
      if (row.removed) entry.rows.delete(serviceId);
      else entry.rows.set(serviceId, row);
    } catch (err) {
      if (hasStatus(err, 404)) entry.rows.delete(serviceId);
      else entry.loadedAt = 0;
    }
  }
}

const key = Symbol.for('spin-portal.facade-service-rows');
type Holder = { [key]?: ServiceRows };

/** The process's copy, made on first use with the facade's Rancher client and the portal's event feed. */
export function serviceRows(wire: RancherWire, backend: RancherBackend): ServiceRows {
  const holder = globalThis as Holder;
  holder[key] ??= new ServiceRows(wire, backend);
  return holder[key];
}
