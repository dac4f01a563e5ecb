import { z } from 'zod';
import { environmentView } from '@/lib/domain/rancher/environment-view';
import type { SameType } from '@/lib/domain/schema/same-type';
import { auditOutcomes, type AuditEvent } from './audit-event';

/** An event as the activity listings send it (`AuditEvent`); /api/v1/openapi.json describes it from this. */
export const auditEventView = z.object({
  id: z.string(),
  time: z.string().describe('ISO 8601 UTC time the event (or the intent) was written'),
  actor: z.string().describe('uid of the person acting; for login.failure, the username tried'),
  clientAddress: z.string().nullable().describe('Staff only: null in a stack’s timeline'),
  userAgent: z.string().nullable().describe('Staff only: null in a stack’s timeline'),
  requestId: z.string().nullable(),
  action: z.string().describe('e.g. service.restart, logs.open, login.success'),
  stackId: z.string().nullable(),
  stackName: z.string().nullable(),
  serviceId: z.string().nullable(),
  serviceName: z.string().nullable(),
  containerId: z.string().nullable(),
  containerName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable().describe('For an upgrade, the field-by-field diff (secret-looking values redacted)'),
  outcome: z.enum(auditOutcomes),
  code: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  completedAt: z.string().nullable(),
  environmentId: z.string().nullable().describe('Rancher project acted in; null for sign-ins and rows older than environments'),
  environmentName: z.string().nullable(),
  tokenId: z.string().nullable().describe('The personal API token the action was made with, if any'),
});

/** One page of an activity listing, newest first. */
export const activityPage = z.object({
  events: z.array(auditEventView.extend({ environment: environmentView.nullable() })),
  nextCursor: z.string().nullable().describe('Pass back as `cursor` for the next (older) page; null on the last page'),
});

/** The store builds AuditEvent objects by hand: the schema must describe exactly that type. */
export const auditEventViewMatches: SameType<z.infer<typeof auditEventView>, AuditEvent> = true;
