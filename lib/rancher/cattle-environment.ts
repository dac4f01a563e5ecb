import 'server-only';
import { EventFeed } from './event-feed';
import type { RancherHttpClient } from './http-client';
import { hostSchema, projectSchema, serviceItemSchema, stackItemSchema } from './schemas';
import { joinStackList, StackListMirror, type StackListSnapshot } from './stack-list-mirror';
import { hostNames, type HostNames } from './to-domain';
import type { Environment, StackSummary } from '@/lib/domain/rancher/types';

export interface CattleEnvironmentOptions {
  http: RancherHttpClient;
  projectId: string;
  /** The project's name when already known (read from the project list); otherwise read on first use. */
  name?: string;
  /** Whether a project of this id and name is production. */
  isProduction: (project: { id: string; name: string }) => boolean;
  connectTimeoutMs: number;
  stackListRefreshMs: number;
  /** false: every listing reads Rancher instead of the copy the event feed keeps current. */
  mirrorStackList: boolean;
  reconnectDelayMs?: number;
  onFeedError?: (err: Error) => void;
}

/** Live rows only: Rancher keeps removed resources listed for a while. */
export const live = { removed_null: '1' };
/** System stacks (Rancher's own infrastructure services) are not users' to manage. */
const userOnly = { ...live, system: 'false' };
const hostsTtlMs = 30_000;

/**
 * One Rancher environment (project) as the portal works in it: its `/projects/{P}` path, its name, its
 * subscribe socket, the stack list mirrored from that socket and its host names. Each environment fails
 * on its own: a project that does not answer leaves the others working.
 */
export class CattleEnvironment {
  readonly id: string;
  readonly path: string;
  private named: Promise<Environment> | null = null;
  private feed: EventFeed | null = null;
  private mirror: StackListMirror | null = null;
  private hosts: { names: Promise<HostNames>; at: number } | null = null;

  constructor(private readonly options: CattleEnvironmentOptions) {
    this.id = options.projectId;
    this.path = `/projects/${encodeURIComponent(options.projectId)}`;
    if (options.name !== undefined) this.named = Promise.resolve(this.describe(options.name));
  }

  /** Its id, name and whether it is production; the name is read from Rancher once. */
  environment(): Promise<Environment> {
    this.named ??= this.options.http.get(this.options.http.url(this.path), projectSchema, { what: `environment ${this.id}` }).then(
      (project) => this.describe(project.name ?? this.id),
      (err: unknown) => {
        this.named = null;
        throw err;
      },
    );
    return this.named;
  }

  /** What to show for the environment when Rancher cannot say its name. */
  fallback(): Environment {
    return this.describe(this.id);
  }

  async listStacks(): Promise<StackSummary[]> {
    if (!this.options.mirrorStackList) return joinStackList(await this.readStackList());
    this.mirror ??= new StackListMirror({
      load: () => this.readStackList(),
      feed: this.eventFeed(),
      refreshMs: this.options.stackListRefreshMs,
    });
    return this.mirror.listStacks();
  }

  private async readStackList(): Promise<StackListSnapshot> {
    const { http } = this.options;
    const [environment, stacks, services] = await Promise.all([
      this.environment(),
      http.list(`${this.path}/stacks`, stackItemSchema, userOnly, { what: 'stacks' }),
      http.list(`${this.path}/services`, serviceItemSchema, userOnly, { what: 'services' }),
    ]);
    return { environment, stacks, services };
  }

  /** Whether the mirrored stack list holds this stack or service id. */
  holds(id: string): boolean {
    return this.mirror?.holds(id) ?? false;
  }

  /** Host names change rarely; one read serves every container for half a minute. */
  hostNames(): Promise<HostNames> {
    if (!this.hosts || Date.now() - this.hosts.at > hostsTtlMs) {
      const names = this.options.http.list(`${this.path}/hosts`, hostSchema, live, { what: 'hosts' }).then(hostNames);
      names.catch(() => (this.hosts = null));
      this.hosts = { names, at: Date.now() };
    }
    return this.hosts.names;
  }

  /** One subscribe socket per environment, opened with the first listener. */
  eventFeed(): EventFeed {
    const { http, connectTimeoutMs, reconnectDelayMs, onFeedError } = this.options;
    this.feed ??= new EventFeed({
      url: async () => {
        const url = http.url(`${this.path}/subscribe`, { eventNames: 'resource.change' });
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        return url.href;
      },
      headers: http.authHeaders(),
      connectTimeoutMs,
      ...(reconnectDelayMs ? { reconnectDelayMs } : {}),
      ...(onFeedError ? { onError: onFeedError } : {}),
    });
    return this.feed;
  }

  close(): void {
    this.mirror?.close();
    this.feed?.close();
  }

  private describe(name: string): Environment {
    return { id: this.id, name, production: this.options.isProduction({ id: this.id, name }) };
  }
}
