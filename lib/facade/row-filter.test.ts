import { describe, expect, it } from 'vitest';
import { rowFilter } from './row-filter';

const rows = [
  { id: '1s1', name: 'web', state: 'active', system: false, removed: null },
  { id: '1s2', name: 'db', state: 'inactive', system: false, removed: null },
  { id: '1s3', name: 'lb', state: 'active', system: true, removed: null },
  { id: '1s4', name: 'old', state: 'removed', system: false, removed: '2026-01-01' },
];

describe('rowFilter', () => {
  it('applies the ps filters as cattle does', () => {
    const filter = rowFilter(new URLSearchParams('limit=-2&removed_null=1&state_ne=inactive&state_ne=stopped&state_ne=removing&system=false'));
    expect(rows.filter(filter!).map((r) => r.id)).toEqual(['1s1']);
  });

  it('skips paging and all, and leaves a modifier it does not know to Rancher', () => {
    expect(rows.filter(rowFilter(new URLSearchParams('all=true&limit=-2'))!).length).toBe(4);
    expect(rowFilter(new URLSearchParams('name_prefix=w'))).toBeNull();
  });
});
