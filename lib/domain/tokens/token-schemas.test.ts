import { describe, expect, it } from 'vitest';
import { createTokenInput } from './token-schemas';

const pathsOf = (input: unknown) => createTokenInput.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('createTokenInput', () => {
  it('takes a name and a number of days, and optionally stacks and rights', () => {
    expect(createTokenInput.parse({ name: ' ci ', expiresInDays: 365 })).toEqual({ name: 'ci', expiresInDays: 365 });
    expect(createTokenInput.parse({ name: 'x', expiresInDays: 1, stackIds: ['1st1'], rights: ['logs'] })).toMatchObject({ stackIds: ['1st1'], rights: ['logs'] });
  });

  it('names the field at fault', () => {
    expect(pathsOf({ expiresInDays: 30 })).toEqual(['name']);
    expect(pathsOf({ name: '  ', expiresInDays: 30 })).toEqual(['name']);
    expect(pathsOf({ name: 'x'.repeat(101), expiresInDays: 30 })).toEqual(['name']);
    expect(pathsOf({ name: 'ci' })).toEqual(['expiresInDays']);
    for (const days of [0, 366, 1.5, '30']) expect(pathsOf({ name: 'ci', expiresInDays: days })).toEqual(['expiresInDays']);
    expect(pathsOf({ name: 'ci', expiresInDays: 1, rights: ['root'] })).toEqual(['rights.0']);
    expect(pathsOf({ name: 'ci', expiresInDays: 1, rights: [] })).toEqual(['rights']);
    expect(pathsOf({ name: 'ci', expiresInDays: 1, stackIds: [] })).toEqual(['stackIds']);
    expect(pathsOf({ name: 'ci', expiresInDays: 1, owner: 'dino' })).toEqual(['']);
  });
});
