import type { Locator } from './build-context';
import type { Finding, PolicyInputName, PolicyResult, RawFinding } from './finding';
import { compareSegments, parsePointer } from './json-pointer';
import { waiverMatches, waiverSpecificity } from './policy-config';
import { ruleDocs, ruleSeverity, type Rule } from './rule';
import type { RuleContext } from './rule-context';

const INPUT_ORDER: readonly PolicyInputName[] = ['dockerCompose', 'rancherCompose', 'current', 'proposed', 'stack', 'operation', 'dockerfile', 'waivers'];

function toFinding(rule: Rule, raw: RawFinding, severity: Finding['severity'], locate: Locator, file: string | undefined): Finding {
  const pos = raw.position ?? locate(raw.input, raw.path);
  const f: Finding = {
    ruleId: rule.id,
    severity: raw.severity ?? severity,
    message: raw.message,
    path: raw.path,
    input: raw.input,
    line: pos?.line ?? null,
    column: pos?.column ?? null,
    docs: ruleDocs(rule),
  };
  if (file !== undefined && pos) f.file = file;
  if (raw.service !== undefined) f.service = raw.service;
  if (raw.fix !== undefined) f.fix = raw.fix;
  if (raw.range !== undefined) f.range = raw.range;
  if (raw.details !== undefined) f.details = raw.details;
  return f;
}

/** A matching unexpired waiver (the narrowest one wins) turns a finding into info. */
function applyWaivers(f: Finding, rule: Rule, ctx: RuleContext): Finding {
  if (!rule.waivable || ctx.waivers.length === 0) return f;
  let best = null;
  for (const w of ctx.waivers) {
    if (waiverMatches(w, f, ctx.stack.name) && (!best || waiverSpecificity(w) > waiverSpecificity(best))) best = w;
  }
  if (!best || best.expiresAt < ctx.now) return f;
  return { ...f, severity: 'info', waived: { waiverId: best.id, reason: best.reason, expires: best.expires } };
}

/** A staff member's acknowledgement turns a node-level error into a warning that says so. */
function applyStaffAcknowledgement(f: Finding, rule: Rule, ctx: RuleContext): Finding {
  if (!ctx.staffAcknowledged || !rule.staffMayAccept || f.severity !== 'error') return f;
  return { ...f, severity: 'warning', details: { ...f.details, acknowledgedByStaff: true } };
}

/** Order: input, pointer (segment by segment), rule id; each pointer is split once. */
function sortFindings(findings: Finding[]): Finding[] {
  const keyed = findings.map((f) => ({ f, input: INPUT_ORDER.indexOf(f.input), segments: parsePointer(f.path) }));
  keyed.sort((a, b) => a.input - b.input || compareSegments(a.segments, b.segments) || (a.f.ruleId < b.f.ruleId ? -1 : a.f.ruleId > b.f.ruleId ? 1 : 0));
  return keyed.map((k) => k.f);
}

/** Runs the rules on a prepared context: severities by profile, waivers, locations, order, summary. */
export function evaluateRules(
  rules: readonly Rule[],
  ctx: RuleContext,
  locate: Locator,
  files: Partial<Record<PolicyInputName, string>>,
): PolicyResult {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = ruleSeverity(rule, ctx.profile.id);
    if (severity === 'off') continue;
    for (const raw of rule.check(ctx)) findings.push(applyStaffAcknowledgement(applyWaivers(toFinding(rule, raw, severity, locate, files[raw.input]), rule, ctx), rule, ctx));
  }
  const sorted = sortFindings(findings);
  let errors = 0;
  let warnings = 0;
  for (const f of sorted) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { schemaVersion: 1, profile: ctx.profile.id, findings: sorted, summary: { errors, warnings }, blocked: errors > 0 };
}
