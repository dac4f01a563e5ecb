import { describe, expect, it } from 'vitest';
import { filenameOfVariable, moveVariableChange, ownerForUser, rotateChange } from './secret-changes';

describe('moving a variable into a secret', () => {
  it('names the file after the variable', () => {
    expect(filenameOfVariable('MYSQL_ROOT_PASSWORD')).toBe('mysql_root_password');
    expect(filenameOfVariable('__X Y')).toBe('x_y');
  });

  it('replaces the variable by its _FILE path and mounts the secret 0400 for the service user', () => {
    const current = { user: '1001:1001', environment: { DB_PASSWORD: 'x', A: '1' }, secrets: [{ secretId: '1se1', name: 'other', mode: '0400' }] };
    expect(moveVariableChange(current, 'DB_PASSWORD', '1se7', 'db_password')).toEqual({
      environment: { DB_PASSWORD: null, DB_PASSWORD_FILE: '/run/secrets/db_password' },
      secrets: [
        { secretId: '1se1', name: 'other', mode: '0400' },
        { secretId: '1se7', name: 'db_password', mode: '0400', uid: '1001', gid: '1001' },
      ],
    });
  });

  it('knows the owner only for numeric users', () => {
    expect(ownerForUser('1001')).toEqual({ uid: '1001', gid: '1001' });
    expect(ownerForUser('mysql')).toBeNull();
    expect(ownerForUser(undefined)).toBeNull();
  });
});

describe('pointing a service at a rotated secret', () => {
  const current = { environment: { API_KEY_FILE: '/run/secrets/api_key', B: 'b' }, secrets: [{ secretId: '1se3', name: 'api_key', mode: '0400', uid: '0' }] };
  it('swaps the mount and the paths that named the old file', () => {
    expect(rotateChange(current, '1se3', '1se9', 'api_key.v2')).toEqual({
      environment: { API_KEY_FILE: '/run/secrets/api_key.v2' },
      secrets: [{ secretId: '1se9', name: 'api_key.v2', mode: '0400', uid: '0' }],
    });
  });
  it('has nothing to change on a service without the old mount', () => {
    expect(rotateChange(current, '1se4', '1se9', 'x')).toBeNull();
  });
});
