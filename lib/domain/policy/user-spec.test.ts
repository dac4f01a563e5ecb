import { describe, expect, it } from 'vitest';
import { parseUserSpec } from './user-spec';

describe('parseUserSpec', () => {
  it.each([
    ['root', 'root', null, null, null, true],
    ['0', '0', null, 0, null, true],
    [0, '0', null, 0, null, true],
    ['0:124', '0', '124', 0, 124, true],
    ['root:genome', 'root', 'genome', null, null, true],
    ['46311:75137', '46311', '75137', 46311, 75137, false],
    [1000, '1000', null, 1000, null, false],
    ['c_flintstones:genome', 'c_flintstones', 'genome', null, null, false],
    ['elvis', 'elvis', null, null, null, false],
    // runc reads numbers with a sign.
    ['+0', '+0', null, 0, null, true],
    ['-0:-0', '-0', '-0', 0, 0, true],
    ['+46311', '+46311', null, 46311, null, false],
  ])('%j', (v, user, group, uid, gid, root) => {
    const r = parseUserSpec(v);
    if (!r.ok) throw new Error(r.reason);
    expect(r.spec).toMatchObject({ user, group, uid, gid, isRoot: root });
  });

  it.each(['', ':', 'a:b:c', ':100'])('rejects %j', (v) => {
    expect(parseUserSpec(v).ok).toBe(false);
  });
});
