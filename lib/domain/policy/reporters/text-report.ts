import type { Finding, JsonPatchOp, Severity } from '../finding';
import type { PolicyRun } from './policy-run';

const ANSI = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
const SEVERITY_COLOR: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', info: 'cyan' };

export interface TextReportOptions {
  /** ANSI colours; the CLI turns them on only when writing to a terminal. */
  color: boolean;
}

function describeFix(ops: readonly JsonPatchOp[]): string {
  return ops.map((o) => `${o.op} ${o.path}${o.op === 'remove' ? '' : ` ${JSON.stringify(o.value)}`}`).join('; ');
}

function groupName(f: Finding): string {
  if (f.service !== undefined) return `service ${f.service}`;
  return { stack: 'stack', waivers: 'waivers', dockerfile: 'Dockerfile', operation: 'operation' }[f.input as string] ?? 'file';
}

/**
 * Human-readable findings, grouped by file and then by service:
 *
 *   docker-compose.yml
 *     service web
 *       error    capabilities-external-fs  14:9  web mounts /global/… (cap_drop: [ALL]).
 *                /services/web/cap_add/0 → fix: add /services/web/cap_drop ["ALL"]
 */
export function textReport(runs: readonly PolicyRun[], options: TextReportOptions): string {
  const paint = (style: keyof typeof ANSI, s: string) => (options.color ? `\u001b[${ANSI[style]}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const run of runs) {
    const { findings } = run.result;
    errors += run.result.summary.errors;
    warnings += run.result.summary.warnings;
    infos += findings.filter((f) => f.severity === 'info').length;
    const byFile = new Map<string, Map<string, Finding[]>>();
    for (const f of findings) {
      const file = f.file ?? run.file ?? '(input)';
      const groups = byFile.get(file) ?? new Map<string, Finding[]>();
      byFile.set(file, groups);
      const name = groupName(f);
      groups.set(name, [...(groups.get(name) ?? []), f]);
    }
    if (findings.length === 0) lines.push(`${paint('bold', run.file ?? '(input)')}  ${paint('dim', 'no findings')}`);
    for (const [file, groups] of byFile) {
      lines.push(paint('bold', file));
      for (const [name, list] of groups) {
        lines.push(`  ${name}`);
        // Within a group, file order reads best; findings without a position come last.
        const ordered = [...list].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
        for (const f of ordered) {
          const where = f.line !== null ? `${f.line}:${f.column}` : '';
          const waived = f.waived ? ` (waived by ${f.waived.waiverId} until ${f.waived.expires}: ${f.waived.reason})` : '';
          lines.push(`    ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(8))} ${f.ruleId.padEnd(34)} ${where.padEnd(7)} ${f.message}${waived}`);
          const fix = f.fix ? ` → fix: ${describeFix(f.fix)}` : '';
          lines.push(`    ${' '.repeat(8)} ${paint('dim', `${f.path || '/'}${fix}`)}`);
        }
      }
    }
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const profile = runs[0]?.result.profile;
  lines.push('', `${count(errors, 'error')}, ${count(warnings, 'warning')}, ${infos} info${profile ? ` (profile ${profile})` : ''}`);
  return `${lines.join('\n')}\n`;
}
