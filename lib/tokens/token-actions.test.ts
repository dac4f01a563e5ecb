import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '@/lib/domain/errors/app-error';
import { createdToken } from '@/lib/domain/tokens/token-schemas';
import { MemoryAuditStore } from '@/test/helpers/memory-audit-store';
import { hashToken } from './personal-token';
import { createToken, listTokens, maxLiveTokensPerPerson, revokeToken } from './token-actions';

const fred = { uid: 'fred', name: 'Fred', groups: ['csg'], isStaff: false };
const dino = { uid: 'dino', name: 'Dino', groups: [], isStaff: false };
const wilma = { uid: 'wilma', name: 'Wilma', groups: ['isg'], isStaff: true };
const from = { clientAddress: '192.0.2.1', userAgent: 'vitest', requestId: 'req-1' };
const fredsStacks = ['1st1', '1st2'];

describe('createToken', () => {
  it('answers the secret once, in the DESIGN.md shape, and stores only its hash', async () => {
    const audit = new MemoryAuditStore();
    const created = await createToken(audit, fred, { name: 'ci', expiresInDays: 30 }, fredsStacks, from);
    expect(createdToken.parse(created)).toEqual(created);
    expect(created.accessKey).toBe(`spinpat_${created.id}`);
    expect(created.token).toBe(`${created.accessKey}_${created.secretKey}`);
    const stored = await audit.tokens.get(created.id);
    expect(stored?.hash).toBe(hashToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.secretKey);
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
  });

  it('keeps the stacks and rights asked for, adding view, and records the creation without the secret', async () => {
    const audit = new MemoryAuditStore();
    const created = await createToken(audit, fred, { name: 'deploy', expiresInDays: 1, stackIds: ['1st2', '1st2'], rights: ['upgrade', 'logs'] }, fredsStacks, from);
    expect(created).toMatchObject({ stackIds: ['1st2'], rights: ['view', 'logs', 'upgrade'] });
    const event = audit.events.at(-1);
    expect(event).toMatchObject({ actor: 'fred', action: 'token.create', outcome: 'ok', details: { id: created.id, name: 'deploy', stackIds: ['1st2'] } });
    expect(JSON.stringify(audit.events)).not.toContain(created.secretKey);
  });

  it('refuses a token past the most one person may hold (409) until one is revoked; expired ones do not count', async () => {
    const audit = new MemoryAuditStore();
    await audit.tokens.create({ id: 'expired00001', owner: 'fred', name: 'old', hash: 'x', createdAt: 0, expiresAt: Date.now() - 1, stackIds: null, rights: null });
    const made = [];
    for (let i = 0; i < maxLiveTokensPerPerson; i++) made.push(await createToken(audit, fred, { name: `t${i}`, expiresInDays: 1 }, fredsStacks, from));
    await expect(createToken(audit, fred, { name: 'one more', expiresInDays: 1 }, fredsStacks, from)).rejects.toThrow(ConflictError);
    expect(await createToken(audit, dino, { name: 'dino’s own', expiresInDays: 1 }, [], from)).toMatchObject({ name: 'dino’s own' });
    await revokeToken(audit, fred, made[0]!.id, from);
    expect(await createToken(audit, fred, { name: 'one more', expiresInDays: 1 }, fredsStacks, from)).toMatchObject({ name: 'one more' });
  });

  it('refuses a stack the owner may not see with 422 naming the field', async () => {
    const audit = new MemoryAuditStore();
    const attempt = createToken(audit, fred, { name: 'x', expiresInDays: 1, stackIds: ['1st1', '1st4'] }, fredsStacks, from);
    await expect(attempt).rejects.toThrow(UnprocessableError);
    await expect(attempt).rejects.toMatchObject({ extra: { errors: [{ path: 'stackIds.1' }] } });
    expect(await audit.tokens.listUnrevoked()).toEqual([]);
  });
});

describe('listTokens and revokeToken', () => {
  it('lists the caller’s own tokens, never a secret; staff may list everyone’s, others may not', async () => {
    const audit = new MemoryAuditStore();
    const freds = await createToken(audit, fred, { name: 'ci', expiresInDays: 30 }, [], from);
    await createToken(audit, dino, { name: 'dino ci', expiresInDays: 30 }, [], from);
    const listed = await listTokens(audit, fred, false);
    expect(listed.map((t) => t.id)).toEqual([freds.id]);
    expect(JSON.stringify(listed)).not.toContain(freds.secretKey);
    expect(listed[0]).toMatchObject({ owner: 'fred', isExpired: false, lastUsedAt: null, lastUsedAddress: null });
    expect((await listTokens(audit, wilma, true)).map((t) => t.owner).sort()).toEqual(['dino', 'fred']);
    await expect(listTokens(audit, fred, true)).rejects.toThrow(ForbiddenError);
  });

  it('lets the owner and staff revoke, anyone else gets 404, and a revoked token leaves the list', async () => {
    const audit = new MemoryAuditStore();
    const one = await createToken(audit, fred, { name: 'one', expiresInDays: 30 }, [], from);
    const two = await createToken(audit, fred, { name: 'two', expiresInDays: 30 }, [], from);
    await expect(revokeToken(audit, dino, one.id, from)).rejects.toThrow(NotFoundError);
    await revokeToken(audit, fred, one.id, from);
    await expect(revokeToken(audit, fred, one.id, from)).rejects.toThrow(NotFoundError);
    await revokeToken(audit, wilma, two.id, from);
    expect(await listTokens(audit, fred, false)).toEqual([]);
    expect(await audit.tokens.get(two.id)).toMatchObject({ revokedBy: 'wilma' });
    expect(audit.events.filter((e) => e.action === 'token.revoke').map((e) => e.actor)).toEqual(['fred', 'wilma']);
  });
});
