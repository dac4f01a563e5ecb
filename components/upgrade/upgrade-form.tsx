'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { upgradeDiff } from '@/lib/domain/audit/upgrade-diff';
import type { UpgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import { buildUpgrade } from '@/lib/domain/upgrade/build-upgrade';
import { findRule } from '@/lib/domain/policy/rules/index';
import { checkProposed, type UpgradeContext } from '@/lib/domain/upgrade/check-proposed';
import { describeRollout } from '@/lib/domain/upgrade/describe-rollout';
import type { FormField } from '@/lib/domain/upgrade/form-field';
import { groupIssues, noIssues } from '@/lib/domain/upgrade/group-issues';
import { joinImage, splitImage } from '@/lib/domain/upgrade/image-parts';
import { formStateFrom, type UpgradeFormState } from '@/lib/domain/upgrade/upgrade-form-state';
import { AdvancedYamlEditor } from './advanced-yaml-editor';
import { FieldIssues } from './field-issues';
import { ImageFields } from './image-fields';
import { KeyValueEditor } from './key-value-editor';
import { RolloutOptions } from './rollout-options';
import { UpgradePreview } from './upgrade-preview';
import { useDebouncedValue } from './use-debounced-value';
import { Button } from '@/components/ui/button';
import { applySecretChange, movableVariables } from '@/components/secrets/apply-secret-change';
import { MoveToSecretOffers } from '@/components/secrets/move-to-secret';
import { SecretMountsEditor } from '@/components/secrets/secret-mounts-editor';
import type { SecretView } from '@/lib/domain/secrets/stack-secrets';

function findingKey(f: { ruleId: string; path: string; message: string }): string {
  return `${f.ruleId} ${f.path} ${f.message}`;
}

/** The policy check waits this long after the last keystroke (ux.md U3: findings as the user types). */
const checkDelayMs = 150;

function blockReason({ hasInput, isUnchanged, isChecking, isPreviewing, errors, needsAck }: { hasInput: boolean; isUnchanged: boolean; isChecking: boolean; isPreviewing: boolean; errors: number; needsAck: boolean }): string | null {
  if (isUnchanged) return 'Change a field first (or use Redeploy to pull the same image again).';
  if (!hasInput) return 'Fix the problems marked above first.';
  if (isChecking) return 'Checking against Spin policy…';
  if (errors > 0) return `Spin policy blocks this upgrade: fix the ${errors === 1 ? 'error' : `${errors} errors`} marked above.`;
  if (!isPreviewing) return 'Preview the change first.';
  if (needsAck) return 'Tick "I understand the warnings" to go on.';
  return null;
}

/**
 * The upgrade form: image and tag, environment, labels, advanced YAML and rollout. Policy findings are
 * computed as the user types and shown by the field at fault; Preview shows the diff, and only then does
 * Upgrade post, when no error remains and any warning was acknowledged.
 */
export function UpgradeForm({
  current,
  startFrom = current,
  context,
  scale,
  isSending,
  onUpgrade,
  stackSecrets,
}: {
  current: Record<string, unknown>;
  /** The configuration the form opens with: the current one, or an earlier one to revert to. */
  startFrom?: Record<string, unknown>;
  context: UpgradeContext;
  scale: number;
  isSending: boolean;
  onUpgrade: (input: UpgradeInput) => void;
  /** The stack's secrets, to mount and to move credentials into; without it the form has no secrets section. */
  stackSecrets?: { stackId: string; serviceId: string; secrets: readonly SecretView[] };
}) {
  const id = useId();
  const [form, setForm] = useState<UpgradeFormState>(() => formStateFrom(startFrom));
  const [isPreviewing, setPreviewing] = useState(false);
  const [previewRequests, setPreviewRequests] = useState(0);
  const [acknowledged, setAcknowledged] = useState<string | null>(null);
  const [acceptsNodeAccess, setAcceptsNodeAccess] = useState(false);
  const previewRef = useRef<HTMLElement>(null);
  const edit = (patch: Partial<UpgradeFormState>) => setForm((old) => ({ ...old, ...patch }));

  const built = useMemo(() => buildUpgrade(current, form), [current, form]);
  const checked = useDebouncedValue(built.proposed, checkDelayMs);
  const policy = useMemo(() => checkProposed({ ...context, staffAcknowledged: acceptsNodeAccess }, current, checked), [context, acceptsNodeAccess, current, checked]);
  const isChecking = checked !== built.proposed;
  const findings = useMemo(() => (built.hasChange ? policy.findings : []), [built.hasChange, policy.findings]);
  // What the current configuration already gets ("Port 60000 is public" on an edit of the env) is not
  // news: it is listed apart, and only errors stay by their field (they block whatever their age).
  const before = useMemo(() => new Set(checkProposed({ ...context, staffAcknowledged: acceptsNodeAccess }, current, current).findings.map(findingKey)), [context, acceptsNodeAccess, current]);
  const isExisting = (f: (typeof findings)[number]) => f.severity !== 'error' && before.has(findingKey(f));
  const unchanged = findings.filter(isExisting);
  const fresh = findings.filter((f) => !isExisting(f));

  const shown = useMemo(() => {
    const fields = new Set<FormField>(['image', 'tag', 'env', 'labels', 'advanced', 'rollout', ...(stackSecrets ? (['secrets'] as const) : [])]);
    for (const row of form.env) if (row.name.trim()) fields.add(`env:${row.name.trim()}`);
    for (const row of form.labels) if (row.name.trim()) fields.add(`label:${row.name.trim()}`);
    return fields;
  }, [form.env, form.labels, stackSecrets]);
  const issues = useMemo(() => groupIssues(fresh, built.problems, shown), [fresh, built.problems, shown]);
  const issuesOf = (field: FormField) => issues.get(field) ?? noIssues;

  const warnings = findings.filter((f) => f.severity === 'warning');
  const warningKey = warnings.map((f) => `${f.ruleId} ${f.path}`).sort().join('|');
  const isAcknowledged = warnings.length === 0 || acknowledged === warningKey;
  const errors = built.hasChange ? policy.summary.errors : 0;
  // Staff may take on node-level access an owner never can; the server checks the role again and records it.
  const offersNodeAccess = context.actorRole === 'staff' && (acceptsNodeAccess || findings.some((f) => f.severity === 'error' && findRule(f.ruleId)?.staffMayAccept));
  const reason = blockReason({ hasInput: built.input !== null, isUnchanged: built.isUnchanged, isChecking, isPreviewing, errors, needsAck: !isAcknowledged });
  const changes = useMemo(() => (isPreviewing ? upgradeDiff(current, built.proposed) : []), [isPreviewing, current, built.proposed]);

  useEffect(() => {
    if (previewRequests > 0) previewRef.current?.focus();
  }, [previewRequests]);

  const currentImage = joinImage(splitImage(typeof current.imageUuid === 'string' ? current.imageUuid : ''));
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (reason === null && built.input && !isSending) onUpgrade(acceptsNodeAccess ? { ...built.input, acknowledgeNodeAccess: true } : built.input);
      }}
    >
      <ImageFields image={form.image} tag={form.tag} currentImage={currentImage} onChange={edit} imageIssues={issuesOf('image')} tagIssues={issuesOf('tag')} />
      <KeyValueEditor kind="variable" legend="Environment variables" rows={form.env} onChange={(env) => edit({ env })} issuesOf={issuesOf} />
      {stackSecrets ? (
        <MoveToSecretOffers
          stackId={stackSecrets.stackId}
          serviceId={stackSecrets.serviceId}
          variables={movableVariables(policy.findings, current, form)}
          onMoved={(moved) => {
            setForm((old) => applySecretChange(old, moved.change));
            setPreviewing(true);
            setPreviewRequests((n) => n + 1);
          }}
        />
      ) : null}
      <KeyValueEditor kind="label" legend="Labels" rows={form.labels} onChange={(labels) => edit({ labels })} issuesOf={issuesOf} />
      {stackSecrets ? <SecretMountsEditor rows={form.secrets} secrets={stackSecrets.secrets} onChange={(secrets) => edit({ secrets })} issues={issuesOf('secrets')} /> : null}
      <AdvancedYamlEditor text={form.advanced} onChange={(advanced) => edit({ advanced })} issues={issuesOf('advanced')} />
      <RolloutOptions value={form} onChange={edit} issues={issuesOf('rollout')} />
      <FieldIssues issues={issuesOf('general')} />
      {unchanged.length > 0 ? (
        <details className="text-sm" data-testid="unchanged-findings">
          <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
            {unchanged.length === 1 ? '1 finding' : `${unchanged.length} findings`} about settings this edit does not change
          </summary>
          <FieldIssues issues={{ findings: unchanged, problems: [] }} />
        </details>
      ) : null}

      {isPreviewing && built.input ? <UpgradePreview ref={previewRef} changes={changes} summary={policy.summary} rollout={describeRollout(built.input, scale)} /> : null}

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
        <Button
          disabled={built.input === null}
          onClick={() => {
            setPreviewing(true);
            setPreviewRequests((n) => n + 1);
          }}
        >
          Preview
        </Button>
        {offersNodeAccess ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" checked={acceptsNodeAccess} onChange={(e) => setAcceptsNodeAccess(e.target.checked)} />
            As Spin staff, I accept the node-level access marked above
          </label>
        ) : null}
        {warnings.length > 0 ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" checked={isAcknowledged} onChange={(e) => setAcknowledged(e.target.checked ? warningKey : null)} />I understand the warnings
          </label>
        ) : null}
        <Button type="submit" variant="primary" disabled={reason !== null || isSending} aria-describedby={reason ? `${id}-reason` : undefined}>
          Upgrade
        </Button>
        <Button
          disabled={built.isUnchanged}
          onClick={() => {
            setForm(formStateFrom(current));
            setPreviewing(false);
          }}
        >
          Discard changes
        </Button>
        {reason ? (
          <p id={`${id}-reason`} className="text-sm text-slate-700 dark:text-slate-300">
            {reason}
          </p>
        ) : null}
      </div>
    </form>
  );
}
