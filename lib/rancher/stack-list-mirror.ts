import 'server-only';
import type { EventFeed, FeedResource } from './event-feed';
import { serviceItemSchema, stackItemSchema, type ServiceItemWire, type StackItemWire } from './schemas';
import { toServiceSummary, toStackSummary } from './to-domain';
import type { Environment, ResourceChange, ServiceSummary, StackSummary } from '@/lib/domain/rancher/types';

/** The two collections the stack list is made of, every page read, and the environment they belong to. */
export interface StackListSnapshot {
  environment: Environment;
  stacks: StackItemWire[];
  services: ServiceItemWire[];
}

export interface StackListMirrorOptions {
  /** Reads both collections from Rancher. */
  load: () => Promise<StackListSnapshot>;
  feed: EventFeed;
  /** A full re-read this often while the feed is up, for changes an event never told of. */
  refreshMs: number;
}

/** How soon a failed fill is tried again. */
const retryMs = 5000;

type Change = { change: ResourceChange; resource: FeedResource | null };

/** Gone for the list: removed or purged in Rancher, or one of Rancher's own system resources. */
function isGone(resource: FeedResource): boolean {
  return resource.state === 'removed' || resource.state === 'purged' || resource.removed != null || resource.system === true;
}

/** Joins services to their stacks, in Rancher's order. */
export function joinStackList(snapshot: StackListSnapshot): StackSummary[] {
  const byStack = new Map<string, ServiceSummary[]>();
  for (const service of snapshot.services) {
    const summary = toServiceSummary(service);
    const list = byStack.get(summary.stackId);
    if (list) list.push(summary);
    else byStack.set(summary.stackId, [summary]);
  }
  return snapshot.stacks.map((stack) => toStackSummary(stack, byStack.get(stack.id) ?? [], snapshot.environment));
}

/**
 * Every stack with its services, kept in memory and current from Rancher's event feed, as Rancher's own
 * UI keeps its store: listing 1,000 stacks then costs no call to Rancher. Events carry the whole
 * resource, so each one replaces its row. The copy is trusted only while the feed is up: it is filled
 * after each (re)connect, events that arrive during the fill are replayed over it in order, and while the
 * feed is down every listing reads Rancher directly.
 */
export class StackListMirror {
  private stacks = new Map<string, StackItemWire>();
  private services = new Map<string, ServiceItemWire>();
  private environment: Environment | null = null;
  private list: StackSummary[] | null = null;
  private isLive = false;
  /** Bumped at each drop of the feed: a fill begun before the drop missed events and is thrown away. */
  private epoch = 0;
  /** Events seen while the current fill reads Rancher. */
  private replay: Change[] | null = null;
  private filling: { epoch: number; done: Promise<void> } | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private stopListening: (() => void) | null = null;
  private stopWatchingConnection: (() => void) | null = null;

  constructor(private readonly options: StackListMirrorOptions) {}

  async listStacks(): Promise<StackSummary[]> {
    this.start();
    if (!this.isLive && this.filling) await this.filling.done;
    if (!this.isLive) return joinStackList(await this.options.load());
    this.list ??= joinStackList({ environment: this.environment as Environment, stacks: [...this.stacks.values()], services: [...this.services.values()] });
    return this.list;
  }

  /** Whether the live copy holds this stack or service id (false while the feed is down). */
  holds(id: string): boolean {
    return this.isLive && (this.stacks.has(id) || this.services.has(id));
  }

  close(): void {
    this.stopListening?.();
    this.stopWatchingConnection?.();
    this.stopListening = this.stopWatchingConnection = null;
    this.goStale();
  }

  private start(): void {
    if (this.stopListening) return;
    const { feed } = this.options;
    this.stopWatchingConnection = feed.onConnectionChange((isConnected) => (isConnected ? void this.fill() : this.goStale()));
    this.stopListening = feed.add((change, resource) => this.onChange({ change, resource }));
    if (feed.isConnected) void this.fill();
  }

  private fill(): Promise<void> {
    if (this.filling?.epoch === this.epoch) return this.filling.done;
    const epoch = this.epoch;
    const replay: Change[] = [];
    this.replay = replay;
    const settle = () => {
      if (this.filling?.done === done) this.filling = null;
      if (this.replay === replay) this.replay = null;
      return epoch === this.epoch && this.stopListening !== null;
    };
    const done = this.options.load().then(
      (snapshot) => {
        if (!settle()) return;
        this.environment = snapshot.environment;
        this.stacks = new Map(snapshot.stacks.map((s) => [s.id, s]));
        this.services = new Map(snapshot.services.map((s) => [s.id, s]));
        for (const change of replay) this.apply(change);
        this.list = null;
        this.isLive = true;
        this.scheduleFill(this.options.refreshMs);
      },
      () => {
        // Until a fill succeeds, listings read Rancher directly.
        if (settle()) this.scheduleFill(Math.min(this.options.refreshMs, retryMs));
      },
    );
    this.filling = { epoch, done };
    return done;
  }

  private onChange(change: Change): void {
    this.replay?.push(change);
    if (this.isLive) this.apply(change);
  }

  private apply({ change, resource }: Change): void {
    if (change.resourceType === 'container' || !resource) return;
    const isStack = change.resourceType === 'stack';
    const rows: Map<string, StackItemWire | ServiceItemWire> = isStack ? this.stacks : this.services;
    const parsed = (isStack ? stackItemSchema : serviceItemSchema).safeParse(resource);
    if (isGone(resource) || !parsed.success) {
      // An unreadable row is dropped rather than kept stale; the next refresh reads it again.
      rows.delete(change.id);
      if (isStack) for (const [id, s] of this.services) if (s.stackId === change.id) this.services.delete(id);
    } else {
      rows.set(change.id, parsed.data);
    }
    this.list = null;
  }

  private scheduleFill(delayMs: number): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      if (this.options.feed.isConnected && this.stopListening) void this.fill();
    }, delayMs);
    this.refreshTimer.unref();
  }

  private goStale(): void {
    this.epoch++;
    this.isLive = false;
    this.replay = null;
    this.list = null;
    this.stacks.clear();
    this.services.clear();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }
}
