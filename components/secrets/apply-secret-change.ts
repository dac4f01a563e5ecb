import type { SecretChange } from '@/lib/domain/secrets/stack-secrets';
import { newRowId, type UpgradeFormState } from '@/lib/domain/upgrade/upgrade-form-state';

/** The form after a proposed secret change: variables set or dropped as the change says, and its mounts. */
export function applySecretChange(form: UpgradeFormState, change: SecretChange): UpgradeFormState {
  const envChange = change.environment ?? {};
  const env = form.env.filter((row) => !(row.name.trim() in envChange));
  for (const [name, value] of Object.entries(envChange)) if (value !== null) env.push({ id: newRowId(), name, value });
  const secrets = change.secrets.map((m) => ({ id: newRowId(), secretId: m.secretId, name: m.name, uid: m.uid ?? '', gid: m.gid ?? '', mode: m.mode ?? '' }));
  return { ...form, env, secrets };
}

/** The variables the running service holds that `secret-not-in-env` flags: those the server can move as they are. */
export function movableVariables(findings: readonly { ruleId: string; path: string }[], current: Record<string, unknown>, form: UpgradeFormState): string[] {
  const env = (typeof current.environment === 'object' && current.environment !== null ? current.environment : {}) as Record<string, unknown>;
  return findings.flatMap((f) => {
    const key = f.ruleId === 'secret-not-in-env' ? /^\/proposed\/environment\/(.+)$/.exec(f.path)?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
    if (!key || typeof env[key] !== 'string') return [];
    return form.env.some((row) => row.name.trim() === key && row.value === env[key]) ? [key] : [];
  });
}
