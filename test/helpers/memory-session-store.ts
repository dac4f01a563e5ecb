// A SessionStore in memory for unit tests: the same answers as the SQL store, without a database.
import type { NewSession, SessionEndReason, SessionRecord } from '@/lib/domain/sessions/session-record';
import type { SessionStore } from '@/lib/audit/session-store';

export class MemorySessionStore implements SessionStore {
  private readonly records = new Map<string, SessionRecord>();

  async create(session: NewSession): Promise<SessionRecord> {
    const record: SessionRecord = { id: session.id, uid: session.uid, clientAddress: session.clientAddress, userAgent: session.userAgent, startedAt: session.now, lastActiveAt: session.now, endedAt: null, endReason: null };
    this.records.set(record.id, record);
    return { ...record };
  }

  async get(id: string): Promise<SessionRecord | null> {
    const record = this.records.get(id);
    return record ? { ...record } : null;
  }

  async touch(id: string, now: number): Promise<void> {
    const record = this.records.get(id);
    if (record && record.endedAt === null) record.lastActiveAt = now;
  }

  async end(id: string, reason: SessionEndReason, at: number): Promise<boolean> {
    const record = this.records.get(id);
    if (!record || record.endedAt !== null) return false;
    Object.assign(record, { endedAt: at, endReason: reason });
    return true;
  }

  async endAllOf(uid: string, reason: SessionEndReason, at: number): Promise<number> {
    const open = [...this.records.values()].filter((r) => r.uid === uid && r.endedAt === null);
    for (const record of open) Object.assign(record, { endedAt: at, endReason: reason });
    return open.length;
  }

  async listOpen(uid: string): Promise<SessionRecord[]> {
    return [...this.records.values()].filter((r) => r.uid === uid && r.endedAt === null).sort((a, b) => b.lastActiveAt - a.lastActiveAt).map((r) => ({ ...r }));
  }
}
