import { composeYaml } from '../compose-yaml';
import { pointer } from '../json-pointer';
import { defineRule } from '../rule';

const compose = composeYaml("app:\n  image: python:3.7\n  ports: ['9000:9000']");

export const waiverExpired = defineRule({
  id: 'waiver-expired',
  title: 'Waivers in .spin-policy.yml have not expired',
  severity: 'error',
  inputs: ['compose', 'upgrade', 'stack'],
  rationale:
    'Every waiver carries a reason and an expiry date. Once it expires the finding it covered counts again and the expired waiver itself is an error, so exceptions are reviewed instead of living forever. A date means the end of that day (UTC).',
  sources: [{ doc: 'catalog', section: '6.3 Waivers', quote: 'an expired one restores it plus an error "waiver {id} expired {date}"' }],
  remediation: 'Fix the finding, or renew the waiver with a new expiry after review.',
  since: '2018-10',
  waivable: false,
  fixable: false,
  inferred: true,
  cases: [
    {
      name: 'expired',
      input: { compose, now: '2026-02-01T00:00:00Z', waivers: 'waivers:\n  - id: FW-1\n    rule: port-firewall-class\n    reason: Requested RITM0012345\n    expires: 2026-01-31\n' },
      expect: [{ path: '/waivers/0/expires' }],
    },
    {
      name: 'valid until the end of the day',
      input: { compose, now: '2026-01-31T23:00:00Z', waivers: 'waivers:\n  - id: FW-1\n    rule: port-firewall-class\n    reason: Requested RITM0012345\n    expires: 2026-01-31\n' },
      expect: [],
    },
  ],
  check(ctx) {
    return ctx.waivers
      .filter((w) => w.expiresAt < ctx.now)
      .map((w) => ({
        input: 'waivers' as const,
        path: pointer(w.path, 'expires'),
        message: `Waiver ${w.id} expired ${w.expires}; ${w.ruleId} findings count again. Fix them or renew the waiver after review.`,
        details: { waiverId: w.id, ruleId: w.ruleId },
      }));
  },
});
