// A websocket upgrade in memory, for unit tests of the relays: the request, a socket that records what
// the relay sends and how it closes, and RelayServices built on the in-memory Rancher and audit store.
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { createLogger } from '@/lib/log/logger';
import type { RelayServices } from '@/server/relays/relay-context';
import type { UpgradeContext } from '@/server/upgrade-router';
import type { FakeRancherBackend } from './fake-rancher-backend';
import { MemoryAuditStore } from './memory-audit-store';

/** The browser's end of an accepted websocket: what was sent to it and how it was closed. */
export class FakeWebSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  closedWith: { code: number; reason: string } | null = null;

  send(data: string | Buffer, done?: () => void): void {
    this.sent.push(data.toString());
    done?.();
  }

  /** The JSON frames sent so far. */
  frames(): Record<string, unknown>[] {
    return this.sent.map((text) => JSON.parse(text) as Record<string, unknown>);
  }

  ping(): void {}

  close(code = 1005, reason = ''): void {
    if (this.closedWith) return;
    this.readyState = 3;
    this.closedWith = { code, reason };
    this.emit('close', code);
  }
}

/** The TCP connection under the upgrade: `close()` ends it as a browser leaving would. */
export class FakeConnection extends EventEmitter {
  destroyed = false;

  close(): void {
    this.destroyed = true;
    this.emit('close');
  }
}

export interface FakeUpgrade extends UpgradeContext {
  connection: FakeConnection;
  /** The websocket once the relay accepted the upgrade. */
  accepted: FakeWebSocket | null;
}

/** An upgrade to `path` (with its query) whose first path group is `param`, carrying `cookie`. */
export function fakeUpgrade(path: string, param: string, cookie?: string): FakeUpgrade {
  const connection = new FakeConnection();
  const req = { headers: { 'user-agent': 'vitest', ...(cookie ? { cookie } : {}) }, socket: connection } as unknown as IncomingMessage;
  const upgrade: FakeUpgrade = {
    req,
    url: new URL(path, 'http://portal.invalid'),
    params: [param],
    requestId: 'req-ws-1',
    clientAddress: '192.0.2.20',
    log: createLogger({ level: 'silent' }),
    connection,
    accepted: null,
    accept: async () => {
      const ws = new FakeWebSocket();
      upgrade.accepted = ws;
      return ws as unknown as WebSocket;
    },
  };
  return upgrade;
}

/** Sessions by cookie, the fake Rancher and an in-memory audit store; `watched` lists the session checks started. */
export function fakeRelayServices(
  backend: FakeRancherBackend,
  sessions: Record<string, Partial<SessionUser> & { uid: string }>,
  options: { audit?: MemoryAuditStore; maxSockets?: number } = {},
): RelayServices & { auditStore: MemoryAuditStore; watched: string[] } {
  const auditStore = options.audit ?? new MemoryAuditStore();
  const watched: string[] = [];
  return {
    auditStore,
    watched,
    callerOf: async ({ headers }) => {
      const user = headers.cookie ? sessions[headers.cookie] : undefined;
      return user ? { kind: 'session', id: `session-of-${user.uid}`, user: { name: user.uid, groups: [], isStaff: false, ...user } } : null;
    },
    backend: () => backend,
    audit: async () => auditStore,
    watchCaller: (_ws, caller) => void watched.push(caller.id),
    maxSocketsPerUser: () => options.maxSockets ?? 20,
  };
}
