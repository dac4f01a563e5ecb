'use client';

import { useState } from 'react';
import { SECRET_FILENAME } from '@/lib/domain/policy/secret-name';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { isSendableValue, SecretValueField } from './secret-value-field';
import { useCreateSecret } from './use-stack-secrets';

/** The stack-wide choice in the service list: the secret is named `<stack>.<filename>`. */
const wholeStack = '';

/** Create a secret: the name is built from a service (or the whole stack) and a file name, as spin-policy.md §3.5 asks. */
export function CreateSecretForm({ stackId, stackName, services, viewerUid }: { stackId: string; stackName: string; services: readonly string[]; viewerUid: string }) {
  const create = useCreateSecret(stackId);
  const [service, setService] = useState(services[0] ?? wholeStack);
  const [filename, setFilename] = useState('');
  const [value, setValue] = useState('');
  const [description, setDescription] = useState(`owner:${viewerUid}`);
  const name = `${service ? `${service}.` : ''}${stackName}.${filename}`;
  const filenameProblem = filename !== '' && !SECRET_FILENAME.test(filename) ? 'Letters, digits, `.`, `_` and `-`, starting with a letter or digit.' : undefined;
  const canSend = filename !== '' && !filenameProblem && isSendableValue(value) && !create.isPending;
  return (
    <form
      aria-label="Create a secret"
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        if (!canSend) return;
        create.mutate(
          { name, value, description },
          {
            onSuccess: () => {
              setValue('');
              setFilename('');
            },
          },
        );
      }}
    >
      <h3 className="text-sm font-semibold">Create a secret</h3>
      <div className="flex flex-wrap gap-3">
        <Field label="For service">
          {(control) => (
            <Select {...control} value={service} onChange={(e) => setService(e.target.value)}>
              {services.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
              <option value={wholeStack}>the whole stack</option>
            </Select>
          )}
        </Field>
        <Field label="File name" error={filenameProblem} description="The file under /run/secrets.">
          {(control) => <Input {...control} value={filename} placeholder="api_key" onChange={(e) => setFilename(e.target.value.trim())} />}
        </Field>
        <Field label="Description" className="min-w-60 flex-1">
          {(control) => <Input {...control} className="w-full" value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
      </div>
      <p className="text-sm">
        Name: <span className="font-mono" data-testid="new-secret-name">{name}</span>
      </p>
      <SecretValueField label="Value" value={value} onChange={setValue} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={!canSend}>
          {create.isPending ? 'Creating…' : 'Create secret'}
        </Button>
        <p role="status" className="text-sm">
          {create.isSuccess ? `Created ${create.data.name}. Mount it from a service’s Upgrade tab.` : null}
        </p>
      </div>
      {create.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}
