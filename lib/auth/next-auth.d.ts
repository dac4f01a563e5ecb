import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface User {
    uid: string;
    groups: string[];
    isStaff: boolean;
    /** The session record started at this sign-in (lib/sessions). */
    sessionId: string;
  }
  interface Session {
    user: DefaultSession['user'] & { uid: string; groups: string[]; isStaff: boolean };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    groups?: string[];
    isStaff?: boolean;
    /** When the groups were last read from the directory (ms since the epoch). */
    groupsCheckedAt?: number;
    /** Set when the directory no longer knows the person: the session is over. */
    revoked?: boolean;
    /** The id of the session record this cookie names; the record decides whether it is still valid. */
    sid?: string;
    /** When the record ends unless used again (ms since the epoch), for the idle warning. */
    sessionEndsAt?: number;
  }
}
