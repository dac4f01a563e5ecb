// An OperationContext for unit tests: a signed-in person, an in-memory Rancher and an in-memory audit store.
import type { SessionUser } from '@/lib/domain/access/session-user';
import { createLogger } from '@/lib/log/logger';
import type { OperationContext } from '@/lib/operations/operation-context';
import type { FakeRancherBackend } from './fake-rancher-backend';
import { MemoryAuditStore } from './memory-audit-store';

export function fakeOperationContext(
  backend: FakeRancherBackend,
  user: Partial<SessionUser> & { uid: string },
  audit = new MemoryAuditStore(),
): OperationContext & { backend: FakeRancherBackend; audit: MemoryAuditStore } {
  return {
    user: { name: user.uid, groups: [], isStaff: false, ...user },
    requestId: 'req-test-1',
    clientAddress: '192.0.2.10',
    userAgent: 'vitest',
    log: createLogger({ level: 'silent' }),
    backend,
    audit,
  };
}
