import { describe, expect, it } from 'vitest';
import { jsonReport } from './json-report';
import { sampleRuns } from './report-fixture';

describe('jsonReport', () => {
  it("has DESIGN.md's shape, with info counted apart from errors and warnings", () => {
    const runs = sampleRuns();
    const report = jsonReport(runs);
    const all = runs.flatMap((r) => r.result.findings);
    expect(report.summary).toEqual({
      errors: all.filter((f) => f.severity === 'error').length,
      warnings: all.filter((f) => f.severity === 'warning').length,
      info: all.filter((f) => f.severity === 'info').length,
    });
    expect(report.summary.info).toBeGreaterThan(0);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.findings).toHaveLength(all.length);
    for (const f of report.findings) {
      expect(Object.keys(f).every((k) => ['ruleId', 'severity', 'message', 'path', 'line', 'column', 'fix', 'file', 'waived'].includes(k))).toBe(true);
    }
    expect(report.findings.find((f) => f.ruleId === 'capabilities-allowed')).toEqual({
      ruleId: 'capabilities-allowed',
      severity: 'error',
      message: expect.stringContaining('SYS_ADMIN'),
      path: '/services/web/cap_add/0',
      line: 5,
      column: 15,
      file: 'stacks/web stack/docker-compose.yml',
    });
    expect(report.findings.find((f) => f.ruleId === 'cap-drop-all')?.fix).toEqual([{ op: 'add', path: '/services/web/cap_drop', value: ['ALL'] }]);
  });

  it('orders findings by file, line, column and rule, whatever order the runs came in', () => {
    const findings = jsonReport([...sampleRuns()].reverse()).findings;
    const key = (f: (typeof findings)[number]) => [f.file ?? '', String(f.line ?? 0).padStart(6, '0'), String(f.column ?? 0).padStart(6, '0'), f.ruleId].join(' ');
    expect(findings.map(key)).toEqual(findings.map(key).sort((a, b) => a.localeCompare(b)));
    expect(findings.length).toBeGreaterThan(2);
  });
});
