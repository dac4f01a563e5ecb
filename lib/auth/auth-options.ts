import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { JWT } from 'next-auth/jwt';
import { env } from '@/lib/config/env';
import { AppError, TooManyRequestsError } from '@/lib/errors/app-error';
import { clientAddressHeader } from '@/lib/http/client-address';
import { portalLogger } from '@/lib/log/portal-logger';
import { authenticate, readGroups } from './ldap-authenticate';
import { DirectoryUnavailableError, InvalidCredentialsError } from './ldap-errors';
import { ldapSettingsFromEnv } from './ldap-settings';
import { loginOutcome } from './login-outcome';
import { loginRateLimiter } from './login-rate-limiter';

export const sessionMaxAgeSeconds = 8 * 60 * 60;
/** Groups are re-read this often, so removing someone from a group takes effect within it. */
export const groupRefreshMs = 15 * 60 * 1000;

function headerValue(headers: Record<string, unknown> | undefined, name: string): string {
  const value = headers?.[name];
  return typeof value === 'string' && value ? value : 'unknown';
}

function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60);
  return m === 1 ? '1 minute' : `${m} minutes`;
}

async function login(username: string, password: string, address: string) {
  const log = portalLogger().child({ login: username.slice(0, 64), address });
  const limiter = loginRateLimiter();
  const decision = await limiter.check(username, address);
  if (!decision.allowed) {
    log.warn({ retryAfterSeconds: decision.retryAfterSeconds }, 'login refused: too many failed attempts');
    throw new TooManyRequestsError(`Too many attempts, wait ${minutes(decision.retryAfterSeconds)}.`, decision.retryAfterSeconds);
  }
  try {
    const person = await authenticate(ldapSettingsFromEnv(env()), username, password);
    await limiter.recordSuccess(username);
    log.info({ uid: person.uid, isStaff: person.isStaff }, 'login succeeded');
    return { id: person.uid, uid: person.uid, name: person.name, groups: person.groups, isStaff: person.isStaff };
  } catch (err) {
    if (err instanceof InvalidCredentialsError) {
      await limiter.recordFailure(username, address);
      log.info({ reason: err.reason }, 'login failed');
    } else if (err instanceof DirectoryUnavailableError) {
      log.error({ err: err.cause }, 'login failed: directory unavailable');
    }
    throw err;
  }
}

/** Re-reads the groups of a session older than `groupRefreshMs`; a directory outage keeps the old ones. */
async function refreshGroups(token: JWT): Promise<JWT> {
  if (!token.uid || (token.groupsCheckedAt && Date.now() - token.groupsCheckedAt < groupRefreshMs)) return token;
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

const buildAuthOptions = (): NextAuthOptions => ({
  session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
  jwt: { maxAge: sessionMaxAgeSeconds },
  pages: { signIn: '/login', error: '/login' },
  secret: env().NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: 'NERSC account',
      credentials: { username: { label: 'Username', type: 'text' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const address = headerValue(req.headers, clientAddressHeader);
        try {
          return await login(String(credentials?.username ?? ''), String(credentials?.password ?? ''), address);
        } catch (err) {
          const outcome = loginOutcome.getStore();
          if (outcome && err instanceof AppError) outcome.refusal = err;
          return null;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...token, uid: user.uid, name: user.name, groups: user.groups, isStaff: user.isStaff, groupsCheckedAt: Date.now() };
      return refreshGroups(token);
    },
    async session({ session, token }) {
      // A revoked token yields a session without a uid, which getSessionUser treats as signed out.
      const uid = token.revoked ? '' : (token.uid ?? '');
      session.user = { name: token.name, uid, groups: token.groups ?? [], isStaff: token.isStaff ?? false };
      return session;
    },
  },
});
