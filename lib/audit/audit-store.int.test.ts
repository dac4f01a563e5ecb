import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { auditBackends } from '@/test/helpers/audit-backends';
import type { AuditRecord } from '@/lib/domain/audit/audit-event';
import { auditExport, iterateAuditEvents } from './audit-export';
import type { AuditStore } from './audit-store';
import type { AuditStoreLocation } from './open-audit-database';
import { openAuditStore } from './open-audit-store';
import { redacted } from '@/lib/domain/audit/redact-secrets';
import { upgradeDiff } from '@/lib/domain/audit/upgrade-diff';

const writerScript = fileURLToPath(new URL('../../test/helpers/audit-writer.ts', import.meta.url));

/** Runs test/helpers/audit-writer.ts in a separate Node process (another portal replica). */
function runWriter(location: AuditStoreLocation, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writerScript, JSON.stringify(location), String(count)], { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`audit writer exited with ${code}: ${stderr}`))));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const restart = {
  actor: 'fred',
  clientAddress: '192.0.2.10',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
  requestId: 'req-1',
  action: 'service.restart',
  stackId: '1st5',
  stackName: 'foo-jgi-doe',
  serviceId: '1s7',
  serviceName: 'web',
} as const;

describe.each(auditBackends.map((make) => [make().name, make] as const))('audit store on %s', (_name, makeBackend) => {
  const backend = makeBackend();
  const opened: AuditStore[] = [];
  let location: AuditStoreLocation;

  beforeAll(() => backend.start());
  afterAll(() => backend.stop());
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  async function open(at?: AuditStoreLocation): Promise<AuditStore> {
    if (!at) location = await backend.freshLocation();
    const store = await openAuditStore(at ?? location);
    opened.push(store);
    return store;
  }

  async function closeOne(store: AuditStore) {
    opened.splice(opened.indexOf(store), 1);
    await store.close();
  }

  describe('writes', () => {
    it('stores every field of a one-shot event and lists it back', async () => {
      const store = await open();
      const written = await store.record({ ...restart, action: 'container.restart', containerId: '1i9', containerName: 'foo-jgi-doe-web-1', outcome: 'ok', durationMs: 120, details: { batchSize: 1 } });
      const { events } = await store.list();
      expect(events).toEqual([written]);
      expect(written).toMatchObject({
        ...restart,
        action: 'container.restart',
        containerId: '1i9',
        containerName: 'foo-jgi-doe-web-1',
        outcome: 'ok',
        code: null,
        durationMs: 120,
        details: { batchSize: 1 },
        completedAt: null,
      });
      expect(written.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(written.time)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('records denied attempts and failures with Rancher code', async () => {
      const store = await open();
      await store.record({ ...restart, actor: 'pebbles', outcome: 'denied' });
      await store.record({ ...restart, outcome: 'failed', code: 'ActionNotAvailable' });
      const { events } = await store.list();
      expect(events.map((e) => [e.actor, e.outcome, e.code])).toEqual([
        ['fred', 'failed', 'ActionNotAvailable'],
        ['pebbles', 'denied', null],
      ]);
    });

    it('keeps odd header text storable and identical to what was hashed', async () => {
      const store = await open();
      await store.record({ actor: 'fred', action: 'logs.open', outcome: 'ok', userAgent: `bad\u0000agent\uD800 ${'x'.repeat(600)}` });
      const [event] = (await store.list()).events;
      expect(event?.userAgent).toHaveLength(512);
      expect(event?.userAgent?.startsWith('bad\uFFFDagent\uFFFD ')).toBe(true);
      expect(await store.verify()).toMatchObject({ ok: true, rows: 1 });
    });

    it('rejects an event without actor or with an unknown action', async () => {
      const store = await open();
      await expect(store.record({ actor: '', action: 'logs.open', outcome: 'ok' })).rejects.toBeInstanceOf(ZodError);
      await expect(store.record({ actor: 'fred', action: 'rm-rf' as 'logs.open', outcome: 'ok' })).rejects.toBeInstanceOf(ZodError);
      expect((await store.list()).events).toHaveLength(0);
    });

    it('refuses updates and deletes in the database itself', async () => {
      const store = await open();
      await store.record({ ...restart, outcome: 'ok' });
      await expect(backend.raw(location, "update audit_events set actor = 'barney'")).rejects.toThrow(/append-only/);
      await expect(backend.raw(location, 'delete from audit_events')).rejects.toThrow(/append-only/);
      expect((await store.list()).events[0]?.actor).toBe('fred');
    });
  });

  describe('intent, then completion', () => {
    it('commits the intent before returning, as outcome unknown', async () => {
      const store = await open();
      const intent = await store.begin(restart);
      const rows = await backend.raw(location, 'select id, kind, outcome from audit_events');
      expect(rows).toEqual([{ id: intent.id, kind: 'intent', outcome: 'unknown' }]);
      expect((await store.list()).events[0]).toMatchObject({ id: intent.id, outcome: 'unknown', completedAt: null });
    });

    it('folds the completion into the event without breaking the chain', async () => {
      const store = await open();
      const intent = await store.begin({ ...restart, details: { batchSize: 2 } });
      await sleep(5);
      const done = await intent.complete({ outcome: 'failed', code: 'InvalidState', details: { rancherMessage: 'busy' } });
      expect(done).toMatchObject({ id: intent.id, outcome: 'failed', code: 'InvalidState', details: { batchSize: 2, rancherMessage: 'busy' } });
      expect(done.durationMs).toBeGreaterThanOrEqual(4);
      expect(Date.parse(done.completedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(done.time));
      const { events } = await store.list();
      expect(events).toEqual([done]);
      expect(await store.verify()).toMatchObject({ ok: true, rows: 2 });
    });

    it('completes an intent at most once', async () => {
      const store = await open();
      const intent = await store.begin(restart);
      await intent.complete({ outcome: 'ok', durationMs: 10 });
      await expect(intent.complete({ outcome: 'failed' })).rejects.toThrow(/already completed/);
      expect((await store.list()).events[0]).toMatchObject({ outcome: 'ok', durationMs: 10 });
    });

    it('completes an unanswered change as unknown, with the code and time waited, at most once', async () => {
      const store = await open();
      const intent = await store.begin(restart);
      const done = await intent.unresolved({ code: 'ETIMEDOUT', durationMs: 1500 });
      expect(done).toMatchObject({ id: intent.id, outcome: 'unknown', code: 'ETIMEDOUT', durationMs: 1500 });
      expect(done.completedAt).not.toBeNull();
      await expect(intent.complete({ outcome: 'failed' })).rejects.toThrow(/already completed/);
      expect((await store.list()).events).toEqual([done]);
      expect(await store.verify()).toMatchObject({ ok: true, rows: 2 });
    });

    it('leaves a visible unknown when the portal dies between intent and completion', async () => {
      const first = await open();
      await first.begin({ ...restart, action: 'service.upgrade' });
      await closeOne(first);
      const after = await open(location);
      const { events } = await after.list();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'service.upgrade', outcome: 'unknown', completedAt: null });
      expect(await after.verify()).toMatchObject({ ok: true, rows: 1 });
    });
  });

  describe('redaction', () => {
    it('never stores secret environment values of an upgrade diff', async () => {
      const store = await open();
      const current = { imageUuid: 'docker:mysql:8.0', environment: { MYSQL_ROOT_PASSWORD: 'hunter2', DEBUG: '0' } };
      const proposed = {
        imageUuid: 'docker:mysql:8.4',
        environment: { MYSQL_ROOT_PASSWORD: 'correct-horse', DEBUG: '1', DB_URL: 'mysql://app:s3cr3t@db:3306/app', API_TOKEN: 'tok-123' },
      };
      const intent = await store.begin({ ...restart, action: 'service.upgrade', details: { changes: upgradeDiff(current, proposed), leakedToken: 'tok-456' } });
      await intent.complete({ outcome: 'ok' });
      const [event] = (await store.list()).events;
      expect(event?.details).toEqual({
        leakedToken: redacted,
        changes: [
          { path: '/environment/API_TOKEN', op: 'add', after: redacted },
          { path: '/environment/DB_URL', op: 'add', after: `mysql://app:${redacted}@db:3306/app` },
          { path: '/environment/DEBUG', op: 'replace', before: '0', after: '1' },
          { path: '/environment/MYSQL_ROOT_PASSWORD', op: 'replace', before: redacted, after: redacted },
          { path: '/imageUuid', op: 'replace', before: 'docker:mysql:8.0', after: 'docker:mysql:8.4' },
        ],
      });
      const stored = JSON.stringify(await backend.raw(location, 'select * from audit_events'));
      for (const secret of ['hunter2', 'correct-horse', 's3cr3t', 'tok-123', 'tok-456']) expect(stored).not.toContain(secret);
    });
  });

  describe('filters and pagination', () => {
    async function seed(store: AuditStore) {
      const rows: AuditRecord[] = [
        { actor: 'fred', action: 'service.restart', stackId: '1st5', outcome: 'ok' },
        { actor: 'barney', action: 'service.stop', stackId: '1st5', outcome: 'ok' },
        { actor: 'dino', action: 'logs.open', stackId: '1st7', outcome: 'ok' },
        { actor: 'fred', action: 'service.restart', stackId: '1st6', outcome: 'failed' },
        { actor: 'pebbles', action: 'service.restart', stackId: '1st5', outcome: 'denied' },
      ];
      const times: string[] = [];
      for (const row of rows) {
        times.push((await store.record(row)).time);
        await sleep(3);
      }
      return times;
    }

    it('filters by actor, stack, action and their combination', async () => {
      const store = await open();
      await seed(store);
      const actors = async (filter: Parameters<AuditStore['list']>[0]) => (await store.list(filter)).events.map((e) => `${e.actor}@${e.stackId}`);
      expect(await actors({ actor: 'fred' })).toEqual(['fred@1st6', 'fred@1st5']);
      expect(await actors({ stackId: '1st5' })).toEqual(['pebbles@1st5', 'barney@1st5', 'fred@1st5']);
      expect(await actors({ action: 'service.restart' })).toEqual(['pebbles@1st5', 'fred@1st6', 'fred@1st5']);
      expect(await actors({ action: 'service.restart', stackId: '1st5', actor: 'fred' })).toEqual(['fred@1st5']);
      expect(await actors({ actor: 'wilma' })).toEqual([]);
    });

    it('filters by time range, from inclusive and to exclusive', async () => {
      const store = await open();
      const times = await seed(store);
      const [, second, , fourth] = times;
      const within = await store.list({ from: second, to: fourth });
      expect(within.events.map((e) => e.actor)).toEqual(['dino', 'barney']);
      const since = await store.list({ from: new Date(fourth ?? '') });
      expect(since.events.map((e) => e.actor)).toEqual(['pebbles', 'fred']);
      await expect(store.list({ from: 'yesterday' })).rejects.toBeInstanceOf(ZodError);
    });

    it('pages newest first with a cursor until the last page', async () => {
      const store = await open();
      await store.recordBatch(Array.from({ length: 23 }, (_, i) => ({ actor: `user${i}`, action: 'logs.open' as const, outcome: 'ok' as const })));
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.list({ limit: 10, cursor });
        seen.push(...page.events.map((e) => e.actor));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `user${22 - i}`));
      const filtered = await store.list({ limit: 2, actor: 'user3' });
      expect(filtered).toMatchObject({ events: [{ actor: 'user3' }], nextCursor: null });
      await expect(store.list({ cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(ZodError);
    });

    it('exports every matching event as CSV and JSON lines', async () => {
      const store = await open();
      await store.recordBatch(Array.from({ length: 520 }, (_, i) => ({ actor: i % 2 ? 'fred' : '=cmd()', action: 'logs.open' as const, outcome: 'ok' as const, userAgent: 'a "quoted", agent' })));
      const csv = await new Response(auditExport(store, { actor: '=cmd()' }, 'csv').body).text();
      const lines = csv.trimEnd().split('\r\n');
      expect(lines).toHaveLength(261);
      expect(lines[0]?.startsWith('id,time,actor,')).toBe(true);
      expect(lines[1]).toContain(`,'=cmd(),,"a ""quoted"", agent",`);
      const out = auditExport(store, {}, 'jsonl');
      expect(out.contentType).toMatch(/ndjson/);
      const events = (await new Response(out.body).text()).trimEnd().split('\n').map((l) => JSON.parse(l) as { actor: string });
      expect(events).toHaveLength(520);
      let count = 0;
      for await (const event of iterateAuditEvents(store, { actor: 'fred' })) count += event.actor === 'fred' ? 1 : 0;
      expect(count).toBe(260);
    });
  });

  describe('chain verification', () => {
    async function fiveEvents(store: AuditStore) {
      const ids: string[] = [];
      for (let i = 1; i <= 5; i++) ids.push((await store.record({ actor: 'fred', action: 'service.restart', stackId: `1st${i}`, outcome: 'ok' })).id);
      return ids;
    }

    it('passes on an untouched chain and reports its head', async () => {
      const store = await open();
      await fiveEvents(store);
      const intent = await store.begin(restart);
      await intent.complete({ outcome: 'ok' });
      const verdict = await store.verify();
      expect(verdict).toMatchObject({ ok: true, rows: 7 });
      expect(verdict.ok && verdict.headHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('names an edited row', async () => {
      const store = await open();
      const ids = await fiveEvents(store);
      await backend.tamper(location, "update audit_events set actor = 'barney' where seq = 3");
      expect(await store.verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, firstBrokenId: ids[2], reason: expect.stringMatching(/edited/) });
    });

    it('names the row after one edited with its hash recomputed', async () => {
      const store = await open();
      const ids = await fiveEvents(store);
      const [row4] = (await backend.raw(location, 'select hash from audit_events where seq = 4')) as { hash: string }[];
      await backend.tamper(location, `update audit_events set hash = '${'f'.repeat(64)}' where seq = 4`);
      expect(row4?.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.verify()).toMatchObject({ ok: false, firstBrokenSeq: 4, firstBrokenId: ids[3] });
      await backend.tamper(location, `update audit_events set hash = '${row4?.hash}' where seq = 4; update audit_events set stack_id = 'x', hash = '${'e'.repeat(64)}' where seq = 2`);
      expect(await store.verify()).toMatchObject({ ok: false, firstBrokenSeq: 2, firstBrokenId: ids[1] });
    });

    it('names the row after a deleted one', async () => {
      const store = await open();
      const ids = await fiveEvents(store);
      await backend.tamper(location, 'delete from audit_events where seq = 2');
      expect(await store.verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, firstBrokenId: ids[2], reason: expect.stringMatching(/row 2 is missing/) });
    });

    it('notices the newest rows cut off the end', async () => {
      const store = await open();
      await fiveEvents(store);
      await backend.tamper(location, 'delete from audit_events where seq >= 4');
      expect(await store.verify()).toMatchObject({ ok: false, firstBrokenSeq: 4, firstBrokenId: null, reason: expect.stringMatching(/newest rows were deleted/) });
    });

    it('keeps one chain when another portal process writes at the same time', async () => {
      const store = await open();
      const writeOne = async (i: number) => {
        if (i % 3) {
          await store.record({ actor: `local${i}`, action: 'logs.open', outcome: 'ok' });
        } else {
          const intent = await store.begin({ actor: `local${i}`, action: 'service.restart' });
          await intent.complete({ outcome: 'ok' });
        }
      };
      let isWriterDone = false;
      const writer = runWriter(location, 300).finally(() => {
        isWriterDone = true;
      });
      // Keep writing, five at a time, for as long as the other process runs.
      let local = 0;
      while (!isWriterDone) {
        await Promise.all([0, 1, 2, 3, 4].map((k) => writeOne(local + k)));
        local += 5;
        // libsql answers synchronously: without a macrotask turn the child's exit event would never arrive.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await writer;
      const intents = (n: number) => Math.ceil(n / 3);
      expect(await store.verify()).toMatchObject({ ok: true, rows: 300 + intents(300) + local + intents(local) });
      const events: string[] = [];
      for await (const event of iterateAuditEvents(store)) events.push(event.actor.replace(/\d+$/, ''));
      expect(events).toHaveLength(300 + local);
      // The two processes' rows interleave along the chain: they really wrote at the same time.
      const switches = events.filter((who, i) => i > 0 && who !== events[i - 1]).length;
      expect(switches).toBeGreaterThan(2);
    });
  });

  it('answers a readiness ping', async () => {
    const store = await open();
    await expect(store.ping()).resolves.toBeUndefined();
    expect(store.dialect).toBe(backend.name);
  });
});
