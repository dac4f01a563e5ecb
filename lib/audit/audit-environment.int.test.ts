import { describe, expect, it } from 'vitest';
import { describeOnAuditBackends } from '@/test/helpers/audit-backends';
import { appendToChain, type AuditRowContent } from './append-to-chain';
import { migrateAuditDatabase } from './audit-migrations';
import { openAuditDatabase } from './open-audit-database';
import { openAuditStore } from './open-audit-store';
import type { AuditStoreLocation } from './open-audit-database';

const prod = { environmentId: '1a5', environmentName: 'prod-cattle' };
const dev = { environmentId: '1a7', environmentName: 'dev-cattle' };
const restart = { actor: 'fred', action: 'service.restart', outcome: 'ok', stackId: '1st5', stackName: 'foo-jgi-doe', serviceId: '1s7', serviceName: 'web' } as const;

const unsetColumns = ['client_address', 'user_agent', 'request_id', 'service_id', 'service_name', 'container_id', 'container_name', 'details', 'code'];

/** A row as a portal before migration 004 wrote it: no environment or token column at all. */
function oldRow(actor: string): AuditRowContent {
  const row = {
    ...Object.fromEntries(unsetColumns.map((column) => [column, null])),
    id: `00000000-0000-4000-8000-00000000000${actor.length}`,
    kind: 'event',
    intent_id: null,
    actor,
    action: 'service.restart',
    stack_id: '1st5',
    stack_name: 'foo-jgi-doe',
    outcome: 'ok',
    duration_ms: 5,
  };
  return row as unknown as AuditRowContent;
}

/** A database as the portal left it before migration 004, holding two rows. */
async function databaseBeforeEnvironments(location: AuditStoreLocation): Promise<void> {
  const database = await openAuditDatabase(location, { migrate: false });
  try {
    await migrateAuditDatabase(database.db, database.dialect, '003-sessions');
    await appendToChain(database.db, [oldRow('fred'), oldRow('barney')]);
  } finally {
    await database.close();
  }
}

describeOnAuditBackends('audit environment and token', ({ backend, replicas, store }) => {
  describe('writes and filters', () => {
    it('stores the environment and token of an event and lists them back', async () => {
      const audit = await store();
      const written = await audit.record({ ...restart, ...prod, tokenId: 'tok_1' });
      expect(written).toMatchObject({ ...prod, tokenId: 'tok_1' });
      expect((await audit.list()).events).toEqual([written]);
    });

    it('keeps the environment of an intent on its completed event', async () => {
      const audit = await store();
      const intent = await audit.begin({ ...restart, ...dev });
      await intent.complete({ outcome: 'ok' });
      const [event] = (await audit.list()).events;
      expect(event).toMatchObject({ ...dev, tokenId: null, outcome: 'ok' });
    });

    it('filters by environment, service and stack name', async () => {
      const audit = await store();
      await audit.record({ ...restart, ...prod });
      await audit.record({ ...restart, ...dev, stackId: '1st9', stackName: 'foo-jgi-doe-dev', serviceId: '1s20' });
      await audit.record({ ...restart, ...prod, serviceId: '1s8', serviceName: 'db' });
      await audit.record({ actor: 'fred', action: 'login.success', outcome: 'ok' });
      const names = async (filter: Record<string, string>) => (await audit.list(filter)).events.map((e) => `${e.stackName}/${e.serviceName ?? ''}`);
      expect(await names({ environment: '1a7' })).toEqual(['foo-jgi-doe-dev/web']);
      expect(await names({ environment: '1a5' })).toEqual(['foo-jgi-doe/db', 'foo-jgi-doe/web']);
      expect(await names({ serviceId: '1s8' })).toEqual(['foo-jgi-doe/db']);
      expect(await names({ stackName: 'foo-jgi-doe', serviceId: '1s7' })).toEqual(['foo-jgi-doe/web']);
      expect(await names({ stackName: 'foo-jgi-doe-dev' })).toEqual(['foo-jgi-doe-dev/web']);
    });

    it('notices an edited environment', async () => {
      const { location, stores } = await replicas(1);
      const audit = stores[0]!;
      await audit.record({ ...restart, ...dev });
      await audit.record({ ...restart, ...prod });
      await backend.tamper(location, "update audit_events set environment_id = '1a5', environment_name = 'prod-cattle' where seq = 1");
      expect(await audit.verify()).toMatchObject({ ok: false, firstBrokenSeq: 1, reason: expect.stringMatching(/edited/) });
    });
  });

  describe('migration 004 on a database that already has rows', () => {
    it('verifies a database not yet migrated', async () => {
      const location = await backend.freshLocation();
      await databaseBeforeEnvironments(location);
      const unmigrated = await openAuditStore(location, { migrate: false });
      try {
        expect(await unmigrated.verify()).toMatchObject({ ok: true, rows: 2 });
      } finally {
        await unmigrated.close();
      }
    });

    it('keeps the old rows verifiable, without an environment, and chains new rows after them', async () => {
      const location = await backend.freshLocation();
      await databaseBeforeEnvironments(location);
      const audit = await openAuditStore(location);
      try {
        await audit.record({ ...restart, ...prod, actor: 'wilma' });
        expect(await audit.verify()).toMatchObject({ ok: true, rows: 3 });
        const { events } = await audit.list();
        expect(events.map((e) => [e.actor, e.environmentId, e.tokenId])).toEqual([
          ['wilma', '1a5', null],
          ['barney', null, null],
          ['fred', null, null],
        ]);
        expect((await audit.list({ environment: '1a5' })).events.map((e) => e.actor)).toEqual(['wilma']);
      } finally {
        await audit.close();
      }
    });
  });
});
