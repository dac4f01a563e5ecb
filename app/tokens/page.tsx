import type { Metadata } from 'next';
import { TokenManager } from '@/components/tokens/token-manager';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import { requireUser } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { listVisibleStacks } from '@/lib/stacks/visible-stacks';
import { listTokens } from '@/lib/tokens/token-actions';

export const metadata: Metadata = { title: 'API tokens' };

/** The stacks a token may be limited to; none when Rancher does not answer (a token for all still works). */
async function stackChoices(user: SessionUser) {
  try {
    const { stacks } = await listVisibleStacks(rancherBackend(), user);
    return stacks.map((s) => ({ id: s.id, name: s.name, environmentName: s.environment.name }));
  } catch {
    return null;
  }
}

export default async function TokensPage() {
  const user = await requireUser('/tokens');
  const [stacks, tokens] = await Promise.all([stackChoices(user), listTokens(await getAuditStore(), user, user.isStaff)]);
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Personal tokens let scripts and CI jobs act as you on the portal’s API, limited to the stacks and rights you choose. Treat each like a
          password: anyone holding it can do what it allows until it expires or you revoke it.
        </p>
        {stacks === null ? (
          <p role="status" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
            Rancher did not answer, so your stacks cannot be listed: a token for all of them can still be made.
          </p>
        ) : null}
      </div>
      <TokenManager initial={{ tokens }} everyone={user.isStaff} stacks={stacks ?? []} />
    </section>
  );
}
