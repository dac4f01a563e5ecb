import { describe, expect, it } from 'vitest';
import { parsePolicyConfig, waiverMatches, type Waiver } from './policy-config';

const waivable = (id: string) => ({ 'port-firewall-class': true, 'no-privileged': false })[id];

describe('parsePolicyConfig', () => {
  it('reads waivers with their scope and expiry', () => {
    const r = parsePolicyConfig(
      `trustedHubNamespaces: [rancher]
waivers:
  - rule: port-firewall-class
    service: db
    reason: Approved by the Spin working group
    ticket: RITM0012345
    expires: 2026-06-30
`,
      '.spin-policy.yml',
      waivable,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const w = r.config.waivers[0] as Waiver;
    expect(w).toMatchObject({ id: 'W1', ruleId: 'port-firewall-class', scope: { service: 'db' }, expires: '2026-06-30' });
    expect(new Date(w.expiresAt).toISOString()).toBe('2026-06-30T23:59:59.999Z');
    expect(r.config.trustedHubNamespaces).toEqual(['rancher']);
  });

  it.each([
    ['waivers:\n  - rule: port-firewall-class\n    reason: x\n', 'expires', 2, 5],
    ['waivers:\n  - rule: no-privileged\n    reason: x\n    expires: 2026-01-01\n', 'cannot be waived', 2, 5],
    ['waivers:\n  - rule: no-such-rule\n    reason: x\n    expires: 2026-01-01\n', 'unknown rule', 2, 5],
    ['waivers:\n  - rule: port-firewall-class\n    reason: x\n    expiry: 2026-01-01\n    expires: 2026-01-01\n', 'expiry', 2, 5],
    ['waivers:\n  - rule: port-firewall-class\n    reason: x\n    expires: next year\n', 'date', 4, 5],
  ])('refuses %j', (text, what, line, column) => {
    const r = parsePolicyConfig(text, undefined, waivable);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]?.message).toMatch(what);
      expect(r.errors[0]).toMatchObject({ line, column });
    }
  });

  it('matches by rule, stack, service and path prefix', () => {
    const w = { ruleId: 'r', scope: { service: 'db', path: '/services/db/ports' } } as Waiver;
    expect(waiverMatches(w, { ruleId: 'r', service: 'db', path: '/services/db/ports/0' }, null)).toBe(true);
    expect(waiverMatches(w, { ruleId: 'r', service: 'db', path: '/services/db/ports0' }, null)).toBe(false);
    expect(waiverMatches(w, { ruleId: 'r', service: 'web', path: '/services/db/ports/0' }, null)).toBe(false);
    expect(waiverMatches({ ...w, scope: { stack: 's' } }, { ruleId: 'r', path: '/x' }, 't')).toBe(false);
  });
});
