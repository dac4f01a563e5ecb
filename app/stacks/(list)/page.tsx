import type { Metadata } from 'next';
import { StackList } from '@/components/stacks/stack-list';
import { requireUser } from '@/lib/auth/session';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { listVisibleStacks } from '@/lib/stacks/visible-stacks';

export const metadata: Metadata = { title: 'Stacks' };

export default async function StacksPage() {
  const user = await requireUser('/stacks');
  const initial = await listVisibleStacks(rancherBackend(), user);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Stacks</h1>
      <StackList initial={initial} uid={user.uid} isStaff={user.isStaff} />
    </section>
  );
}
