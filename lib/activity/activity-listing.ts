import 'server-only';
import { z } from 'zod';
import { authorize } from '@/lib/domain/access/authorize';
import type { AuditEvent } from '@/lib/domain/audit/audit-event';
import { auditExport, type AuditExportFormat } from '@/lib/audit/audit-export';
import { auditFilter, type AuditFilter } from '@/lib/domain/audit/audit-filter';
import type { AuditStore } from '@/lib/audit/audit-store';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { ForbiddenError } from '@/lib/domain/errors/app-error';
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

export type ActivityAnswer = { kind: 'page'; body: { events: AuditEvent[]; nextCursor: string | null } } | { kind: 'export'; out: ReturnType<typeof auditExport> };

/** The store's listing with each event passed through `present`. */
function presented(store: AuditStore, present: (e: AuditEvent) => AuditEvent): Pick<AuditStore, 'list'> {
  return {
    list: async (filter) => {
      const page = await store.list(filter);
      return { ...page, events: page.events.map(present) };
    },
  };
}

async function answer(store: Pick<AuditStore, 'list'>, params: URLSearchParams, fixed: Partial<AuditFilter>): Promise<ActivityAnswer> {
  const { format: chosen, filter } = parseQuery(params);
  const scoped = { ...filter, ...fixed };
  if (chosen !== 'json') return { kind: 'export', out: auditExport(store, scoped, chosen) };
  return { kind: 'page', body: await store.list(scoped) };
}

/** A stack's activity, for anyone who may view the stack (404 otherwise, like the stack itself). */
export async function stackActivity(input: { backend: RancherBackend; store: AuditStore; user: SessionUser; stackId: string; params: URLSearchParams }): Promise<ActivityAnswer> {
  const stack = await getStackOrNotShared(input.backend, input.stackId);
  authorize(input.user, 'view', stack);
  return answer(input.user.isStaff ? input.store : presented(input.store, forStackMembers), input.params, { stackId: input.stackId });
}

/** Everyone's activity, for staff only. */
export async function allActivity(input: { store: AuditStore; user: SessionUser; params: URLSearchParams }): Promise<ActivityAnswer> {
  if (!input.user.isStaff) throw new ForbiddenError('Only Spin staff can read everyone’s activity; your stacks’ activity is on each stack page.');
  return answer(input.store, input.params, {});
}

/** The HTTP answer: JSON page, or a streamed CSV / JSON-lines download. */
export function activityResponse(result: ActivityAnswer): Response {
  if (result.kind === 'page') return Response.json(result.body);
  return new Response(result.out.body, {
    headers: { 'content-type': result.out.contentType, 'content-disposition': `attachment; filename="${result.out.filename}"`, 'cache-control': 'no-store' },
  });
}
