import type { WebSocket } from 'ws';
import type { Logger } from '@/lib/log/logger';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { UnauthenticatedError } from '@/lib/domain/errors/app-error';
import type { SocketErrorFrame } from '@/lib/domain/sockets/socket-error-frame';
import { checkSession } from '@/lib/sessions/session-check';
import { ownerGroups } from '@/lib/tokens/owner-groups';
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

interface EndWords {
  message: string;
  reason: string;
}

const sessionEnded: EndWords = { message: 'Your session has ended. Sign in again to continue.', reason: 'your session has ended; sign in again' };
const tokenEnded: EndWords = { message: 'Your API token has been revoked or has expired.', reason: 'the API token is no longer valid' };
const accessChanged: EndWords = { message: 'Your access changed: a group or staff membership this was opened with has ended. Reload to continue.', reason: 'a group membership has ended' };

/**
 * Whether the person still holds every group, and the staff standing, the socket was opened with, as
 * the directory says now (re-read at most every GROUP_REFRESH_SECONDS). Gaining a group changes nothing
 * here; a person the directory no longer knows holds nothing.
 */
async function holdsGroupsOf(user: SessionUser): Promise<boolean> {
  try {
    const now = await ownerGroups(user.uid);
    return (!user.isStaff || now.isStaff) && user.groups.every((group) => now.groups.includes(group));
  } catch (err) {
    if (err instanceof UnauthenticatedError) return false;
    throw err;
  }
}

/**
 * Closes `ws` once the caller can no longer be served, with a last error frame saying why: their session
 * ended (signed out here or on another replica, ended from "Your sessions" or by staff, or past a
 * limit), their token was revoked or expired, or a group membership the socket's access rested on has
 * ended (a socket is authorized once, when it opens). A database or directory that does not answer
 * keeps the socket open: the next check tries again.
 */
export function closeWhenCallerEnds(ws: WebSocket, caller: Caller, log: Logger): void {
  const isSession = caller.kind === 'session';
  const isActive = isSession ? async () => (await checkSession(caller.id, { touch: false })) !== null : () => isTokenActive(caller.id);
  closeWhenEnded(ws, async () => {
    if (!(await isActive())) return isSession ? sessionEnded : tokenEnded;
    return (await holdsGroupsOf(caller.user)) ? null : accessChanged;
  }, log);
}

/** Checks every sessionRecheckMs; `ended` answers null while the socket may stay, or why it may not. */
function closeWhenEnded(ws: WebSocket, ended: () => Promise<EndWords | null>, log: Logger): void {
  let isChecking = false;
  const timer = setInterval(() => {
    if (isChecking) return;
    isChecking = true;
    ended()
      .then((words) => {
        if (!words || ws.readyState !== ws.OPEN) return;
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
