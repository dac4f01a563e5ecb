import { describe, expect, it } from 'vitest';
import { sampleRuns } from './report-fixture';
import { textReport } from './text-report';

describe('textReport', () => {
  const runs = sampleRuns();

  it('groups findings by file and service, with position, pointer and fix', () => {
    const text = textReport(runs, { color: false });
    const lines = text.split('\n');
    const file = lines.indexOf('stacks/web stack/docker-compose.yml');
    const service = lines.indexOf('  service web');
    expect(file).toBeGreaterThanOrEqual(0);
    expect(service).toBeGreaterThan(file);
    expect(text).toMatch(/error +capabilities-allowed +5:15 +Capability SYS_ADMIN/);
    expect(text).toMatch(/\/services\/web\/cap_drop → fix: add \/services\/web\/cap_drop \["ALL"\]/);
    expect(text).toMatch(/waived by WG-7 until 2099-12-31/);
    expect(text).toContain('stacks/db/docker-compose.yml');
    expect(text).not.toContain('\u001b[');
    const { errors, warnings } = runs[0]?.result.summary ?? { errors: 0, warnings: 0 };
    const { errors: e2, warnings: w2 } = runs[1]?.result.summary ?? { errors: 0, warnings: 0 };
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    expect(text.trimEnd().split('\n').pop()).toMatch(new RegExp(`^${plural(errors + e2, 'error')}, ${plural(warnings + w2, 'warning')}, \\d+ info \\(profile 2019-05\\)$`));
  });

  it('colours severities only when asked', () => {
    expect(textReport(runs, { color: true })).toContain('\u001b[31merror');
  });

  it('says when a file has no findings', () => {
    const clean = { ...runs[1], result: { ...runs[1]!.result, findings: [], summary: { errors: 0, warnings: 0 } } };
    expect(textReport([clean], { color: false })).toContain('stacks/db/docker-compose.yml  no findings');
  });
});
