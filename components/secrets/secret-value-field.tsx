'use client';

import { useId, useState } from 'react';
import { maxSecretValueBytes } from '@/lib/domain/secrets/stack-secrets';
import { Label, Textarea } from '@/components/ui/field';

/** Bytes of the value as UTF-8, as the server counts them. */
const byteLength = (text: string) => new TextEncoder().encode(text).length;

/**
 * A secret value: typed or pasted (never echoed elsewhere on the page), or read from a file the browser
 * opens. The value lives in this field's state only until it is sent.
 */
export function SecretValueField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const size = byteLength(value);
  const tooBig = size > maxSecretValueBytes;
  const problem = fileProblem ?? (tooBig ? `At most 64 KiB; this value has ${size} bytes.` : null);
  return (
    <div className="space-y-1">
      <Label htmlFor={`${id}-value`}>{label}</Label>
      <Textarea
        id={`${id}-value`}
        value={value}
        rows={3}
        autoComplete="off"
        spellCheck={false}
        className="w-full font-mono [-webkit-text-security:disc]"
        aria-describedby={`${id}-help${problem ? ` ${id}-problem` : ''}`}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => {
          setFileProblem(null);
          onChange(e.target.value);
        }}
      />
      <p id={`${id}-help`} className="text-xs text-slate-600 dark:text-slate-400">
        Typed characters are masked; the value is sent once to Rancher and never shown again.{' '}
        <label className="underline">
          Or read it from a file
          <input
            type="file"
            className="sr-only"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              if (file.size > maxSecretValueBytes) return setFileProblem(`${file.name} is over 64 KiB.`);
              setFileProblem(null);
              onChange(await file.text());
            }}
          />
        </label>
      </p>
      {problem ? (
        <p id={`${id}-problem`} className="text-xs text-red-700 dark:text-red-400">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export function isSendableValue(value: string): boolean {
  return value.length > 0 && byteLength(value) <= maxSecretValueBytes;
}
