import { describe, expect, it } from 'vitest';
import { advancedYamlFrom, parseAdvancedYaml } from './advanced-yaml';

describe('advancedYamlFrom', () => {
  it('keeps only the advanced fields that are set', () => {
    const text = advancedYamlFrom({ imageUuid: 'docker:app:1', environment: { A: '1' }, user: '1001:1001', capDrop: ['ALL'], privileged: null, healthCheck: { port: 80 } });
    expect(text).toBe('user: 1001:1001\ncapDrop:\n  - ALL\n');
  });

  it('is empty when none is set', () => {
    expect(advancedYamlFrom({ imageUuid: 'docker:app:1' })).toBe('');
  });
});

describe('parseAdvancedYaml', () => {
  it('round-trips what advancedYamlFrom wrote', () => {
    const config = { command: ['gunicorn', 'foo.wsgi'], workingDir: '/srv/app', capDrop: ['ALL'] };
    expect(parseAdvancedYaml(advancedYamlFrom(config))).toEqual({ ok: true, value: config });
  });

  it('reads an empty document as no fields', () => {
    expect(parseAdvancedYaml('  \n')).toEqual({ ok: true, value: {} });
  });

  it('gives the line of a syntax error', () => {
    const result = parseAdvancedYaml('user: app\ncapAdd: [CHOWN\nprivileged: false\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.line).toBe(3);
  });

  it('sends fields with their own inputs back to them, with the line', () => {
    const result = parseAdvancedYaml('user: app\nenvironment:\n  A: "1"\n');
    expect(result).toEqual({ ok: false, problems: [{ line: 2, message: 'Edit environment in the environment variables above.' }] });
  });

  it('refuses fields an upgrade cannot change', () => {
    const result = parseAdvancedYaml('healthCheck:\n  port: 80\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 1, message: expect.stringContaining('healthCheck is not a field') });
  });

  it('validates types with the upgrade schema, pointing at the value', () => {
    const result = parseAdvancedYaml('user: app\nprivileged: "yes"\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^privileged: /) });
  });

  it('wants a mapping', () => {
    expect(parseAdvancedYaml('- privileged')).toEqual({ ok: false, problems: [{ line: 1, message: expect.stringContaining('mapping') }] });
  });
});
