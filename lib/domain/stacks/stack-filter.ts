import type { StackListItem } from '@/lib/domain/stacks/stack-schemas';
import { shownStackHealth } from './shown-health';

export const scopes = ['mine', 'groups', 'all'] as const;
export type Scope = (typeof scopes)[number];
export const sorts = ['name', 'state', 'health', 'owner'] as const;
export type Sort = (typeof sorts)[number];

export interface StackFilter {
  query: string;
  scope: Scope;
  sort: Sort;
  needsAttention: boolean;
  /** An environment's name (`dev-cattle`); '' for every environment. */
  environment: string;
}

export function parseStackFilter(params: URLSearchParams): StackFilter {
  const scope = params.get('scope');
  const sort = params.get('sort');
  return {
    query: params.get('q') ?? '',
    scope: (scopes as readonly string[]).includes(scope ?? '') ? (scope as Scope) : 'all',
    sort: (sorts as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'name',
    needsAttention: params.get('attention') === '1',
    environment: params.get('env') ?? '',
  };
}

export function stackFilterParams(filter: StackFilter): string {
  const params = new URLSearchParams();
  if (filter.query) params.set('q', filter.query);
  if (filter.scope !== 'all') params.set('scope', filter.scope);
  if (filter.sort !== 'name') params.set('sort', filter.sort);
  if (filter.needsAttention) params.set('attention', '1');
  if (filter.environment) params.set('env', filter.environment);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function needsAttention(stack: StackListItem): boolean {
  const health = shownStackHealth(stack);
  return stack.hasUpgradeAwaitingFinish || stack.services.some((s) => s.crashLoop !== null) || health === 'unhealthy' || health === 'degraded' || stack.state === 'error';
}

function matches(stack: StackListItem, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const haystack = [stack.name, stack.tags.owner, stack.tags.group, stack.tags.fqdn, ...stack.services.flatMap((s) => [s.name, s.image])];
  return haystack.some((text) => text?.toLowerCase().includes(q));
}

const severity: Record<string, number> = { unhealthy: 0, degraded: 1, initializing: 2, healthy: 3 };

/** The rows to show: scope ("Mine" = owned, "My groups" = through a group tag), environment, search, attention, sort. */
export function applyStackFilter(stacks: readonly StackListItem[], filter: StackFilter): StackListItem[] {
  const rows = stacks.filter(
    (s) =>
      (filter.scope === 'all' || (filter.scope === 'mine' ? s.relation === 'owner' : s.relation === 'group')) &&
      (!filter.environment || s.environment.name === filter.environment) &&
      matches(s, filter.query) &&
      (!filter.needsAttention || needsAttention(s)),
  );
  const by: Record<Sort, (a: StackListItem, b: StackListItem) => number> = {
    name: (a, b) => a.name.localeCompare(b.name),
    state: (a, b) => a.state.localeCompare(b.state) || a.name.localeCompare(b.name),
    health: (a, b) => (severity[shownStackHealth(a)] ?? 4) - (severity[shownStackHealth(b)] ?? 4) || a.name.localeCompare(b.name),
    owner: (a, b) => (a.tags.owner ?? '~').localeCompare(b.tags.owner ?? '~') || a.name.localeCompare(b.name),
  };
  return rows.sort(by[filter.sort]);
}
