import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StackBreadcrumb } from '@/components/stacks/stack-breadcrumb';
import { StackDetail } from '@/components/stacks/stack-detail';
import { requireUser } from '@/lib/auth/session';
import { isUnavailable, orNotFound, orUnavailable } from '@/app/stacks/or-not-found';
import { RancherUnavailable } from '@/components/stacks/rancher-unavailable';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { stackIdParam } from '@/lib/domain/stacks/stack-schemas';
import { getVisibleStack } from '@/lib/stacks/visible-stacks';

export const metadata: Metadata = { title: 'Stack' };

export default async function StackPage({ params }: { params: Promise<{ stackId: string }> }) {
  const { stackId } = await params;
  const user = await requireUser(`/stacks/${encodeURIComponent(stackId)}`);
  const parsed = stackIdParam.safeParse({ stackId });
  if (!parsed.success) notFound();
  const stack = await orUnavailable(orNotFound(getVisibleStack(rancherBackend(), user, parsed.data.stackId)));
  if (isUnavailable(stack)) return <RancherUnavailable message={stack.unavailable} what="This stack" />;
  return (
    <div className="space-y-4">
      <StackBreadcrumb stack={stack} />
      <StackDetail initial={stack} viewerUid={user.uid} />
    </div>
  );
}
