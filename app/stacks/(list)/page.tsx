import type { Metadata } from 'next';
import { StackList } from '@/components/stacks/stack-list';
import { requireUser } from '@/lib/auth/session';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { listVisibleStacks } from '@/lib/stacks/visible-stacks';
import { isUnavailable, orUnavailable } from '@/app/stacks/or-not-found';
import { queryOf, withQuery, type PageSearchParams } from '@/app/stacks/page-query';
import { RancherUnavailable } from '@/components/stacks/rancher-unavailable';

export const metadata: Metadata = { title: 'Stacks' };

export default async function StacksPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  // A shared filtered view (`?attention=1`) survives the sign-in it leads to.
  const user = await requireUser(withQuery('/stacks', queryOf(await searchParams)));
  const initial = await orUnavailable(listVisibleStacks(rancherBackend(), user));
  if (isUnavailable(initial)) return <RancherUnavailable message={initial.unavailable} what={user.isStaff ? 'All stacks' : 'Your stacks'} />;
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{user.isStaff ? 'All stacks' : 'Your stacks'}</h1>
      <StackList initial={initial} uid={user.uid} isStaff={user.isStaff} />
    </section>
  );
}
