import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '@/lib/domain/errors/app-error';
import { authorize, relationTo, rightsOn } from './authorize';
import { rights, type AccessStack, type AccessUser } from './rights';

const fred: AccessUser = { uid: 'fred', groups: ['csg'], isStaff: false };
const barney: AccessUser = { uid: 'barney', groups: ['csg'], isStaff: false };
const wilma: AccessUser = { uid: 'wilma', groups: ['isg'], isStaff: true };
const pebbles: AccessUser = { uid: 'pebbles', groups: [], isStaff: false };

const fooJgiDoe: AccessStack = { id: '1st1', name: 'foo-jgi-doe', tags: { owner: 'fred', group: 'csg' } };
const barNersc: AccessStack = { id: '1st2', name: 'bar-nersc', tags: { owner: 'fred' } };
const legacy: AccessStack = { id: '1st6', name: 'legacy-stack', tags: {} };

describe('relationTo', () => {
  it.each([
    [fred, fooJgiDoe, 'owner'],
    [barney, fooJgiDoe, 'group'],
    [barney, barNersc, 'none'],
    [wilma, barNersc, 'staff'],
    [wilma, legacy, 'staff'],
    [fred, legacy, 'none'],
    [pebbles, fooJgiDoe, 'none'],
    [{ uid: 'FRED', groups: [], isStaff: false }, fooJgiDoe, 'owner'],
    [{ uid: 'x', groups: ['CSG'], isStaff: false }, fooJgiDoe, 'group'],
  ] as const)('%j on %j is %s', (user, stack, expected) => {
    expect(relationTo(user, stack)).toBe(expected);
  });
});

describe('authorize', () => {
  it('grants every right to owner, group member and staff', () => {
    for (const [user, stack] of [[fred, fooJgiDoe], [barney, fooJgiDoe], [wilma, legacy]] as const) {
      expect(rightsOn(user, stack)).toEqual([...rights]);
      for (const right of rights) expect(() => authorize(user, right, stack)).not.toThrow();
    }
  });

  it('answers "not found" for a stack the person may not see, for every right', () => {
    for (const right of rights) {
      expect(() => authorize(pebbles, right, fooJgiDoe)).toThrow(NotFoundError);
      expect(() => authorize(barney, right, barNersc)).toThrow(NotFoundError);
    }
  });

  it('never says "forbidden" about an invisible stack', () => {
    expect(() => authorize(fred, 'shell', legacy)).not.toThrow(ForbiddenError);
  });
});
