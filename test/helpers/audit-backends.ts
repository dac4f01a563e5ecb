// The two databases the audit store runs on, for suites that must pass on both (describe.each). Each
// `freshLocation()` is an empty database of its own; `raw()` runs SQL behind the store's back (tampering).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import type { AuditStore } from '@/lib/audit/audit-store';
import type { AuditStoreLocation } from '@/lib/audit/open-audit-database';
import { openAuditStore } from '@/lib/audit/open-audit-store';
import { startPostgres, type PostgresCluster } from './postgres';

export interface AuditBackend {
  name: 'sqlite' | 'postgres';
  start(): Promise<void>;
  stop(): Promise<void>;
  freshLocation(): Promise<AuditStoreLocation>;
  /** Runs statements directly, with the append-only triggers switched off first (what a tamperer must do). */
  tamper(location: AuditStoreLocation, statements: string): Promise<void>;
  /** Runs one statement as is; resolves to its rows. */
  raw(location: AuditStoreLocation, statement: string): Promise<unknown[]>;
}

export function sqliteBackend(): AuditBackend {
  let dir = '';
  let count = 0;
  const withDatabase = <T>(location: AuditStoreLocation, run: (db: InstanceType<typeof Database>) => T): T => {
    const db = new Database(location.sqlitePath ?? '');
    try {
      db.exec('pragma busy_timeout = 5000');
      return run(db);
    } finally {
      db.close();
    }
  };
  return {
    name: 'sqlite',
    start: async () => {
      dir = mkdtempSync(join(tmpdir(), 'spin-audit-'));
    },
    stop: async () => rmSync(dir, { recursive: true, force: true }),
    freshLocation: async () => ({ sqlitePath: join(dir, `audit-${++count}.db`) }),
    tamper: async (location, statements) =>
      withDatabase(location, (db) => {
        db.exec(`drop trigger if exists audit_events_no_update; drop trigger if exists audit_events_no_delete; ${statements}`);
      }),
    raw: async (location, statement) =>
      withDatabase(location, (db) => {
        const prepared = db.prepare(statement);
        if (prepared.reader) return prepared.all() as unknown[];
        prepared.run();
        return [];
      }),
  };
}

export function postgresBackend(): AuditBackend {
  let cluster: PostgresCluster | undefined;
  let count = 0;
  const withClient = async <T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  const urlOf = (location: AuditStoreLocation) => {
    if (!location.databaseUrl) throw new Error('not a PostgreSQL location');
    return location.databaseUrl;
  };
  return {
    name: 'postgres',
    start: async () => {
      cluster = await startPostgres();
    },
    stop: async () => {
      await cluster?.stop();
    },
    freshLocation: async () => {
      if (!cluster) throw new Error('start() the backend first');
      const name = `audit_${++count}`;
      await withClient(cluster.url, (client) => client.query(`create database ${name}`));
      return { databaseUrl: cluster.url.replace(/\/[^/]*$/, `/${name}`) };
    },
    tamper: async (location, statements) => {
      await withClient(urlOf(location), (client) => client.query(`alter table audit_events disable trigger user; ${statements}`));
    },
    raw: (location, statement) => withClient(urlOf(location), async (client) => (await client.query(statement)).rows as unknown[]),
  };
}

export const auditBackends = [sqliteBackend, postgresBackend];

export interface AuditReplicas {
  backend: AuditBackend;
  /** Opens `count` stores (portal replicas) on one fresh database; they are closed after each test. */
  replicas(count: number): Promise<{ location: AuditStoreLocation; stores: AuditStore[] }>;
  /** One store on a fresh database. */
  store(): Promise<AuditStore>;
}

/** A suite run once on each audit database, with fresh databases and replicas for its tests. */
export function describeOnAuditBackends(title: string, suite: (db: AuditReplicas) => void): void {
  describe.each(auditBackends.map((make) => [make().name, make] as const))(`${title} on %s`, (_name, makeBackend) => {
    const backend = makeBackend();
    const opened: AuditStore[] = [];
    beforeAll(() => backend.start());
    afterAll(() => backend.stop());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });
    const replicas = async (count: number) => {
      const location = await backend.freshLocation();
      const stores: AuditStore[] = [];
      for (let i = 0; i < count; i++) stores.push(await openAuditStore(location));
      opened.push(...stores);
      return { location, stores };
    };
    const store = async () => {
      const [only] = (await replicas(1)).stores;
      if (!only) throw new Error('no store opened');
      return only;
    };
    suite({ backend, replicas, store });
  });
}
