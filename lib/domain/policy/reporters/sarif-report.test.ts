import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../fixtures/sarif-2.1.0-subset.schema.json';
import { rules } from '../rules/index';
import { sampleRuns } from './report-fixture';
import { sarifReport } from './sarif-report';

function validator() {
  // SARIF's `anyOf: [{required: [text]}, {required: [id]}]` names properties of the parent object.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  // ajv-formats is not installed; these follow RFC 3986 closely enough for a schema test.
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('uri-reference', /^[^\s\\]*$/);
  return ajv.compile(schema);
}

describe('sarifReport', () => {
  const validate = validator();
  const log = sarifReport(sampleRuns(), { rules, toolVersion: '0.1.0', docsBaseUrl: 'https://portal.example.org/policy' });

  it('is valid SARIF 2.1.0', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('describes every rule and places every finding', () => {
    const run = (log.runs as { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[])[0];
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
    const results = run?.results ?? [];
    const findings = sampleRuns().flatMap((r) => r.result.findings);
    expect(results).toHaveLength(findings.length);
    const cap = results.find((r) => r.ruleId === 'capabilities-allowed');
    expect(cap).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'stacks/web%20stack/docker-compose.yml' }, region: { startLine: 5, startColumn: 15 } },
          logicalLocations: [{ fullyQualifiedName: '/services/web/cap_add/0' }],
        },
      ],
    });
  });

  it('keeps waived findings as suppressed notes', () => {
    const run = (log.runs as { results: Record<string, unknown>[] }[])[0];
    const waived = run?.results.find((r) => r.ruleId === 'port-privileged-needs-review');
    expect(waived).toMatchObject({ level: 'note', suppressions: [{ kind: 'external', status: 'accepted' }] });
  });

  it('rejects documents that break the schema', () => {
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'fatal', message: { text: 'x' } }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {} }] }] })).toBe(false);
  });
});
