'use client';

import type { SecretView } from '@/lib/domain/secrets/stack-secrets';
import type { Issues } from '@/lib/domain/upgrade/group-issues';
import { newRowId, type SecretMountRow } from '@/lib/domain/upgrade/upgrade-form-state';
import { FieldIssues } from '@/components/upgrade/field-issues';
import { sectionClass } from '@/components/upgrade/form-styles';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

/**
 * The upgrade form's secret mounts: only this stack's secrets are offered, the file defaults to the
 * secret's file name and the mode to 0400; uid and gid let a non-root service read its file.
 */
export function SecretMountsEditor({ rows, secrets, onChange, issues }: { rows: SecretMountRow[]; secrets: readonly SecretView[]; onChange: (rows: SecretMountRow[]) => void; issues: Issues }) {
  const update = (id: string, patch: Partial<SecretMountRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const nameOf = (secretId: string) => secrets.find((s) => s.id === secretId)?.name;
  return (
    <fieldset className={sectionClass} aria-describedby={issues.findings.length + issues.problems.length > 0 ? 'secret-mount-issues' : undefined}>
      <legend className="px-1 text-sm font-semibold">Secrets</legend>
      {rows.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No secret is mounted.</p> : null}
      {rows.map((row) => {
        const known = nameOf(row.secretId);
        return (
          <div key={row.id} role="group" aria-label={`Secret mount ${row.name || 'new'}`} className="flex flex-wrap items-end gap-2">
            <Field label="Secret" className="min-w-60 flex-1">
              {(control) => (
                <Select
                  {...control}
                  className="w-full font-mono"
                  value={row.secretId}
                  onChange={(e) => {
                    const chosen = secrets.find((s) => s.id === e.target.value);
                    update(row.id, { secretId: e.target.value, ...(chosen ? { name: chosen.filename } : {}) });
                  }}
                >
                  <option value="">Choose a secret…</option>
                  {row.secretId && !known ? <option value={row.secretId}>{row.secretId} (not a secret of this stack)</option> : null}
                  {secrets.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="File under /run/secrets">
              {(control) => <Input {...control} className="font-mono" value={row.name} onChange={(e) => update(row.id, { name: e.target.value })} />}
            </Field>
            <Field label="Mode">
              {(control) => <Input {...control} className="w-20 font-mono" value={row.mode} onChange={(e) => update(row.id, { mode: e.target.value })} />}
            </Field>
            <Field label="uid">
              {(control) => <Input {...control} className="w-20 font-mono" inputMode="numeric" value={row.uid} onChange={(e) => update(row.id, { uid: e.target.value })} />}
            </Field>
            <Field label="gid">
              {(control) => <Input {...control} className="w-20 font-mono" inputMode="numeric" value={row.gid} onChange={(e) => update(row.id, { gid: e.target.value })} />}
            </Field>
            <Button onClick={() => onChange(rows.filter((r) => r.id !== row.id))} aria-label={`Remove the mount of ${known ?? (row.name || 'this secret')}`}>
              Remove
            </Button>
          </div>
        );
      })}
      <Button onClick={() => onChange([...rows, { id: newRowId(), secretId: '', name: '', uid: '', gid: '', mode: '0400' }])} disabled={secrets.length === 0}>
        Add a secret
      </Button>
      {secrets.length === 0 ? <p className="text-xs text-slate-600 dark:text-slate-400">Create a secret in the stack’s Secrets section first.</p> : null}
      <FieldIssues id="secret-mount-issues" issues={issues} />
    </fieldset>
  );
}
