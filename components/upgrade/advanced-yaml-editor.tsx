'use client';

import { useId, useState } from 'react';
import { advancedFields } from '@/lib/domain/upgrade/advanced-yaml';
import type { Issues } from '@/lib/domain/upgrade/group-issues';
import { FieldIssues } from './field-issues';
import { sectionClass } from './form-styles';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';

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
        <Button aria-expanded={isShown} aria-controls={`${id}-body`} onClick={() => setOpen(!isShown)}>
          <span aria-hidden>{isShown ? '▾ ' : '▸ '}</span>
          Advanced (YAML)
        </Button>
      </h3>
      <div id={`${id}-body`} hidden={!isShown} className="space-y-2">
        <Field
          id={`${id}-yaml`}
          label={`Launch configuration fields, as YAML: ${advancedFields.join(', ')}. Remove a line to unset its field.`}
          labelClassName="font-normal"
          describedBy={hasIssues ? `${id}-issues` : undefined}
          isInvalid={issues.problems.length > 0}
        >
          {(control) => (
            <Textarea {...control} rows={Math.min(20, Math.max(6, text.split('\n').length + 1))} className="block w-full font-mono" value={text} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
          )}
        </Field>
      </div>
      <FieldIssues id={`${id}-issues`} issues={issues} />
    </section>
  );
}
