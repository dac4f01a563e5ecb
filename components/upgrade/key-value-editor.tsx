'use client';

import { useId, useState } from 'react';
import { isSecretName } from '@/lib/domain/audit/redact-secrets';
import { parseEnvPaste } from '@/lib/domain/upgrade/env-paste';
import type { FormField } from '@/lib/domain/upgrade/form-field';
import { noIssues, type Issues } from '@/lib/domain/upgrade/group-issues';
import { newRowId, type KeyValueRow } from '@/lib/domain/upgrade/upgrade-form-state';
import { FieldIssues } from './field-issues';
import { sectionClass } from './form-styles';
import { Button } from '@/components/ui/button';
import { Field, Input, Textarea } from '@/components/ui/field';

interface KeyValueEditorProps {
  kind: 'variable' | 'label';
  legend: string;
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  issuesOf: (field: FormField) => Issues;
}

function RowEditor({ kind, position, row, onChange, onRemove, issues }: { kind: KeyValueEditorProps['kind']; position: number; row: KeyValueRow; onChange: (row: KeyValueRow) => void; onRemove: () => void; issues: Issues }) {
  const id = useId();
  const [isRevealed, setRevealed] = useState(false);
  const name = row.name.trim();
  const isSecret = kind === 'variable' && name !== '' && isSecretName(name);
  const hasIssues = issues.findings.length > 0 || issues.problems.length > 0;
  const describedBy = [isSecret ? `${id}-secret` : '', hasIssues ? `${id}-issues` : ''].filter(Boolean).join(' ') || undefined;
  // A variable's group is named by the variable. A label's is named by its position: Rancher's label
  // keys (io.rancher.container.pull_image) would otherwise also answer to the name of the Image field.
  const groupName = kind === 'variable' ? name || 'New variable' : `Label ${position}`;
  return (
    <div role="group" aria-label={groupName} className="space-y-1">
      <div className="flex flex-wrap items-end gap-2">
        <Field id={`${id}-name`} label="Name" className="min-w-40 flex-1">
          {(control) => <Input {...control} className="block w-full font-mono" value={row.name} onChange={(e) => onChange({ ...row, name: e.target.value })} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field
          id={`${id}-value`}
          label="Value"
          className="min-w-48 flex-[2]"
          describedBy={describedBy}
          isInvalid={issues.problems.length > 0 || issues.findings.some((f) => f.severity === 'error')}
        >
          {(control) => (
            <Input
              {...control}
              className="block w-full font-mono"
              type={isSecret && !isRevealed ? 'password' : 'text'}
              value={row.value}
              onChange={(e) => onChange({ ...row, value: e.target.value })}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        {isSecret ? (
          <Button aria-pressed={isRevealed} onClick={() => setRevealed(!isRevealed)}>
            {isRevealed ? 'Hide' : 'Show'}
          </Button>
        ) : null}
        <Button onClick={onRemove} aria-label={`Remove ${kind === 'variable' ? name || 'new variable' : groupName.toLowerCase()}`}>
          Remove
        </Button>
      </div>
      {isSecret ? (
        <p id={`${id}-secret`} className="text-xs text-amber-900 dark:text-amber-200">
          <span aria-hidden>▲ </span>
          {name} looks like a secret. Anyone who can read this service&apos;s configuration sees its value: store it as a Rancher secret and set{' '}
          <code>{name}_FILE=/run/secrets/&lt;secret name&gt;</code> instead.
        </p>
      ) : null}
      <FieldIssues id={`${id}-issues`} issues={issues} />
    </div>
  );
}

function PasteBox({ rows, onChange }: { rows: KeyValueRow[]; onChange: (rows: KeyValueRow[]) => void }) {
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  function add() {
    const { entries, errors: bad } = parseEnvPaste(text);
    const next = [...rows];
    for (const entry of entries) {
      const at = next.findIndex((r) => r.name.trim() === entry.name);
      if (at >= 0) next[at] = { ...next[at]!, value: entry.value };
      else next.push({ id: newRowId(), ...entry });
    }
    onChange(next);
    setErrors(bad.map((e) => e.message));
    if (bad.length === 0) {
      setText('');
      setOpen(false);
    }
  }

  return (
    <div className="space-y-2">
      <Button aria-expanded={isOpen} aria-controls={`${id}-paste`} onClick={() => setOpen(!isOpen)}>
        Paste KEY=value lines
      </Button>
      <div id={`${id}-paste`} hidden={!isOpen} className="space-y-2">
        <Field id={`${id}-text`} label="KEY=value lines (one per line; # comments and export are ignored)">
          {(control) => <Textarea {...control} rows={4} className="block w-full font-mono" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />}
        </Field>
        <Button onClick={add} disabled={text.trim() === ''}>
          Add these variables
        </Button>
        {errors.length > 0 ? (
          <ul role="alert" className="text-sm text-red-800 dark:text-red-300">
            {errors.map((e) => (
              <li key={e}>{e}; the other lines were added.</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Rows of name and value (environment variables or labels): add, edit, remove, and for variables a bulk
 * paste of `KEY=value` lines. A variable whose name looks secret has its value masked and says to use
 * a Rancher secret. Findings show under the row they are about.
 */
export function KeyValueEditor({ kind, legend, rows, onChange, issuesOf }: KeyValueEditorProps) {
  const section: FormField = kind === 'variable' ? 'env' : 'labels';
  const prefix = kind === 'variable' ? 'env' : 'label';
  const update = (index: number, row: KeyValueRow) => onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <fieldset className={sectionClass}>
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {rows.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">None.</p> : null}
      {rows.map((row, index) => (
        <RowEditor
          key={row.id}
          kind={kind}
          position={index + 1}
          row={row}
          onChange={(next) => update(index, next)}
          onRemove={() => onChange(rows.filter((r) => r.id !== row.id))}
          issues={row.name.trim() === '' ? noIssues : issuesOf(`${prefix}:${row.name.trim()}`)}
        />
      ))}
      <FieldIssues issues={issuesOf(section)} />
      <div className="flex flex-wrap items-start gap-2">
        <Button onClick={() => onChange([...rows, { id: newRowId(), name: '', value: '' }])}>
          {kind === 'variable' ? 'Add variable' : 'Add label'}
        </Button>
        {kind === 'variable' ? <PasteBox rows={rows} onChange={onChange} /> : null}
      </div>
    </fieldset>
  );
}
