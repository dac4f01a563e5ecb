import 'server-only';
import { z } from 'zod';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import { pingDirectory } from '@/lib/auth/ldap-ping';
import { ldapSettingsFromEnv } from '@/lib/auth/ldap-settings';
import { env } from '@/lib/config/env';
import { rancherBackend } from '@/lib/stacks/rancher-backend';

const checkResult = z.union([z.literal('ok'), z.templateLiteral(['unavailable: ', z.string()])]);
export type CheckResult = z.infer<typeof checkResult>;

/** `GET /api/readyz`: 200 with `ready`, or 503 with `not-ready` and the check that failed. */
export const readinessAnswer = z.object({
  status: z.enum(['ready', 'not-ready']),
  checks: z.object({ rancher: checkResult, ldap: checkResult, audit: checkResult }),
});
export type ReadinessAnswer = z.infer<typeof readinessAnswer>;

const checkTimeoutMs = 5_000;

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${checkTimeoutMs / 1000} s`)), checkTimeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'ok';
  } catch (err) {
    return `unavailable: ${err instanceof Error ? err.message : 'unknown error'}`;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether everything a request may need answers: Rancher, the directory and the audit store. */
export async function readiness(): Promise<{ isReady: boolean; checks: Record<'rancher' | 'ldap' | 'audit', CheckResult> }> {
  const [rancher, ldap, audit] = await Promise.all([
    check(() => rancherBackend().ping()),
    check(() => pingDirectory(ldapSettingsFromEnv(env()))),
    check(async () => (await getAuditStore()).ping()),
  ]);
  const checks = { rancher, ldap, audit };
  return { isReady: Object.values(checks).every((c) => c === 'ok'), checks };
}
