import { z } from 'zod';

const cursorPattern = /^[1-9][0-9]{0,15}$/;

/**
 * Cursors are opaque to callers: the chain position of the last event of a page, base64url-encoded.
 * (btoa/atob rather than Buffer: this file has no Node import, so the activity page's filter form can
 * parse with the same schema in the browser.)
 */
export function encodeCursor(seq: number): string {
  return btoa(String(seq)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(value: string): string {
  try {
    return atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return ''; // not base64: refused below like any other forged cursor
  }
}

const cursor = z
  .string()
  .transform((value, ctx) => {
    const decoded = decodeCursor(value);
    if (!cursorPattern.test(decoded)) {
      ctx.addIssue({ code: 'custom', message: 'expected a cursor from a previous page' });
      return z.NEVER;
    }
    return Number(decoded);
  });

const instant = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((v) => new Date(v).toISOString());

/**
 * Filters of the activity listings. Route handlers parse query parameters with this same schema
 * (`auditFilter.parse(Object.fromEntries(url.searchParams))`), so a bad cursor or time is a ZodError (400).
 */
export const auditFilter = z.object({
  actor: z.string().min(1).max(256).optional(),
  stackId: z.string().min(1).max(128).optional(),
  /** The stack's name as recorded, so the activity of a deleted stack can still be found. */
  stackName: z.string().min(1).max(256).optional(),
  serviceId: z.string().min(1).max(128).optional(),
  /** A Rancher environment's id (`1a5`). */
  environment: z.string().min(1).max(128).optional(),
  action: z.string().min(1).max(64).optional(),
  /** Inclusive lower bound on the event time. */
  from: instant.optional(),
  /** Exclusive upper bound on the event time. */
  to: instant.optional(),
  cursor: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditFilter = z.input<typeof auditFilter>;
export type ParsedAuditFilter = z.output<typeof auditFilter>;
