import { describe, expect, it } from 'vitest';
import type { StackListItem } from './stack-schemas';
import { applyStackFilter, parseStackFilter, stackFilterParams } from './stack-filter';

const prod = { id: '1a5', name: 'prod-cattle', production: true };

function stack(name: string, extra: Partial<StackListItem> = {}): StackListItem {
  return {
    id: `1st${name.length}`,
    name,
    state: 'active',
    healthState: 'healthy',
    tags: {},
    environment: prod,
    services: [],
    relation: 'owner',
    isUntagged: false,
    hasUpgradeAwaitingFinish: false,
    ...extra,
  };
}

const stacks = [
  stack('foo-jgi-doe', { relation: 'owner', services: [{ id: '1s1', name: 'web', state: 'active', healthState: 'healthy', image: 'nginx:1.25', scale: 2, environment: prod, crashLoop: null }] }),
  stack('bar-nersc', { relation: 'group', healthState: 'unhealthy', tags: { owner: 'barney' } }),
  stack('legacy-stack', { relation: 'staff', isUntagged: true, hasUpgradeAwaitingFinish: true }),
  stack('foo-jgi-doe-dev', { relation: 'owner', environment: { id: '1a7', name: 'dev-cattle', production: false } }),
];

describe('stack filter', () => {
  it('round-trips through the URL', () => {
    const filter = { query: 'nginx', scope: 'groups', sort: 'health', needsAttention: true, environment: 'dev-cattle' } as const;
    expect(parseStackFilter(new URLSearchParams(stackFilterParams(filter).slice(1)))).toEqual(filter);
    expect(stackFilterParams({ query: '', scope: 'all', sort: 'name', needsAttention: false, environment: '' })).toBe('');
  });

  it('ignores unknown URL values', () => {
    expect(parseStackFilter(new URLSearchParams('scope=everything&sort=random'))).toMatchObject({ scope: 'all', sort: 'name' });
  });

  it('filters by scope', () => {
    const names = (scope: 'mine' | 'groups' | 'all') => applyStackFilter(stacks, { query: '', scope, sort: 'name', needsAttention: false, environment: '' }).map((s) => s.name);
    expect(names('mine')).toEqual(['foo-jgi-doe', 'foo-jgi-doe-dev']);
    expect(names('groups')).toEqual(['bar-nersc']);
    expect(names('all')).toEqual(['bar-nersc', 'foo-jgi-doe', 'foo-jgi-doe-dev', 'legacy-stack']);
  });

  it('filters by environment', () => {
    const names = (environment: string) => applyStackFilter(stacks, { query: '', scope: 'all', sort: 'name', needsAttention: false, environment }).map((s) => s.name);
    expect(names('dev-cattle')).toEqual(['foo-jgi-doe-dev']);
    expect(names('prod-cattle')).toEqual(['bar-nersc', 'foo-jgi-doe', 'legacy-stack']);
    expect(names('')).toHaveLength(4);
  });

  it('searches stack, service and image names', () => {
    const found = (query: string) => applyStackFilter(stacks, { query, scope: 'all', sort: 'name', needsAttention: false, environment: '' }).map((s) => s.name);
    expect(found('NGINX')).toEqual(['foo-jgi-doe']);
    expect(found('foo')).toEqual(['foo-jgi-doe', 'foo-jgi-doe-dev']);
    expect(found('legacy')).toEqual(['legacy-stack']);
    expect(found('barney')).toEqual(['bar-nersc']);
    expect(found('zzz')).toEqual([]);
  });

  it('keeps what needs attention and sorts the unhealthy first', () => {
    expect(applyStackFilter(stacks, { query: '', scope: 'all', sort: 'name', needsAttention: true, environment: '' }).map((s) => s.name)).toEqual(['bar-nersc', 'legacy-stack']);
    expect(applyStackFilter(stacks, { query: '', scope: 'all', sort: 'health', needsAttention: false, environment: '' })[0]?.name).toBe('bar-nersc');
  });

  it('keeps a crash-looping stack among those that need attention whatever its health says at the moment', () => {
    const crashy = stack('crashy-nersc', {
      healthState: 'healthy',
      services: [{ id: '1s8', name: 'app', state: 'active', healthState: 'healthy', image: 'crashy:0.3.1', scale: 1, environment: prod, crashLoop: { restartsInWindow: 5, lastExitCode: 1 } }],
    });
    expect(applyStackFilter([...stacks, crashy], { query: '', scope: 'all', sort: 'name', needsAttention: true, environment: '' }).map((s) => s.name)).toContain('crashy-nersc');
  });

  it('does not ask attention for a stack Rancher calls degraded only because a service was stopped on purpose', () => {
    const paused = stack('paused-stack', {
      healthState: 'degraded',
      services: [
        { id: '1s20', name: 'web', state: 'active', healthState: 'healthy', image: 'nginx:1.25', scale: 1, environment: prod, crashLoop: null },
        { id: '1s21', name: 'worker', state: 'inactive', healthState: 'unhealthy', image: 'worker:1', scale: 1, environment: prod, crashLoop: null },
      ],
    });
    expect(applyStackFilter([paused], { query: '', scope: 'all', sort: 'name', needsAttention: true, environment: '' })).toEqual([]);
  });
});
