'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useCreateToken } from '@/lib/client/queries/use-tokens';
import { rights, type Right } from '@/lib/domain/access/rights';
import { createTokenInput, maxTokenDays, maxTokenNameLength, type CreatedToken } from '@/lib/domain/tokens/token-schemas';

/** A stack the token may be limited to. */
export interface TokenStackChoice {
  id: string;
  name: string;
  environmentName: string;
}

const rightHelp: Record<Right, string> = {
  view: 'see the stack and its activity (always included)',
  logs: 'read container logs',
  operate: 'stop, start and restart',
  upgrade: 'upgrade, finish and roll back',
  shell: 'open a shell in a container',
};

function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}

const checkboxClasses = 'h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600 dark:border-slate-600 dark:bg-slate-900';

/** Name, expiry, and optionally some stacks and rights only; the same schema as the server checks it. */
export function CreateTokenForm({ stacks, onCreated }: { stacks: readonly TokenStackChoice[]; onCreated: (created: CreatedToken) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [days, setDays] = useState('30');
  const [isLimitedToStacks, setIsLimitedToStacks] = useState(false);
  const [chosenStacks, setChosenStacks] = useState<ReadonlySet<string>>(new Set());
  const [isLimitedToRights, setIsLimitedToRights] = useState(false);
  const [chosenRights, setChosenRights] = useState<ReadonlySet<Right>>(new Set(['view']));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createTokenInput.safeParse({
      name,
      expiresInDays: Number(days),
      stackIds: isLimitedToStacks ? [...chosenStacks] : undefined,
      rights: isLimitedToRights ? [...chosenRights] : undefined,
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? 'name'), issue.message])));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (created) => {
        setName('');
        onCreated(created);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800" aria-label="New API token">
      <h2 className="text-lg font-semibold">New token</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" description="What uses it, e.g. “GitLab deploy of foo”." error={errors.name}>
          {(control) => <Input {...control} value={name} maxLength={maxTokenNameLength} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Expires after (days)" description={`1 to ${maxTokenDays}.`} error={errors.expiresInDays}>
          {(control) => <Input {...control} type="number" min={1} max={maxTokenDays} step={1} value={days} onChange={(e) => setDays(e.target.value)} />}
        </Field>
      </div>

      <fieldset className="space-y-2" aria-describedby={errors.stackIds ? 'token-stacks-error' : undefined}>
        <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">Stacks</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className={checkboxClasses} checked={isLimitedToStacks} onChange={(e) => setIsLimitedToStacks(e.target.checked)} />
          Only some of my stacks
        </label>
        {isLimitedToStacks ? (
          <ul className="grid gap-1 pl-6 sm:grid-cols-2" aria-label="Stacks the token may reach">
            {stacks.map((stack) => (
              <li key={stack.id}>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" className={checkboxClasses} checked={chosenStacks.has(stack.id)} onChange={() => setChosenStacks((s) => toggled(s, stack.id))} />
                  {stack.name} <span className="text-xs text-slate-500 dark:text-slate-400">({stack.environmentName})</span>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {errors.stackIds ? (
          <p id="token-stacks-error" className="text-xs text-red-700 dark:text-red-400">
            {errors.stackIds}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="space-y-2" aria-describedby={errors.rights ? 'token-rights-error' : undefined}>
        <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">Rights</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className={checkboxClasses} checked={isLimitedToRights} onChange={(e) => setIsLimitedToRights(e.target.checked)} />
          Only some rights
        </label>
        {isLimitedToRights ? (
          <ul className="space-y-1 pl-6" aria-label="Rights the token holds">
            {rights.map((right) => (
              <li key={right}>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className={checkboxClasses}
                    checked={right === 'view' || chosenRights.has(right)}
                    disabled={right === 'view'}
                    onChange={() => setChosenRights((r) => toggled(r, right))}
                  />
                  <span className="font-medium">{right}</span> <span className="text-xs text-slate-600 dark:text-slate-400">{rightHelp[right]}</span>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {errors.rights ? (
          <p id="token-rights-error" className="text-xs text-red-700 dark:text-red-400">
            {errors.rights}
          </p>
        ) : null}
      </fieldset>

      {create.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {create.error.message}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create token'}
      </Button>
    </form>
  );
}
