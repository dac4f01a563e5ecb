import type { Finding, JsonPatchOp, PolicySummary } from '../finding';
import type { PolicyRun } from './policy-run';

/** DESIGN.md's finding shape; `file` names the file when several were checked, `waived` a waiver. */
export interface JsonReportFinding {
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  path: string;
  line: number | null;
  column: number | null;
  fix?: JsonPatchOp[];
  file?: string;
  waived?: Finding['waived'];
}

export interface JsonReport {
  findings: JsonReportFinding[];
  /** DESIGN.md's errors and warnings, plus the info findings a pipeline may want to count too. */
  summary: PolicySummary & { info: number };
}

const byPlace = (a: JsonReportFinding, b: JsonReportFinding): number =>
  (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.ruleId.localeCompare(b.ruleId);

/**
 * `{ findings: [{ ruleId, severity, message, path, line, column, fix? }], summary: { errors, warnings, info } }`,
 * findings in a stable order (file, line, column, rule) so two runs diff cleanly.
 */
export function jsonReport(runs: readonly PolicyRun[]): JsonReport {
  const findings: JsonReportFinding[] = [];
  const summary = { errors: 0, warnings: 0, info: 0 };
  for (const run of runs) {
    summary.errors += run.result.summary.errors;
    summary.warnings += run.result.summary.warnings;
    summary.info += run.result.findings.filter((f) => f.severity === 'info').length;
    for (const f of run.result.findings) {
      const out: JsonReportFinding = { ruleId: f.ruleId, severity: f.severity, message: f.message, path: f.path, line: f.line, column: f.column };
      if (f.fix) out.fix = f.fix;
      const file = f.file ?? run.file;
      if (file !== undefined) out.file = file;
      if (f.waived) out.waived = f.waived;
      findings.push(out);
    }
  }
  return { findings: findings.sort(byPlace), summary };
}
