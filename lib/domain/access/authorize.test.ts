import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '@/lib/domain/errors/app-error';
import { authorize, relationTo, rightsOn, seesEveryStack } from './authorize';
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

describe('a token narrows its owner', () => {
  const through = (user: AccessUser, token: Omit<NonNullable<AccessUser['token']>, 'id'>): AccessUser => ({ ...user, token: { id: 'abcdefghijkl', ...token } });

  it('to its stacks: any other stack is not found, as if not shared', () => {
    const onlyBar = through(fred, { stackIds: ['1st2'], rights: null });
    expect(relationTo(onlyBar, fooJgiDoe)).toBe('none');
    expect(rightsOn(onlyBar, barNersc)).toEqual([...rights]);
    expect(() => authorize(onlyBar, 'view', fooJgiDoe)).toThrow(NotFoundError);
  });

  it('to its rights, always with view: a logs token may read logs but not restart (forbidden, not hidden)', () => {
    const logsOnly = through(fred, { stackIds: null, rights: ['view', 'logs'] });
    expect(rightsOn(logsOnly, fooJgiDoe)).toEqual(['view', 'logs']);
    expect(() => authorize(logsOnly, 'logs', fooJgiDoe)).not.toThrow();
    expect(() => authorize(logsOnly, 'operate', fooJgiDoe)).toThrow(ForbiddenError);
    expect(rightsOn(through(fred, { stackIds: null, rights: ['shell'] }), fooJgiDoe)).toEqual(['view', 'shell']);
  });

  it('never beyond the owner: a token naming a stack its owner may not see reaches nothing there', () => {
    const wide = through(barney, { stackIds: ['1st1', '1st2'], rights: null });
    expect(rightsOn(wide, barNersc)).toEqual([]);
    expect(() => authorize(wide, 'view', barNersc)).toThrow(NotFoundError);
    // And the owner's groups as they are now: barney out of csg loses foo-jgi-doe through the token too.
    expect(rightsOn({ ...wide, groups: [] }, fooJgiDoe)).toEqual([]);
  });

  it('staff through a token limited to stacks are no longer staff everywhere', () => {
    expect(seesEveryStack(wilma)).toBe(true);
    expect(seesEveryStack(through(wilma, { stackIds: null, rights: ['view'] }))).toBe(true);
    expect(seesEveryStack(through(wilma, { stackIds: ['1st6'], rights: null }))).toBe(false);
    expect(seesEveryStack(fred)).toBe(false);
    expect(relationTo(through(wilma, { stackIds: ['1st6'], rights: null }), legacy)).toBe('staff');
  });
});
