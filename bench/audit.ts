// `npm run bench -- audit`: the audit store on SQLite and on PostgreSQL. For each: 10,000 events written
// one by one through the store (validation, redaction, hash chain, one transaction each) against the same
// rows written by a plain INSERT into a table with the same columns and indexes but no chain; then the
// table is filled to 1,000,000 events (bulk, chained) and the newest 100 are listed, unfiltered and
// filtered by stack, and the whole chain is verified. Last line: the JSON summary, `ratio` = the larger store/plain insert time ratio.
import '../scripts/register-server-only-stub';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { appendToChain } from '../lib/audit/append-to-chain';
import type { AuditRecord } from '../lib/domain/audit/audit-event';
import type { AuditStore } from '../lib/audit/audit-store';
import type { AuditDialect, AuditTables } from '../lib/audit/audit-tables';
import { canonicalJson } from '../lib/audit/canonical-json';
import { openAuditDatabase, type AuditStoreLocation } from '../lib/audit/open-audit-database';
import { SqlAuditStore } from '../lib/audit/sql-audit-store';
import { timeOrderedId } from '../lib/audit/time-ordered-id';
import { startPostgres } from '../test/helpers/postgres';

const EVENTS = 10_000;
const TABLE_ROWS = 1_000_000;
const FILL_BATCH = 20_000;
const BLOCK = 500; // store and plain writes alternate in blocks, so drift (checkpoints, cache) hits both
const LIST_RUNS = 200;

const stacks = ['1st5', '1st6', '1st7', '1st8', '1st9', '1st10'];
const actors = ['fred', 'barney', 'dino', 'wilma', 'pebbles'];
const actions = ['service.restart', 'service.stop', 'service.start', 'logs.open', 'logs.close', 'shell.open', 'login.success'] as const;

function event(i: number): AuditRecord {
  return {
    actor: actors[i % actors.length] ?? 'fred',
    clientAddress: `192.0.2.${i % 250}`,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    requestId: `bench-${i}`,
    action: actions[i % actions.length] ?? 'logs.open',
    stackId: stacks[i % stacks.length],
    stackName: `stack-${i % stacks.length}`,
    serviceId: `1s${i % 40}`,
    serviceName: 'web',
    outcome: i % 20 === 0 ? 'failed' : 'ok',
    code: i % 20 === 0 ? 'ActionNotAvailable' : null,
    durationMs: i % 500,
    details: { batchSize: 1, intervalMillis: 2000 },
  };
}

type PlainTables = {
  bench_plain_events: Omit<AuditTables['audit_events'], 'seq' | 'prev_hash' | 'hash'>;
};

async function createPlainTable(db: Kysely<AuditTables>, dialect: AuditDialect): Promise<Kysely<AuditTables & PlainTables>> {
  const seq = dialect === 'postgres' ? sql`seq bigserial primary key` : sql`seq integer primary key autoincrement`;
  await sql`create table bench_plain_events (${seq}, id text not null unique, kind text not null, intent_id text unique,
    occurred_at text not null, actor text not null, client_address text, user_agent text, request_id text, action text not null,
    stack_id text, stack_name text, service_id text, service_name text, container_id text, container_name text, details text,
    outcome text not null, code text, duration_ms bigint, environment_id text, environment_name text, token_id text)`.execute(db);
  for (const [name, columns] of [['actor', 'actor, seq'], ['stack', 'stack_id, seq'], ['action', 'action, seq'], ['time', 'occurred_at']]) {
    await sql.raw(`create index bench_plain_${name} on bench_plain_events (${columns})`).execute(db);
  }
  return db.withTables<PlainTables>();
}

function plainRow(input: AuditRecord): PlainTables['bench_plain_events'] {
  return {
    id: timeOrderedId(), // the store's id scheme, so both tables' id indexes grow alike
    kind: 'event',
    intent_id: null,
    occurred_at: new Date().toISOString(),
    actor: input.actor,
    client_address: input.clientAddress ?? null,
    user_agent: input.userAgent ?? null,
    request_id: input.requestId ?? null,
    action: input.action,
    stack_id: input.stackId ?? null,
    stack_name: input.stackName ?? null,
    service_id: input.serviceId ?? null,
    service_name: input.serviceName ?? null,
    container_id: null,
    container_name: null,
    details: input.details ? canonicalJson(input.details) : null,
    outcome: input.outcome,
    code: input.code ?? null,
    duration_ms: input.durationMs ?? null,
    environment_id: input.environmentId ?? null,
    environment_name: input.environmentName ?? null,
    token_id: input.tokenId ?? null,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function listLatency(store: AuditStore, filter: { stackId?: string }) {
  const times: number[] = [];
  for (let i = 0; i < LIST_RUNS; i++) {
    const t0 = performance.now();
    const page = await store.list({ ...filter, limit: 100 });
    times.push(performance.now() - t0);
    if (page.events.length !== 100) throw new Error(`listed ${page.events.length} events, expected 100`);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function benchStore(name: AuditDialect, location: AuditStoreLocation) {
  const database = await openAuditDatabase(location);
  const store = new SqlAuditStore(database);
  try {
    const plain = await createPlainTable(database.db, database.dialect);
    let storeMs = 0;
    let plainMs = 0;
    for (let start = 0; start < EVENTS; start += BLOCK) {
      const inputs = Array.from({ length: BLOCK }, (_, k) => event(start + k));
      let t0 = performance.now();
      for (const input of inputs) await plain.insertInto('bench_plain_events').values(plainRow(input)).execute();
      plainMs += performance.now() - t0;
      t0 = performance.now();
      for (const input of inputs) await store.record(input);
      storeMs += performance.now() - t0;
    }
    const insertRatio = storeMs / plainMs;
    console.log(
      `${name}: ${EVENTS} events one by one: store ${Math.round((EVENTS / storeMs) * 1000)} events/s, plain insert ${Math.round((EVENTS / plainMs) * 1000)} events/s, ratio ${round(insertRatio)}`,
    );

    // The filler goes straight to the chain (same hashing and inserts as the store, without re-validating
    // 990,000 generated events), in transactions of FILL_BATCH rows.
    const f0 = performance.now();
    for (let done = EVENTS; done < TABLE_ROWS; done += FILL_BATCH) {
      // appendToChain sets each row's time itself, replacing the one plainRow gives.
      const rows = Array.from({ length: Math.min(FILL_BATCH, TABLE_ROWS - done) }, (_, k) => plainRow(event(done + k)));
      await appendToChain(database.db, rows);
    }
    const fillS = (performance.now() - f0) / 1000;
    console.log(`${name}: filled to ${TABLE_ROWS} events in ${round(fillS, 1)} s (${Math.round((TABLE_ROWS - EVENTS) / fillS)} chained rows/s in transactions of ${FILL_BATCH})`);

    const newest = await listLatency(store, {});
    const byStack = await listLatency(store, { stackId: '1st7' });
    console.log(
      `${name}: newest 100 of ${TABLE_ROWS}: median ${round(newest.median)} ms, p95 ${round(newest.p95)} ms; filtered by stack: median ${round(byStack.median)} ms, p95 ${round(byStack.p95)} ms`,
    );

    const v0 = performance.now();
    const verdict = await store.verify();
    const verifyS = (performance.now() - v0) / 1000;
    if (!verdict.ok || verdict.rows !== TABLE_ROWS) throw new Error(`verify failed: ${JSON.stringify(verdict)}`);
    console.log(`${name}: verified ${verdict.rows} rows in ${round(verifyS, 1)} s`);

    return {
      insert_events_per_s: Math.round((EVENTS / storeMs) * 1000),
      plain_insert_events_per_s: Math.round((EVENTS / plainMs) * 1000),
      insert_ratio: round(insertRatio),
      fill_events_per_s: Math.round((TABLE_ROWS - EVENTS) / fillS),
      list_newest_100_ms_median: round(newest.median),
      list_newest_100_ms_p95: round(newest.p95),
      list_stack_100_ms_median: round(byStack.median),
      list_stack_100_ms_p95: round(byStack.p95),
      verify_rows_per_s: Math.round(TABLE_ROWS / verifyS),
    };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'spin-audit-bench-'));
  const cluster = await startPostgres({ database: 'bench', durable: true });
  try {
    const sqlite = await benchStore('sqlite', { sqlitePath: join(dir, 'audit.db') });
    const postgres = await benchStore('postgres', { databaseUrl: cluster.url });
    console.log(
      JSON.stringify({
        bench: 'audit',
        events: EVENTS,
        table_rows: TABLE_ROWS,
        sqlite,
        postgres,
        ratio: Math.max(sqlite.insert_ratio, postgres.insert_ratio),
      }),
    );
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
