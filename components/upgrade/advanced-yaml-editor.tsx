'use client';

import { useId, useState } from 'react';
import { advancedFields } from '@/lib/domain/upgrade/advanced-yaml';
import type { Issues } from '@/lib/domain/upgrade/group-issues';
import { FieldIssues } from './field-issues';
import { buttonClass, inputClass, sectionClass } from './form-styles';

/**
 * The launchConfig fields without a field of their own (command, user, capabilities, volumes, ports…)
 * as YAML. Parse errors carry their line; findings about these fields show below, even while the
 * editor is folded, and open it.
 */
export function AdvancedYamlEditor({ text, onChange, issues }: { text: string; onChange: (text: string) => void; issues: Issues }) {
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const hasIssues = issues.problems.length > 0 || issues.findings.some((f) => f.severity !== 'info');
  const isShown = isOpen || issues.problems.length > 0;
  return (
    <section className={sectionClass} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        <button type="button" className={buttonClass} aria-expanded={isShown} aria-controls={`${id}-body`} onClick={() => setOpen(!isShown)}>
          <span aria-hidden>{isShown ? '▾ ' : '▸ '}</span>
          Advanced (YAML)
        </button>
      </h3>
      <div id={`${id}-body`} hidden={!isShown} className="space-y-2">
        <label htmlFor={`${id}-yaml`} className="block text-xs text-slate-700 dark:text-slate-300">
          Launch configuration fields, as YAML: {advancedFields.join(', ')}. Remove a line to unset its field.
        </label>
        <textarea
          id={`${id}-yaml`}
          rows={Math.min(20, Math.max(6, text.split('\n').length + 1))}
          className={`${inputClass} font-mono`}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={issues.problems.length > 0 || undefined}
          aria-describedby={hasIssues ? `${id}-issues` : undefined}
          spellCheck={false}
        />
      </div>
      <FieldIssues id={`${id}-issues`} issues={issues} />
    </section>
  );
}
