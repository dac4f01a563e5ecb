import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ServiceView } from '@/components/service/service-view';
import { parseServiceTab } from '@/components/service/service-tab';
import { requireUser } from '@/lib/auth/session';
import { env } from '@/lib/config/env';
import { decodePermalink } from '@/lib/client/logs/permalink';
import { orNotFound } from '@/app/stacks/or-not-found';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { serviceIdParam } from '@/lib/domain/stacks/stack-schemas';
import { getVisibleService } from '@/lib/stacks/visible-stacks';

export const metadata: Metadata = { title: 'Service' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ServicePage({ params, searchParams }: { params: Promise<{ stackId: string; serviceId: string }>; searchParams: Promise<SearchParams> }) {
  const raw = await params;
  const query = await searchParams;
  const user = await requireUser(`/stacks/${encodeURIComponent(raw.stackId)}/services/${encodeURIComponent(raw.serviceId)}`);
  const parsed = serviceIdParam.safeParse(raw);
  if (!parsed.success) notFound();
  const { stack, service } = await orNotFound(getVisibleService(rancherBackend(), user, parsed.data.stackId, parsed.data.serviceId));
  const container = typeof query.container === 'string' ? query.container : undefined;
  const permalink = decodePermalink(new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []))));
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/stacks" className="text-brand-600 hover:underline dark:text-blue-400">
          Stacks
        </Link>{' '}
        /{' '}
        <Link href={`/stacks/${stack.id}`} className="text-brand-600 hover:underline dark:text-blue-400">
          {stack.name}
        </Link>{' '}
        / <span aria-current="page">{service.name}</span>
      </nav>
      <ServiceView
        stack={stack}
        initial={service}
        tab={parseServiceTab(query.tab)}
        containerId={container}
        permalink={permalink ?? undefined}
        viewer={{ actorRole: user.isStaff ? 'staff' : 'owner', allowedHostPaths: env().POLICY_ALLOWED_HOST_PATHS }}
      />
    </div>
  );
}
