import { z } from 'zod';
import { pointer } from './json-pointer';
import { parseYamlSource, type YamlSource } from './yaml-source';

export interface Waiver {
  id: string;
  ruleId: string;
  scope: { stack?: string; service?: string; path?: string };
  reason: string;
  approvedBy?: string;
  ticket?: string;
  created?: string;
  /** As written (date or date-time). */
  expires: string;
  /** Instant after which the waiver no longer applies (a date means the end of that day, UTC). */
  expiresAt: number;
  /** Pointer of the waiver in `.spin-policy.yml`. */
  path: string;
}

/** The contents of `.spin-policy.yml`. */
export interface PolicyConfig {
  waivers: Waiver[];
  trustedHubNamespaces: string[];
  source: YamlSource | null;
}

export interface PolicyConfigError {
  path: string;
  message: string;
  line: number;
  column: number;
}

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: (issue) => (issue.input === undefined ? 'a waiver needs an expiry date (expires: 2026-06-30)' : 'expected a date such as 2026-06-30'),
});

const waiverSchema = z.strictObject({
  id: z.string().min(1).optional(),
  rule: z.string().min(1, 'name the rule id this waiver is for'),
  stack: z.string().min(1).optional(),
  service: z.string().min(1).optional(),
  path: z.string().regex(/^\//, 'expected a JSON Pointer such as /services/web/ports/0').optional(),
  reason: z.string().trim().min(1, 'a waiver needs a reason'),
  approvedBy: z.string().min(1).optional(),
  ticket: z.string().min(1).optional(),
  created: isoDate.optional(),
  expires: isoDate,
});

const configSchema = z.strictObject({
  trustedHubNamespaces: z.array(z.string().min(1)).optional(),
  waivers: z.array(waiverSchema).optional(),
});

function expiryInstant(expires: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T23:59:59.999Z`) : Date.parse(expires);
}

/**
 * Parses `.spin-policy.yml`. `waivable` tells which rule ids exist and may be waived, so a waiver for
 * an unknown or unwaivable rule is refused where it is written rather than silently ignored.
 */
export function parsePolicyConfig(
  text: string,
  file: string | undefined,
  waivable: (ruleId: string) => boolean | undefined,
): { ok: true; config: PolicyConfig } | { ok: false; errors: PolicyConfigError[] } {
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) return { ok: false, errors: [{ path: '', message: parsed.error.message, line: parsed.error.line, column: parsed.error.column }] };
  const source = parsed.source;
  const at = (path: string, message: string): PolicyConfigError => ({ path, message, ...(source.locate(path) ?? { line: 1, column: 1 }) });
  const value = source.value ?? {};
  const r = configSchema.safeParse(value);
  if (!r.success) return { ok: false, errors: r.error.issues.map((i) => at(pointer('', ...i.path.map(String)), i.message)) };

  const errors: PolicyConfigError[] = [];
  const waivers = (r.data.waivers ?? []).map((w, i): Waiver => {
    const path = pointer('/waivers', i);
    const allowed = waivable(w.rule);
    if (allowed === undefined) errors.push(at(pointer(path, 'rule'), `unknown rule "${w.rule}"`));
    else if (!allowed) errors.push(at(pointer(path, 'rule'), `rule ${w.rule} cannot be waived`));
    return {
      id: w.id ?? `W${i + 1}`,
      ruleId: w.rule,
      scope: { stack: w.stack, service: w.service, path: w.path },
      reason: w.reason,
      approvedBy: w.approvedBy,
      ticket: w.ticket,
      created: w.created,
      expires: w.expires,
      expiresAt: expiryInstant(w.expires),
      path,
    };
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: { waivers, trustedHubNamespaces: r.data.trustedHubNamespaces ?? [], source } };
}

/** How narrowly a waiver is scoped: a path beats a service beats a stack beats the whole file. */
export function waiverSpecificity(w: Waiver): number {
  return w.scope.path ? 3 : w.scope.service ? 2 : w.scope.stack ? 1 : 0;
}

export function waiverMatches(w: Waiver, f: { ruleId: string; service?: string; path: string }, stackName: string | null): boolean {
  if (w.ruleId !== f.ruleId) return false;
  if (w.scope.stack !== undefined && w.scope.stack !== stackName) return false;
  if (w.scope.service !== undefined && w.scope.service !== f.service) return false;
  const p = w.scope.path;
  return p === undefined || f.path === p || f.path.startsWith(`${p}/`);
}
