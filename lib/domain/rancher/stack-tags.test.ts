import { describe, expect, it } from 'vitest';
import { formatStackTags, parseStackTags } from './stack-tags';
import type { StackTags } from './types';

describe('parseStackTags', () => {
  const cases: { name: string; group: string | null; tags: StackTags }[] = [
    { name: 'empty field', group: '', tags: { other: {} } },
    { name: 'null field', group: null, tags: { other: {} } },
    {
      name: 'demo stack foo-jgi-doe',
      group: 'owner:fred, staff-owner:wilma, group:csg, staff-group:isg, fqdn:foo.jgi.doe.gov',
      tags: { owner: 'fred', staffOwner: 'wilma', group: 'csg', staffGroup: 'isg', fqdn: 'foo.jgi.doe.gov', other: {} },
    },
    { name: 'trimmed and lower-cased', group: '  Owner : Fred ,GROUP:CSG  ', tags: { owner: 'fred', group: 'csg', other: {} } },
    { name: 'empty tags dropped', group: 'owner:fred,, ,group:csg,', tags: { owner: 'fred', group: 'csg', other: {} } },
    { name: 'unknown tags kept', group: 'owner:fred, team:web, legacy', tags: { owner: 'fred', other: { team: 'web', legacy: '' } } },
    { name: 'first owner wins', group: 'owner:fred, owner:barney', tags: { owner: 'fred', other: {} } },
    { name: 'known key without value dropped', group: 'owner:, group:csg', tags: { group: 'csg', other: {} } },
    { name: 'value keeps inner colons', group: 'requires:gpfs:/global', tags: { requires: 'gpfs:/global', other: {} } },
    { name: 'a __proto__ tag cannot reach the prototype', group: 'constructor:x, __proto__:y', tags: { other: { constructor: 'x' } } },
  ];
  it.each(cases)('$name', ({ group, tags }) => {
    const parsed = parseStackTags(group);
    expect(parsed).toEqual(tags);
    expect(Object.getPrototypeOf(parsed.other)).toBe(Object.prototype);
  });
});

describe('formatStackTags', () => {
  it('writes known keys in Spin order, then the others, joined with ", "', () => {
    expect(formatStackTags({ group: 'csg', owner: 'fred', requires: 'gpfs', staffOwner: 'wilma', other: { team: 'web', legacy: '' } })).toBe(
      'owner:fred, staff-owner:wilma, group:csg, requires:gpfs, team:web, legacy',
    );
  });

  it('normalises values and ignores other keys that shadow known ones', () => {
    expect(formatStackTags({ owner: ' Fred ', other: { owner: 'barney', ' ': 'x' } })).toBe('owner:fred');
  });

  it('round-trips a parsed field to its normal form', () => {
    const group = 'Team:Web, owner:fred ,group:csg, staff-owner:wilma';
    const normal = formatStackTags(parseStackTags(group));
    expect(normal).toBe('owner:fred, staff-owner:wilma, group:csg, team:web');
    expect(formatStackTags(parseStackTags(normal))).toBe(normal);
  });
});
