import 'server-only';
import { z } from 'zod';
import { authorize, seesEveryStack } from '@/lib/domain/access/authorize';
import type { AuditEvent } from '@/lib/domain/audit/audit-event';
import { auditExport, type AuditExportFormat } from '@/lib/audit/audit-export';
import { auditFilter, type AuditFilter } from '@/lib/domain/audit/audit-filter';
import type { AuditStore } from '@/lib/audit/audit-store';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { ForbiddenError } from '@/lib/domain/errors/app-error';
import type { ActivityEvent } from '@/lib/domain/activity/activity-event';
import { isProductionEnvironment } from '@/lib/domain/rancher/production-environment';
import type { RancherBackend } from '@/lib/rancher/backend';
import { getStackOrNotShared } from '@/lib/stacks/visible-stacks';

/** `format` of both activity listings: a JSON page, or a whole CSV or JSON-lines download. */
export const activityFormat = z.enum(['json', 'csv', 'jsonl'], 'expected json, csv or jsonl').default('json');

/**
 * Query parameters of both activity listings: the audit filter (checked here, so a bad one is a 400
 * before any byte of an export is sent), plus `format`.
 */
function parseQuery(params: URLSearchParams): { format: 'json' | AuditExportFormat; filter: AuditFilter } {
  const { format: requested, ...filter } = Object.fromEntries(params);
  auditFilter.parse(filter);
  return { format: activityFormat.parse(requested), filter };
}

/**
 * Where a person acted from is for staff only: a stack's timeline shows its group members who did what,
 * not each other's addresses and browsers.
 */
function forStackMembers(event: AuditEvent): AuditEvent {
  return { ...event, clientAddress: null, userAgent: null };
}

/**
 * An event as the browser gets it: its environment as one object, production judged by today's
 * configuration (the row keeps the id and name it was written with).
 */
function forBrowser(event: AuditEvent, productionProjectIds: readonly string[]): AuditEvent & Pick<ActivityEvent, 'environment'> {
  const { environmentId: id, environmentName } = event;
  if (id === null) return { ...event, environment: null };
  const name = environmentName ?? id;
  return { ...event, environment: { id, name, production: isProductionEnvironment({ id, name }, productionProjectIds) } };
}

/** What both listings are asked with; `productionProjectIds` is RANCHER_PRODUCTION_PROJECT_IDS. */
interface ListingInput {
  store: AuditStore;
  user: SessionUser;
  params: URLSearchParams;
  productionProjectIds: readonly string[];
}

export type ActivityAnswer = { kind: 'page'; body: { events: ActivityEvent[]; nextCursor: string | null } } | { kind: 'export'; out: ReturnType<typeof auditExport> };

/** The store's listing with each event passed through `present`. */
function presented(store: AuditStore, present: (e: AuditEvent) => AuditEvent): Pick<AuditStore, 'list'> {
  return {
    list: async (filter) => {
      const page = await store.list(filter);
      return { ...page, events: page.events.map(present) };
    },
  };
}

async function answer(input: ListingInput, store: Pick<AuditStore, 'list'>, fixed: Partial<AuditFilter>): Promise<ActivityAnswer> {
  const { format: chosen, filter } = parseQuery(input.params);
  const scoped = { ...filter, ...fixed };
  if (chosen !== 'json') return { kind: 'export', out: auditExport(store, scoped, chosen) };
  const page = await store.list(scoped);
  return { kind: 'page', body: { ...page, events: page.events.map((e) => forBrowser(e, input.productionProjectIds)) } };
}

/** A stack's activity, for anyone who may view the stack (404 otherwise, like the stack itself). */
export async function stackActivity(input: ListingInput & { backend: RancherBackend; stackId: string }): Promise<ActivityAnswer> {
  const stack = await getStackOrNotShared(input.backend, input.stackId);
  authorize(input.user, 'view', stack);
  return answer(input, input.user.isStaff ? input.store : presented(input.store, forStackMembers), { stackId: input.stackId });
}

/** Everyone's activity, for staff only. */
export async function allActivity(input: ListingInput): Promise<ActivityAnswer> {
  if (!seesEveryStack(input.user)) throw new ForbiddenError('Only Spin staff can read everyone’s activity; your stacks’ activity is on each stack page.');
  return answer(input, input.store, {});
}

/** The HTTP answer: JSON page, or a streamed CSV / JSON-lines download. */
export function activityResponse(result: ActivityAnswer): Response {
  if (result.kind === 'page') return Response.json(result.body);
  return new Response(result.out.body, {
    headers: { 'content-type': result.out.contentType, 'content-disposition': `attachment; filename="${result.out.filename}"`, 'cache-control': 'no-store' },
  });
}
