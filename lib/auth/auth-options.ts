import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { JWT } from 'next-auth/jwt';
import { env } from '@/lib/config/env';
import { isAppError, TooManyRequestsError } from '@/lib/domain/errors/app-error';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import { clientAddressHeader } from '@/lib/request/client-address';
import { requestIdHeader } from '@/lib/request/request-id';
import { portalLogger } from '@/lib/log/portal-logger';
import { checkSession } from '@/lib/sessions/session-check';
import { endSignedOutSession, startSession } from '@/lib/sessions/session-actions';
import { authenticate, readGroups } from './ldap-authenticate';
import { DirectoryUnavailableError, InvalidCredentialsError } from './ldap-errors';
import { ldapSettingsFromEnv } from './ldap-settings';
import { countLoginFailure } from '@/lib/metrics/portal-metrics';
import { loginOutcome } from './login-outcome';
import { loginRateLimiter } from './login-rate-limiter';

/** Groups are re-read this often (GROUP_REFRESH_SECONDS), so removing someone from a group takes effect within it. */
export function groupRefreshMs(): number {
  return env().GROUP_REFRESH_SECONDS * 1000;
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === 'string' && value ? value : null;
}

function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60);
  return m === 1 ? '1 minute' : `${m} minutes`;
}

interface LoginRequest {
  username: string;
  password: string;
  address: string;
  userAgent: string | null;
  requestId: string | null;
}

async function login({ username, password, address, userAgent, requestId }: LoginRequest) {
  const log = portalLogger().child({ reqId: requestId, login: username.slice(0, 64), address });
  const [limiter, audit] = await Promise.all([loginRateLimiter(), getAuditStore()]);
  // The name as typed (cut short): a failed login has no verified uid, and staff want to see what was tried.
  const attempt = { actor: username.trim().slice(0, 64) || '(empty)', clientAddress: address, userAgent, requestId };
  const decision = await limiter.check(username, address);
  if (!decision.allowed) {
    log.warn({ retryAfterSeconds: decision.retryAfterSeconds }, 'login refused: too many failed attempts');
    countLoginFailure('too-many-requests');
    await audit.record({ ...attempt, action: 'login.failure', outcome: 'denied', code: 'too-many-requests' });
    throw new TooManyRequestsError(`Too many attempts, wait ${minutes(decision.retryAfterSeconds)}.`, decision.retryAfterSeconds);
  }
  try {
    const person = await authenticate(ldapSettingsFromEnv(env()), username, password);
    await limiter.recordSuccess(username);
    const sessionId = await startSession(audit, person.uid, attempt);
    await audit.record({ ...attempt, actor: person.uid, action: 'login.success', outcome: 'ok', details: { groups: person.groups, isStaff: person.isStaff } });
    log.info({ uid: person.uid, isStaff: person.isStaff }, 'login succeeded');
    return { id: person.uid, uid: person.uid, name: person.name, groups: person.groups, isStaff: person.isStaff, sessionId };
  } catch (err) {
    if (err instanceof InvalidCredentialsError) {
      countLoginFailure(err.reason);
      await limiter.recordFailure(username, address);
      await audit.record({ ...attempt, action: 'login.failure', outcome: 'denied', code: err.reason });
      log.info({ reason: err.reason }, 'login failed');
    } else if (err instanceof DirectoryUnavailableError) {
      countLoginFailure('directory-unavailable');
      await audit.record({ ...attempt, action: 'login.failure', outcome: 'failed', code: 'directory-unavailable' });
      log.error({ err: err.cause }, 'login failed: directory unavailable');
    }
    throw err;
  }
}

/** Re-reads the groups of a session older than `groupRefreshMs`; a directory outage keeps the old ones. */
async function refreshGroups(token: JWT): Promise<JWT> {
  if (!token.uid || (token.groupsCheckedAt && Date.now() - token.groupsCheckedAt < groupRefreshMs())) return token;
  try {
    const { groups, isStaff } = await readGroups(ldapSettingsFromEnv(env()), token.uid);
    return { ...token, groups, isStaff, groupsCheckedAt: Date.now() };
  } catch (err) {
    if (err instanceof InvalidCredentialsError) return { ...token, revoked: true };
    portalLogger().warn({ uid: token.uid, err: err instanceof Error ? err.message : String(err) }, 'group refresh failed; keeping the groups known');
    return token;
  }
}

/**
 * next-auth's options, built on first use: the secret comes from the environment, which `next build`
 * does not have.
 */
export function authOptions(): NextAuthOptions {
  cachedOptions ??= buildAuthOptions();
  return cachedOptions;
}

let cachedOptions: NextAuthOptions | undefined;

/** Thrown by the jwt callback for a cookie whose session record has ended: next-auth then clears the cookie. */
class SessionEndedError extends Error {}

// The cookie only names the session record (`sid`), which decides: its idle and absolute limits, and
// any sign-out, apply on every replica. The cookie itself lives no longer than the absolute limit.
const buildAuthOptions = (): NextAuthOptions => ({
  session: { strategy: 'jwt', maxAge: Math.ceil(env().SESSION_MAX_HOURS * 3600) },
  jwt: { maxAge: Math.ceil(env().SESSION_MAX_HOURS * 3600) },
  pages: { signIn: '/login', error: '/login' },
  secret: env().NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: 'NERSC account',
      credentials: { username: { label: 'Username', type: 'text' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        try {
          return await login({
            username: String(credentials?.username ?? ''),
            password: String(credentials?.password ?? ''),
            address: headerValue(req.headers, clientAddressHeader) ?? 'unknown',
            userAgent: headerValue(req.headers, 'user-agent'),
            requestId: headerValue(req.headers, requestIdHeader),
          });
        } catch (err) {
          const outcome = loginOutcome.getStore();
          if (outcome && isAppError(err)) outcome.refusal = err;
          return null;
        }
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      if (token?.uid && token.sid) await endSignedOutSession(await getAuditStore(), token.sid, token.uid);
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session read at /api/auth/session is an answer ({} and a cleared cookie), not a fault.
      if (metadata instanceof SessionEndedError) portalLogger().debug({ code }, 'ended session refused');
      else portalLogger().error({ code, err: metadata }, 'next-auth error');
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...token, uid: user.uid, name: user.name, groups: user.groups, isStaff: user.isStaff, groupsCheckedAt: Date.now(), sid: user.sessionId };
      const active = await checkSession(token.sid, { touch: true });
      if (!active || active.uid !== token.uid) throw new SessionEndedError('the session has ended');
      return { ...(await refreshGroups(token)), sessionEndsAt: active.endsAt };
    },
    async session({ session, token }) {
      // A revoked token yields a session without a uid, which getSessionUser treats as signed out.
      const uid = token.revoked ? '' : (token.uid ?? '');
      session.user = { name: token.name, uid, groups: token.groups ?? [], isStaff: token.isStaff ?? false };
      // The keeper (components/auth/session-keeper.tsx) warns before this: the record's end, not the cookie's.
      if (token.sessionEndsAt) session.expires = new Date(token.sessionEndsAt).toISOString();
      return session;
    },
  },
});
