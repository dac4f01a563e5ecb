import { expect, it } from 'vitest';
import { describeOnAuditBackends } from '@/test/helpers/audit-backends';
import type { NewToken } from './token-store';

describeOnAuditBackends('SqlTokenStore', ({ backend, replicas, store: open }) => {
  const token = (id: string, owner: string, createdAt: number, narrowed = false): NewToken => ({
    id,
    owner,
    name: `token ${id}`,
    hash: 'a'.repeat(64),
    createdAt,
    expiresAt: createdAt + 86_400_000,
    stackIds: narrowed ? ['1st1', '1st5'] : null,
    rights: narrowed ? ['view', 'logs'] : null,
  });

  it('creates and reads a token, its lists back as lists and null as null', async () => {
    const store = (await open()).tokens;
    const created = await store.create(token('aaaaaaaaaaa1', 'fred', 1_000, true));
    expect(created).toEqual({ ...token('aaaaaaaaaaa1', 'fred', 1_000, true), lastUsedAt: null, lastUsedAddress: null, revokedAt: null, revokedBy: null });
    expect(await store.get('aaaaaaaaaaa1')).toEqual(created);
    await store.create(token('aaaaaaaaaaa2', 'fred', 2_000));
    expect(await store.get('aaaaaaaaaaa2')).toMatchObject({ stackIds: null, rights: null });
    expect(await store.get('nope')).toBeNull();
  });

  it('keeps the hash in its own column as given, and nothing else that could be the secret', async () => {
    const { location, stores: [opened] } = await replicas(1);
    await opened?.tokens.create(token('aaaaaaaaaaa1', 'fred', 1_000));
    const rows = (await backend.raw(location, 'select * from api_tokens')) as Record<string, unknown>[];
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      ['created_at', 'expires_at', 'hash', 'id', 'last_used_address', 'last_used_at', 'name', 'owner', 'revoked_at', 'revoked_by', 'rights', 'stack_ids'].sort(),
    );
    expect(rows[0]?.hash).toBe('a'.repeat(64));
  });

  it('lists tokens not revoked, of one owner or of everyone, newest first', async () => {
    const store = (await open()).tokens;
    await store.create(token('fred00000001', 'fred', 1_000));
    await store.create(token('fred00000002', 'fred', 3_000));
    await store.create(token('dino00000001', 'dino', 2_000));
    expect(await store.revoke('fred00000001', 'fred', 4_000)).toBe(true);
    expect((await store.listUnrevoked('fred')).map((t) => t.id)).toEqual(['fred00000002']);
    expect((await store.listUnrevoked()).map((t) => t.id)).toEqual(['fred00000002', 'dino00000001']);
  });

  it('revokes once, recording by whom, and records uses', async () => {
    const store = (await open()).tokens;
    await store.create(token('aaaaaaaaaaa1', 'fred', 1_000));
    await store.recordUse('aaaaaaaaaaa1', 5_000, '192.0.2.9');
    expect(await store.revoke('aaaaaaaaaaa1', 'wilma', 6_000)).toBe(true);
    expect(await store.revoke('aaaaaaaaaaa1', 'fred', 7_000)).toBe(false);
    expect(await store.get('aaaaaaaaaaa1')).toMatchObject({ lastUsedAt: 5_000, lastUsedAddress: '192.0.2.9', revokedAt: 6_000, revokedBy: 'wilma' });
  });

  it('shares tokens between portal replicas: a revocation on one is seen by the other', async () => {
    const [a, b] = (await replicas(2)).stores.map((s) => s.tokens);
    if (!a || !b) throw new Error('no store');
    await a.create(token('aaaaaaaaaaa1', 'fred', Date.now()));
    expect(await b.revoke('aaaaaaaaaaa1', 'fred', Date.now())).toBe(true);
    expect((await a.get('aaaaaaaaaaa1'))?.revokedBy).toBe('fred');
  });
});
