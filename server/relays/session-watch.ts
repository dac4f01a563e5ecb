import type { WebSocket } from 'ws';
import type { Logger } from '@/lib/log/logger';
import type { SocketErrorFrame } from '@/lib/domain/sockets/socket-error-frame';
import { checkSession } from '@/lib/sessions/session-check';
import { isTokenActive, type Caller } from '@/lib/tokens/request-caller';

/** How often an open websocket re-checks its session: an ended session's sockets close within 5 s. */
export const sessionRecheckMs = 2_000;

/** The close code of a websocket whose session ended (the logs client treats 44xx as final). */
export const sessionEndedCloseCode = 4401;

/** How long a browser gets to answer our close frame before its connection is cut. */
const closeAnswerGraceMs = 1_000;

/** Sockets closed because their session ended: a cut connection closes with 1006, not 4401. */
const endedBySession = new WeakSet<WebSocket>();

export function wasClosedBySessionEnd(ws: WebSocket): boolean {
  return endedBySession.has(ws);
}

/** Closes `ws` once the caller can no longer be served: their session ended, or their token was revoked or expired. */
export function closeWhenCallerEnds(ws: WebSocket, caller: Caller, log: Logger): void {
  if (caller.kind === 'session') closeWhenSessionEnds(ws, caller.id, log);
  else closeWhenEnded(ws, () => isTokenActive(caller.id), log, { message: 'Your API token has been revoked or has expired.', reason: 'the API token is no longer valid' });
}

/**
 * Closes `ws` once its browser session has ended (signed out here or on another replica, ended from
 * "Your sessions" or by staff, or past a limit), with a last error frame saying why. A database that
 * does not answer keeps the socket open: the next check tries again.
 */
export function closeWhenSessionEnds(ws: WebSocket, sessionId: string, log: Logger): void {
  const isActive = async () => (await checkSession(sessionId, { touch: false })) !== null;
  closeWhenEnded(ws, isActive, log, { message: 'Your session has ended. Sign in again to continue.', reason: 'your session has ended; sign in again' });
}

function closeWhenEnded(ws: WebSocket, isActive: () => Promise<boolean>, log: Logger, words: { message: string; reason: string }): void {
  let isChecking = false;
  const timer = setInterval(() => {
    if (isChecking) return;
    isChecking = true;
    isActive()
      .then((active) => {
        if (active || ws.readyState !== ws.OPEN) return;
        log.info({ reason: words.reason }, 'credentials ended: closing the websocket');
        endedBySession.add(ws);
        ws.send(JSON.stringify({ type: 'error', message: words.message } satisfies SocketErrorFrame));
        ws.close(sessionEndedCloseCode, words.reason);
        // A client that never answers the close would otherwise keep the socket (and a shell) for 30 s.
        setTimeout(() => ws.readyState !== ws.CLOSED && ws.terminate(), closeAnswerGraceMs).unref();
      })
      .catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'session could not be re-checked'))
      .finally(() => {
        isChecking = false;
      });
  }, sessionRecheckMs);
  ws.on('close', () => clearInterval(timer));
}
