import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ServiceView } from '@/components/service/service-view';
import { StackBreadcrumb } from '@/components/stacks/stack-breadcrumb';
import { parseServiceTab } from '@/components/service/service-tab';
import { requireUser } from '@/lib/auth/session';
import { env } from '@/lib/config/env';
import { decodePermalink } from '@/lib/client/logs/permalink';
import { isUnavailable, orNotFound, orUnavailable } from '@/app/stacks/or-not-found';
import { queryOf, withQuery, type PageSearchParams } from '@/app/stacks/page-query';
import { RancherUnavailable } from '@/components/stacks/rancher-unavailable';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { serviceIdParam } from '@/lib/domain/stacks/stack-schemas';
import { promotionTarget } from '@/lib/domain/stacks/promotion';
import { getVisibleService, listVisibleStacks } from '@/lib/stacks/visible-stacks';

export const metadata: Metadata = { title: 'Service' };


/** An image reference as Docker spells one (`registry/name:tag`, `name@sha256:…`): what a promote link may prefill. */
const imageReference = /^[a-z0-9][a-z0-9._\-/:@]{0,254}$/;

export default async function ServicePage({ params, searchParams }: { params: Promise<{ stackId: string; serviceId: string }>; searchParams: Promise<PageSearchParams> }) {
  const raw = await params;
  const query = await searchParams;
  const asked = queryOf(query);
  // A signed-out deep link (`?tab=logs&container=…`) comes back to the same tab after sign-in.
  const user = await requireUser(withQuery(`/stacks/${encodeURIComponent(raw.stackId)}/services/${encodeURIComponent(raw.serviceId)}`, asked));
  const parsed = serviceIdParam.safeParse(raw);
  if (!parsed.success) notFound();
  const visible = await orUnavailable(orNotFound(getVisibleService(rancherBackend(), user, parsed.data.stackId, parsed.data.serviceId)));
  if (isUnavailable(visible)) return <RancherUnavailable message={visible.unavailable} what="This service" />;
  const { stack, service } = visible;
  const container = typeof query.container === 'string' ? query.container : undefined;
  const prefillImage = typeof query.image === 'string' && imageReference.test(query.image) ? query.image : undefined;
  // A dev stack's service may be promoted to the prod service of the same name (DESIGN.md "Several environments").
  const visibleStacks = stack.environment.production ? null : await orUnavailable(listVisibleStacks(rancherBackend(), user));
  const promoteTo = visibleStacks && !isUnavailable(visibleStacks) ? promotionTarget(visibleStacks.stacks, stack, service.name) : null;
  const permalink = decodePermalink(asked);
  return (
    <div className="space-y-4">
      <StackBreadcrumb stack={stack} serviceName={service.name} />
      <ServiceView
        stack={stack}
        initial={service}
        tab={parseServiceTab(query.tab)}
        containerId={container}
        permalink={permalink ?? undefined}
        promoteTo={promoteTo ?? undefined}
        prefillImage={prefillImage}
        viewer={{ actorRole: user.isStaff ? 'staff' : 'owner', allowedHostPaths: env().POLICY_ALLOWED_HOST_PATHS }}
      />
    </div>
  );
}
