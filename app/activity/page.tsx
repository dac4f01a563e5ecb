import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActivityExplorer } from '@/components/activity/activity-filters';
import { EndPersonSessions } from '@/components/sessions/end-person-sessions';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Activity' };

export default async function ActivityPage() {
  const user = await requireUser('/activity');
  // Everyone's activity is staff's; others find their stacks' activity on each stack page.
  if (!user.isStaff) notFound();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Activity</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Every sign-in, action, upgrade, log view and shell session, newest first.</p>
      </div>
      <EndPersonSessions />
      <ActivityExplorer />
    </section>
  );
}
