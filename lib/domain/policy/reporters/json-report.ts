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
  summary: PolicySummary;
}

/** `{ findings: [{ ruleId, severity, message, path, line, column, fix? }], summary: { errors, warnings } }`. */
export function jsonReport(runs: readonly PolicyRun[]): JsonReport {
  const findings: JsonReportFinding[] = [];
  const summary: PolicySummary = { errors: 0, warnings: 0 };
  for (const run of runs) {
    summary.errors += run.result.summary.errors;
    summary.warnings += run.result.summary.warnings;
    for (const f of run.result.findings) {
      const out: JsonReportFinding = { ruleId: f.ruleId, severity: f.severity, message: f.message, path: f.path, line: f.line, column: f.column };
      if (f.fix) out.fix = f.fix;
      const file = f.file ?? run.file;
      if (file !== undefined) out.file = file;
      if (f.waived) out.waived = f.waived;
      findings.push(out);
    }
  }
  return { findings, summary };
}
