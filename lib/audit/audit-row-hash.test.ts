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
  environment_id: null,
  environment_name: null,
  token_id: null,
  prev_hash: genesisHash,
};

const withEnvironment = { ...row, environment_id: '1a5', environment_name: 'prod-cattle', token_id: 'tok1' };

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

  it('hashes a row written before the environment columns existed as it always did', () => {
    // The hash of this row as computed before migration 004 added environment_id, environment_name and token_id.
    expect(hashAuditRow(row)).toBe('4912fb3c15790de218e8a4218ab59b78fa29324dcd30e3348fc4752115a9fa76');
  });

  it.each(['environment_id', 'environment_name', 'token_id'] as const)('covers %s when it is set', (column) => {
    expect(hashAuditRow({ ...withEnvironment, [column]: `${withEnvironment[column]}x` })).not.toBe(hashAuditRow(withEnvironment));
    expect(hashAuditRow({ ...withEnvironment, [column]: null })).not.toBe(hashAuditRow(withEnvironment));
  });

  it('tells which later column holds a value', () => {
    expect(hashAuditRow({ ...row, environment_id: 'x' })).not.toBe(hashAuditRow({ ...row, token_id: 'x' }));
  });
});
