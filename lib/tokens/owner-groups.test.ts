import { beforeAll, describe, expect, it, vi } from 'vitest';
import { InvalidCredentialsError } from '@/lib/auth/ldap-errors';
import { stubPortalEnv } from '@/test/helpers/stub-portal-env';
import { ownerGroups } from './owner-groups';

// The directory: groups by uid, or an error to throw (the directory down, or the person gone).
const directory = vi.hoisted(() => ({ answers: new Map<string, string[] | Error>(), reads: 0 }));
vi.mock('@/lib/auth/ldap-authenticate', () => ({
  readGroups: async (_settings: unknown, uid: string) => {
    directory.reads += 1;
    const answer = directory.answers.get(uid);
    if (answer instanceof Error) throw answer;
    return { groups: answer ?? [], isStaff: false };
  },
}));

beforeAll(() => stubPortalEnv({ GROUP_REFRESH_SECONDS: '60' }));

describe('ownerGroups', () => {
  it('reads the directory once per refresh interval, so a removal from a group arrives within it', async () => {
    directory.answers.set('barney', ['csg']);
    const before = directory.reads;
    expect((await ownerGroups('barney', 1_000_000)).groups).toEqual(['csg']);
    directory.answers.set('barney', []);
    expect((await ownerGroups('barney', 1_059_999)).groups).toEqual(['csg']);
    expect(directory.reads - before).toBe(1);
    expect((await ownerGroups('barney', 1_060_000)).groups).toEqual([]);
  });

  it('asks the directory once for callers that find the groups stale at the same time', async () => {
    directory.answers.set('wilma', ['isg']);
    const before = directory.reads;
    const answers = await Promise.all(Array.from({ length: 20 }, () => ownerGroups('wilma', 5_000_000)));
    expect(answers.every((a) => a.groups.includes('isg'))).toBe(true);
    expect(directory.reads - before).toBe(1);
  });

  it('keeps the groups last read while the directory is down, and says so when it never answered', async () => {
    directory.answers.set('fred', ['csg']);
    await ownerGroups('fred', 2_000_000);
    directory.answers.set('fred', new Error('connect ECONNREFUSED'));
    expect((await ownerGroups('fred', 3_000_000)).groups).toEqual(['csg']);
    directory.answers.set('dino', new Error('connect ECONNREFUSED'));
    await expect(ownerGroups('dino', 3_000_000)).rejects.toMatchObject({ status: 503 });
  });

  it('refuses an owner the directory no longer knows (401)', async () => {
    directory.answers.set('gone', ['csg']);
    await ownerGroups('gone', 4_000_000);
    directory.answers.set('gone', new InvalidCredentialsError('unknown-user'));
    await expect(ownerGroups('gone', 5_000_000)).rejects.toMatchObject({ status: 401 });
  });
});
