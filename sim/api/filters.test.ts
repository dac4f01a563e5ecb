import { describe, expect, it } from 'vitest';
import { matches, parseConditions } from './filters';

const fields = ['name', 'state', 'removed', 'scale', 'system', 'id'];
const conditions = (query: string) => parseConditions(new URLSearchParams(query), fields);

describe('parseConditions', () => {
  it.each([
    ['name=web', 'name', [{ modifier: 'eq', value: 'web' }]],
    ['state_ne=inactive&state_ne=stopped', 'state', [{ modifier: 'ne', value: 'inactive' }, { modifier: 'ne', value: 'stopped' }]],
    ['removed_null=%3Cnil%3E', 'removed', [{ modifier: 'null', value: '<nil>' }]],
    ['name_like=w%25', 'name', [{ modifier: 'like', value: 'w%' }]],
  ])('%s', (query, field, expected) => {
    expect(conditions(query).get(field)).toEqual(expected);
  });

  it('ignores unknown parameters, unknown fields and unknown modifiers', () => {
    expect([...conditions('all=true&limit=-2&subLog=0&name_bogus=x&colour=red').keys()]).toEqual([]);
  });
});

describe('matches', () => {
  const web = { name: 'web', state: 'active', removed: null, scale: 2, system: false, id: '1s1' };
  it.each([
    ['name=web', true],
    ['name=db', false],
    ['state_ne=inactive&state_ne=stopped', true],
    ['state_ne=active', false],
    ['removed_null=1', true],
    ['removed_notnull=1', false],
    ['name_like=W%25', true],
    ['name_notlike=w_b', false],
    ['name_prefix=we', true],
    ['scale_gt=1&scale_lte=2', true],
    ['scale_lt=2', false],
    ['system=false', true],
    ['id=1s2&id=1s1', true],
    ['id=1s2&id=1s3', false],
  ])('%s → %s', (query, expected) => {
    expect(matches(web, conditions(query))).toBe(expected);
  });
});
