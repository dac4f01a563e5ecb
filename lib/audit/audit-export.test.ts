import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { AuditEvent } from '@/lib/domain/audit/audit-event';
import { auditCsv, auditExport, auditJsonLines } from './audit-export';
import type { AuditFilter } from '@/lib/domain/audit/audit-filter';
import type { AuditPage } from './list-audit-events';

function event(overrides: Partial<AuditEvent>): AuditEvent {
  return {
    id: 'e1', time: '2026-11-25T12:00:00.000Z', actor: 'fred', clientAddress: null, userAgent: null, requestId: null,
    action: 'service.restart', stackId: '1st5', stackName: 'foo-jgi-doe', serviceId: null, serviceName: null,
    containerId: null, containerName: null, environmentId: null, environmentName: null, tokenId: null, details: null, outcome: 'ok',
    code: null, durationMs: null, completedAt: null,
    ...overrides,
  };
}

async function* from(events: AuditEvent[]) {
  yield* events;
}

async function collect(chunks: AsyncIterable<string>) {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** A store whose list serves pages of two from a fixed array and records the filters it was asked for. */
function pagedStore(events: AuditEvent[]) {
  const asked: AuditFilter[] = [];
  return {
    asked,
    list: async (filter: AuditFilter = {}): Promise<AuditPage> => {
      asked.push(filter);
      const start = filter.cursor ? Number(filter.cursor) : 0;
      const next = start + 2;
      return { events: events.slice(start, next), nextCursor: next < events.length ? String(next) : null };
    },
  };
}

describe('auditCsv', () => {
  it('writes a header and RFC 4180 rows, quoting and defusing formulas', async () => {
    const csv = await collect(
      auditCsv(from([event({ actor: '=HYPERLINK("x")', userAgent: 'a,b', details: { n: 1 }, durationMs: 5 }), event({ id: 'e2', stackName: 'line\nbreak' })])),
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,time,actor,clientAddress,userAgent,requestId,action,stackId,stackName,serviceId,serviceName,containerId,containerName,outcome,code,durationMs,completedAt,details,environmentId,environmentName,tokenId',
    );
    expect(lines[1]).toBe(`e1,2026-11-25T12:00:00.000Z,"'=HYPERLINK(""x"")",,"a,b",,service.restart,1st5,foo-jgi-doe,,,,,ok,,5,,"{""n"":1}",,,`);
    expect(csv).toContain('"line\nbreak"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('ends each row with the environment and token', async () => {
    const csv = await collect(auditCsv(from([event({ environmentId: '1a5', environmentName: 'prod-cattle', tokenId: 'tok_1' })])));
    expect(csv.split('\r\n')[1]?.endsWith(',1a5,prod-cattle,tok_1')).toBe(true);
  });
});

describe('auditJsonLines', () => {
  it('writes one event per line', async () => {
    const text = await collect(auditJsonLines(from([event({}), event({ id: 'e2' })])));
    expect(text.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as AuditEvent).id)).toEqual(['e1', 'e2']);
  });
});

describe('auditExport', () => {
  it('streams every page through the filter', async () => {
    const store = pagedStore(['a', 'b', 'c', 'd', 'e'].map((id) => event({ id })));
    const out = auditExport(store, { actor: 'fred' }, 'jsonl');
    const ids = (await new Response(out.body).text()).trim().split('\n').map((l) => (JSON.parse(l) as AuditEvent).id);
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(store.asked.map((f) => [f.actor, f.cursor])).toEqual([['fred', undefined], ['fred', '2'], ['fred', '4']]);
    expect(out.filename).toMatch(/^spin-portal-activity-.*\.jsonl$/);
  });

  it('refuses a bad filter before streaming anything', () => {
    expect(() => auditExport(pagedStore([]), { from: 'soon' }, 'csv')).toThrow(ZodError);
  });
});
