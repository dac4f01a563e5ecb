import { describe, expect, it } from 'vitest';
import { lintStackTags } from './stack-tags';

describe('lintStackTags', () => {
  it('parses the comma-separated group field with ranges', () => {
    const text = 'owner:fred, group:csg,  staff-owner:wilma';
    const { tags } = lintStackTags(text);
    expect(tags.map((t) => [t.key, t.value, t.problem])).toEqual([
      ['owner', 'fred', null],
      ['group', 'csg', null],
      ['staff-owner', 'wilma', null],
    ]);
    for (const t of tags) expect(text.slice(t.range?.start, t.range?.end)).toBe(t.raw);
  });

  it('flags malformed and unknown tags', () => {
    const { tags } = lintStackTags('owner:fred,,team:x, fqdn:, oops');
    expect(tags.map((t) => t.problem)).toEqual([null, 'empty', 'unknown-key', 'empty-value', 'no-colon']);
  });

  it('lower-cases keys and values like lib/access', () => {
    expect(lintStackTags('Owner:Fred').tags[0]).toMatchObject({ key: 'owner', value: 'fred', problem: null });
  });

  it('accepts the object form of the stacks API', () => {
    const { tags } = lintStackTags({ owner: 'fred', staffOwner: 'wilma', fqdn: null });
    expect(tags.map((t) => `${t.key}:${t.value}`)).toEqual(['owner:fred', 'staff-owner:wilma']);
    expect(tags[0]?.range).toBeNull();
  });

  it('has no tags for an empty field', () => {
    expect(lintStackTags('  ').tags).toEqual([]);
  });
});
