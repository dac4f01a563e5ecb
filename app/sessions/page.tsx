import type { Metadata } from 'next';
import { SessionList } from '@/components/sessions/session-list';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import { getSession, requireUser } from '@/lib/auth/session';
import { listSessions } from '@/lib/sessions/session-actions';

export const metadata: Metadata = { title: 'Your sessions' };

export default async function SessionsPage() {
  const user = await requireUser('/sessions');
  const current = await getSession();
  const sessions = await listSessions(await getAuditStore(), user, current?.id ?? null);
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Your sessions</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Where you are signed in to the portal. Sign out a browser you no longer use, or one you do not recognise.
        </p>
      </div>
      <SessionList initial={{ sessions }} />
    </section>
  );
}
