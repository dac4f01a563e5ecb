import { describe, expect, it } from 'vitest';
import { auditCompletion, auditRecord } from './audit-event';

describe('audit event schemas', () => {
  it('fills absent optional fields with null and reduces details to plain JSON', () => {
    const parsed = auditRecord.parse({ actor: 'fred', action: 'logs.open', outcome: 'ok', details: { at: new Date(0), gone: undefined } });
    expect(parsed).toMatchObject({ clientAddress: null, stackId: null, code: null, durationMs: null, details: { at: '1970-01-01T00:00:00.000Z' } });
    expect(parsed.details).not.toHaveProperty('gone');
  });

  it('cuts long text instead of refusing the event', () => {
    expect(auditRecord.parse({ actor: 'fred', action: 'logs.open', outcome: 'ok', userAgent: 'x'.repeat(2000) }).userAgent).toHaveLength(512);
  });

  it('refuses details JSON cannot carry', () => {
    expect(auditRecord.safeParse({ actor: 'fred', action: 'logs.open', outcome: 'ok', details: { n: 1n } }).success).toBe(false);
  });

  it('allows only final outcomes on completion', () => {
    expect(auditCompletion.safeParse({ outcome: 'unknown' }).success).toBe(false);
    expect(auditCompletion.safeParse({ outcome: 'failed', code: 'InvalidState', durationMs: -1 }).success).toBe(false);
    expect(auditCompletion.parse({ outcome: 'denied' })).toEqual({ outcome: 'denied', code: null, durationMs: null, details: null });
  });
});
