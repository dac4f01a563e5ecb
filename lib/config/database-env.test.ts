import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseLocation } from './database-env';
import { ConfigError } from './env';

describe('databaseLocation', () => {
  it('prefers DATABASE_URL', () => {
    expect(databaseLocation({ DATABASE_URL: 'postgres://u@db/spin', SQLITE_PATH: 'x.db' })).toEqual({ databaseUrl: 'postgres://u@db/spin' });
  });

  it('falls back to SQLITE_PATH, then DATA_DIR/spin-portal.db', () => {
    expect(databaseLocation({ SQLITE_PATH: '/var/lib/portal/audit.db' })).toEqual({ sqlitePath: '/var/lib/portal/audit.db' });
    expect(databaseLocation({ DATA_DIR: 'state' })).toEqual({ sqlitePath: resolve('state', 'spin-portal.db') });
    expect(databaseLocation({ DATABASE_URL: '' })).toEqual({ sqlitePath: resolve('.data', 'spin-portal.db') });
  });

  it('names a malformed DATABASE_URL', () => {
    expect(() => databaseLocation({ DATABASE_URL: 'mysql://db/spin' })).toThrow(ConfigError);
    expect(() => databaseLocation({ DATABASE_URL: 'mysql://db/spin' })).toThrow(/DATABASE_URL: expected a postgres:\/\/ URL/);
  });
});
