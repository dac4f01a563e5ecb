'use client';

import { signOut } from 'next-auth/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { expiresOnClientClock, idleState, shouldExtend } from '@/lib/domain/sessions/idle-session';
import { Button } from '@/components/ui/button';

const tickMs = 15_000;
/** Where a tab tells the others how long the session it extended now lasts (one session per browser). */
const sharedEndKey = 'spin-portal.session-ends-at';
/** next-auth's answer for a signed-in session; `{}` once it has ended. */
const signedInSession = z.object({ expires: z.string(), user: z.looseObject({}) });

/**
 * Ends an idle session and keeps an active one alive (ux.md A4). Reading /api/auth/session re-issues
 * the session cookie for another idle period, so this reads it after activity (a key, a click, or a
 * visible log or shell: elements marked `data-keeps-session`), at most once a minute. Five minutes
 * before the end it says so and offers to stay; at the end it signs out.
 */
export function SessionKeeper() {
  const [expiresAt, setExpiresAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const activity = useRef({ lastActivityAt: 0, lastExtendedAt: 0 });
  /** Set once this tab has read the session itself, so an end left by an earlier session is not trusted. */
  const hasRead = useRef(false);

  const extend = useCallback(async () => {
    activity.current.lastExtendedAt = Date.now();
    let session;
    let serverDate;
    try {
      const res = await fetch('/api/auth/session', { headers: { accept: 'application/json' } });
      serverDate = res.headers.get('date');
      session = signedInSession.safeParse(await res.json());
    } catch {
      return; // Offline or the portal restarting: the next activity tries again.
    }
    if (!session.success) {
      void signOut({ callbackUrl: '/login?idle=1' });
      return;
    }
    const endsAt = expiresOnClientClock(session.data.expires, serverDate, Date.now());
    localStorage.setItem(sharedEndKey, String(endsAt));
    hasRead.current = true;
    setExpiresAt(endsAt);
    setNow(Date.now());
  }, []);

  useEffect(() => {
    const noteActivity = () => (activity.current.lastActivityAt = Date.now());
    // Opening a page is activity: the first tick, at once, extends the session and learns its end.
    noteActivity();
    const tick = () => {
      const at = Date.now();
      setNow(at);
      if (document.visibilityState === 'visible' && document.querySelector('[data-keeps-session]')) noteActivity();
      if (shouldExtend({ ...activity.current, now: at })) void extend();
      if (!hasRead.current) return;
      // The latest end any tab learned (each writes it): one active tab keeps the others signed in.
      const stored = localStorage.getItem(sharedEndKey);
      if (stored === null) return;
      const endsAt = Number(stored);
      setExpiresAt(endsAt);
      if (idleState(endsAt, at).kind === 'expired') void signOut({ callbackUrl: '/login?idle=1' });
    };
    // Another tab extended the session: this one is not idle-bound to its own last read.
    const adoptSharedEnd = (event: StorageEvent) => {
      if (event.key === sharedEndKey && event.newValue) setExpiresAt(Number(event.newValue));
    };
    window.addEventListener('storage', adoptSharedEnd);
    window.addEventListener('pointerdown', noteActivity, { capture: true, passive: true });
    window.addEventListener('keydown', noteActivity, { capture: true, passive: true });
    const timer = setInterval(tick, tickMs);
    const first = setTimeout(tick, 0);
    return () => {
      clearInterval(timer);
      clearTimeout(first);
      window.removeEventListener('storage', adoptSharedEnd);
      window.removeEventListener('pointerdown', noteActivity, { capture: true });
      window.removeEventListener('keydown', noteActivity, { capture: true });
    };
  }, [extend]);

  const state = expiresAt === null ? null : idleState(expiresAt, now);

  if (state?.kind !== 'warning') return null;
  return (
    <div role="alert" className="fixed inset-x-0 bottom-4 z-50 mx-auto flex w-fit max-w-[90vw] flex-wrap items-center gap-3 rounded-md border border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-950 shadow-lg dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <span>
        You will be signed out in {state.minutesLeft} {state.minutesLeft === 1 ? 'minute' : 'minutes'} because nothing has happened here for a while.
      </span>
      <Button variant="outline" size="sm" onClick={() => void extend()}>
        Stay signed in
      </Button>
    </div>
  );
}
