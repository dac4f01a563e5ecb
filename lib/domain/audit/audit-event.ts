import { z } from 'zod';
import { serviceVerbs } from '@/lib/domain/rancher/service-verbs';

/**
 * What the portal records. Adding an action means adding it here; rows keep the action as text, so an
 * older portal replica still lists events written by a newer one.
 */
export const auditActions = [
  'login.success',
  'login.failure',
  'logout',
  ...serviceVerbs.map((verb) => `service.${verb}` as const),
  'container.restart',
  'logs.open',
  'logs.close',
  'shell.open',
  'shell.close',
  'session.end',
  'session.end-all',
  'session.expire',
  'token.create',
  'token.revoke',
] as const;
export const auditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditAction>;

/**
 * `unknown` is an intent never completed (the portal stopped between writing it and hearing from Rancher),
 * or one completed as unresolved (Rancher did not answer a change in time, so it may have made it).
 */
export const auditOutcomes = ['ok', 'denied', 'failed', 'unknown'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];
const finalOutcome = z.enum(['ok', 'denied', 'failed']);

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Caller-supplied text (user agents, names) is cut to `max` instead of rejected, so an odd header never
 * blocks an action's audit write. NUL and lone surrogates are replaced: PostgreSQL refuses the first and
 * UTF-8 cannot carry the second, and either would make the stored text differ from the hashed text.
 */
function auditText(max: number) {
  return z
    .string()
    .transform((s) => s.replace(/\u0000/g, '\uFFFD').replace(loneSurrogate, '\uFFFD').slice(0, max));
}

const optionalText = (max: number) => auditText(max).nullish().transform((v) => v || null);

/** Any JSON-serializable object; reduced to plain JSON (dates become strings, undefined members go). */
const details = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((value, ctx): Record<string, unknown> | null => {
    if (value === null || value === undefined) return null;
    try {
      return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `details must be JSON: ${(error as Error).message}` });
      return z.NEVER;
    }
  });

/** Who did what, where: the part of an event known before the portal calls Rancher. */
export const auditIntent = z.object({
  /** The uid of the person acting; for `login.failure`, the username that was tried. */
  actor: auditText(256).refine((v) => v.length > 0, 'expected the uid of the person acting'),
  clientAddress: optionalText(64),
  userAgent: optionalText(512),
  requestId: optionalText(128),
  action: auditAction,
  stackId: optionalText(128),
  stackName: optionalText(256),
  serviceId: optionalText(128),
  serviceName: optionalText(256),
  containerId: optionalText(128),
  containerName: optionalText(256),
  /** The Rancher environment of the stack acted on (`1a5`, `prod-cattle`); none for sign-ins and sessions. */
  environmentId: optionalText(128),
  environmentName: optionalText(256),
  /** The personal token the person acted through; none in the browser. */
  tokenId: optionalText(128),
  /** For an upgrade, `{ changes: upgradeDiff(current, proposed) }`; secret-looking values are redacted on write. */
  details,
});
export type AuditIntent = z.input<typeof auditIntent>;
export type ParsedAuditIntent = z.output<typeof auditIntent>;

/** How an action ended: `failed` carries Rancher's error code when there is one. */
export const auditCompletion = z.object({
  outcome: finalOutcome,
  code: optionalText(128),
  durationMs: z.number().int().min(0).nullish().transform((v) => v ?? null),
  details,
});
export type AuditCompletion = z.input<typeof auditCompletion>;
export type ParsedAuditCompletion = z.output<typeof auditCompletion>;

/** Why an action's outcome is unknown: the code of the missing answer (`ETIMEDOUT`, `HTTP 504`). */
export const auditUnresolved = auditCompletion.omit({ outcome: true });
export type AuditUnresolved = z.input<typeof auditUnresolved>;
/** What a store writes when an intent ends: a final completion, or an unresolved one as `unknown`. */
export type ParsedAuditEnding = Omit<ParsedAuditCompletion, 'outcome'> & { outcome: AuditOutcome };

/** A one-shot event (a login, a denied attempt, a log view): intent and outcome at once. */
export const auditRecord = auditIntent.extend(auditCompletion.shape);
export type AuditRecord = z.input<typeof auditRecord>;
export type ParsedAuditRecord = z.output<typeof auditRecord>;

/** An event as listed and exported, newest first. An intent's completion is folded into it. */
export interface AuditEvent {
  id: string;
  /** ISO 8601 UTC time the event (or the intent) was written. */
  time: string;
  actor: string;
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
  action: string;
  stackId: string | null;
  stackName: string | null;
  serviceId: string | null;
  serviceName: string | null;
  containerId: string | null;
  containerName: string | null;
  environmentId: string | null;
  environmentName: string | null;
  tokenId: string | null;
  /** The intent's details with the completion's details laid over them. */
  details: Record<string, unknown> | null;
  outcome: AuditOutcome;
  code: string | null;
  durationMs: number | null;
  /** When the completion of an intent was written; null for one-shot events and unfinished intents. */
  completedAt: string | null;
}
