/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../check';
import { ruleSeverity } from '../rule';
import { rules } from './index';

/** Every rule id of spin-policy.md §4 and §5, copied from the catalog. */
const CATALOG_IDS = [
  'image-registry-allowed', 'image-dockerhub-official', 'image-tag-not-latest', 'latest-requires-pull-always',
  'compose-no-build', 'compose-version-2', 'compose-rancher-consistency', 'input-malformed',
  'cap-drop-all', 'capabilities-allowed', 'capabilities-external-fs', 'no-privileged', 'no-host-namespaces',
  'external-fs-non-root', 'user-identity-allowed', 'external-fs-public-read-only', 'external-fs-mount-depth',
  'external-fs-o-x-reminder', 'dockerfile-user-group-defined',
  'port-80-443-proxy-only', 'port-firewall-class', 'port-privileged-needs-review', 'port-container-unprivileged',
  'secret-name-convention', 'secret-target-matches-filename', 'secret-mode-400', 'secret-owner-matches-user', 'secret-not-in-env',
  'service-name-convention', 'dns-label-names', 'stack-name-convention', 'volume-name-convention',
  'stack-tag-owner', 'stack-tag-staff-owner', 'stack-tag-recommended',
  'op-stop-after-unconfirmed-upgrade', 'op-upgrade-requires-settled-state',
  'diff-privilege-escalation', 'diff-new-capability', 'diff-new-external-mount', 'diff-new-port',
  'host-path-allowed', 'rancher-reserved-labels', 'namespaces-own-stack', 'staff-only-service',
  // Not in the catalog: the warning for repeated keys that replaced a parse error.
  'compose-duplicate-key',
  'diff-image-registry-change', 'diff-image-tag-reused', 'diff-user-change', 'diff-secret-change', 'diff-env-change', 'diff-network-change',
];

/** §6.3: rules a waiver can never cover. */
const NOT_WAIVABLE = [
  'op-stop-after-unconfirmed-upgrade', 'op-upgrade-requires-settled-state', 'image-registry-allowed', 'no-privileged', 'compose-version-2', 'compose-no-build', 'input-malformed',
  // §4.10: errors an owner cannot waive, in every path.
  'host-path-allowed', 'rancher-reserved-labels', 'namespaces-own-stack', 'staff-only-service',
];

const NOW = '2026-01-15T00:00:00Z';

describe('rule registry', () => {
  it('has every catalog rule exactly once, plus waiver-expired', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...CATALOG_IDS, 'waiver-expired'].sort());
  });

  it('keeps one file per rule, named after its id', () => {
    // Vite lists the folder at build time, so the test needs no Node import (lib/policy stays pure).
    const files = Object.keys(import.meta.glob(['./*.ts', '!./*.test.ts', '!./index.ts']))
      .map((f) => f.replace(/^\.\//, '').slice(0, -3));
    expect(files.sort()).toEqual(rules.map((r) => r.id).sort());
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s has complete metadata', (_id, rule) => {
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.rationale.length).toBeGreaterThan(40);
    expect(rule.remediation.length).toBeGreaterThan(10);
    expect(rule.sources.length).toBeGreaterThan(0);
    for (const s of rule.sources) expect(s.quote.length).toBeGreaterThan(5);
    expect(rule.inputs.length).toBeGreaterThan(0);
    expect(rule.waivable).toBe(!NOT_WAIVABLE.includes(rule.id) && rule.id !== 'waiver-expired');
    expect(rule.cases.some((c) => c.expect.length > 0)).toBe(true);
    expect(rule.cases.some((c) => c.expect.length === 0)).toBe(true);
  });

  it('follows the catalog severities per profile', () => {
    const byId = new Map(rules.map((r) => [r.id, r]));
    const sev = (id: string, p: '2018-10' | '2019-05') => ruleSeverity(byId.get(id) as (typeof rules)[number], p);
    expect(sev('service-name-convention', '2018-10')).toBe('info');
    expect(sev('service-name-convention', '2019-05')).toBe('error');
    expect(sev('stack-name-convention', '2018-10')).toBe('warning');
    expect(sev('stack-name-convention', '2019-05')).toBe('info');
    expect(sev('image-registry-allowed', '2019-05')).toBe('error');
    expect(sev('cap-drop-all', '2019-05')).toBe('warning');
    expect(sev('external-fs-o-x-reminder', '2018-10')).toBe('info');
  });
});

const allCases = rules.flatMap((rule) => rule.cases.map((c) => [rule.id, c.name, rule, c] as const));

describe('rule cases', () => {
  it.each(allCases)('%s: %s', (_id, _name, rule, c) => {
    const result = checkPolicy({ now: NOW, ...c.input });
    const got = result.findings.filter((f) => f.ruleId === rule.id);
    expect(got.map((f) => f.path).sort()).toEqual(c.expect.map((e) => e.path).sort());
    for (const e of c.expect) {
      if (e.severity) expect(got.filter((f) => f.path === e.path).map((f) => f.severity)).toContain(e.severity);
    }
    for (const f of got) {
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.docs).toBe(`#${rule.id}`);
    }
  });
});
