import 'server-only';
import type { NewSession, SessionEndReason, SessionRecord } from '@/lib/domain/sessions/session-record';

/**
 * Browser sessions, kept in the audit database so that every portal replica sees a sign-out at once
 * (DESIGN.md "Contract additions": sessions). All SQL lives behind this interface.
 */
export interface SessionStore {
  create(session: NewSession): Promise<SessionRecord>;
  /** The record, ended or not; null when there is none. */
  get(id: string): Promise<SessionRecord | null>;
  /** Moves last activity to `now` on an open session. */
  touch(id: string, now: number): Promise<void>;
  /** Ends one open session; true when this call ended it (false: unknown or already ended). */
  end(id: string, reason: SessionEndReason, at: number): Promise<boolean>;
  /** Ends every open session of `uid`; resolves to how many it ended. */
  endAllOf(uid: string, reason: SessionEndReason, at: number): Promise<number>;
  /** The open sessions of `uid`, most recently active first. Limits are not applied here. */
  listOpen(uid: string): Promise<SessionRecord[]>;
}
