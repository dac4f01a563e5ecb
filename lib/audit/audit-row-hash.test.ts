import { describe, expect, it } from 'vitest';
import { genesisHash, hashAuditRow } from './audit-row-hash';

const row = {
  seq: 1,
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'event' as const,
  intent_id: null,
  occurred_at: '2026-11-25T12:00:00.000Z',
  actor: 'fred',
  client_address: '192.0.2.1',
  user_agent: null,
  request_id: 'r1',
  action: 'service.restart',
  stack_id: '1st5',
  stack_name: 'foo-jgi-doe',
  service_id: null,
  service_name: null,
  container_id: null,
  container_name: null,
  details: '{"batchSize":1}',
  outcome: 'ok',
  code: null,
  duration_ms: 12,
  prev_hash: genesisHash,
};

describe('hashAuditRow', () => {
  it('is a stable SHA-256 of the content', () => {
    expect(hashAuditRow(row)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditRow({ ...row })).toBe(hashAuditRow(row));
  });

  it.each(Object.keys(row) as (keyof typeof row)[])('changes when %s changes', (column) => {
    const value = row[column];
    const changed = typeof value === 'number' ? value + 1 : typeof value === 'string' ? `${value}x` : 'now set';
    expect(hashAuditRow({ ...row, [column]: changed })).not.toBe(hashAuditRow(row));
  });

  it('tells null from an empty string', () => {
    expect(hashAuditRow({ ...row, user_agent: '' })).not.toBe(hashAuditRow(row));
  });
});
