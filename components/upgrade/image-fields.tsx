'use client';

import { useId } from 'react';
import type { Issues } from '@/lib/domain/upgrade/group-issues';
import { FieldIssues } from './field-issues';
import { sectionClass } from './form-styles';
import { Field, Input } from '@/components/ui/field';

/** Image and tag, with what runs now beside them; image findings (registry, `:latest`) show below. */
export function ImageFields({
  image,
  tag,
  currentImage,
  onChange,
  imageIssues,
  tagIssues,
}: {
  image: string;
  tag: string;
  currentImage: string;
  onChange: (parts: { image: string; tag: string }) => void;
  imageIssues: Issues;
  tagIssues: Issues;
}) {
  const id = useId();
  const isBad = (issues: Issues) => issues.problems.length > 0 || issues.findings.some((f) => f.severity === 'error') || undefined;
  // Only ids that exist: FieldIssues renders nothing when a field is clean.
  const hasAny = (issues: Issues) => issues.problems.length > 0 || issues.findings.length > 0;
  const imageNote = hasAny(imageIssues) ? `${id}-image-issues` : '';
  const tagNote = [hasAny(tagIssues) ? `${id}-tag-issues` : '', imageNote].filter(Boolean).join(' ');
  return (
    <fieldset className={sectionClass}>
      <legend className="px-1 text-sm font-semibold">Image</legend>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Running now: <code className="font-mono">{currentImage || 'no image'}</code>
      </p>
      <div className="flex flex-wrap gap-3">
        <Field id={`${id}-image`} label="Image" className="min-w-64 flex-[3]" describedBy={imageNote || undefined} isInvalid={isBad(imageIssues)}>
          {(control) => <Input {...control} className="block w-full font-mono" value={image} onChange={(e) => onChange({ image: e.target.value, tag })} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field id={`${id}-tag`} label="Tag" className="min-w-32 flex-1" describedBy={tagNote || undefined} isInvalid={isBad(tagIssues) ?? isBad(imageIssues)}>
          {(control) => (
            <Input {...control} className="block w-full font-mono" value={tag} onChange={(e) => onChange({ image, tag: e.target.value })} placeholder="latest" autoComplete="off" spellCheck={false} />
          )}
        </Field>
      </div>
      <FieldIssues id={`${id}-tag-issues`} issues={tagIssues} />
      <FieldIssues id={`${id}-image-issues`} issues={imageIssues} />
    </fieldset>
  );
}
