'use client';

import { useState } from 'react';
import type { SecretView } from '@/lib/domain/secrets/stack-secrets';
import type { StackView } from '@/lib/domain/stacks/stack-schemas';
import { RelativeTime } from '@/components/stacks/relative-time';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { CreateSecretForm } from './create-secret-form';
import { RotationPanel } from './rotation-panel';
import { isSendableValue, SecretValueField } from './secret-value-field';
import type { ReplacedSecret } from '@/lib/domain/secrets/stack-secrets';
import { useRemoveSecret, useReplaceSecret, useStackSecrets } from './use-stack-secrets';

/**
 * The stack page's Secrets section: the stack's Rancher secrets (never a value) and who mounts each;
 * with the `upgrade` right, create, replace the value of, and remove them.
 */
export function StackSecretsSection({ stack, viewerUid }: { stack: StackView; viewerUid: string }) {
  const secrets = useStackSecrets(stack.id);
  const remove = useRemoveSecret(stack.id);
  const replace = useReplaceSecret(stack.id);
  const [removing, setRemoving] = useState<SecretView | null>(null);
  const [replacing, setReplacing] = useState<SecretView | null>(null);
  const [newValue, setNewValue] = useState('');
  const [rotation, setRotation] = useState<ReplacedSecret | null>(null);
  const canChange = stack.rights.includes('upgrade');
  const error = secrets.error ?? remove.error ?? replace.error;

  return (
    <section aria-labelledby="secrets-heading" className="space-y-3">
      <h2 id="secrets-heading" className="text-lg font-semibold">
        Secrets
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Rancher secrets named <span className="font-mono">&lt;service&gt;.{stack.name}.&lt;file&gt;</span> or <span className="font-mono">{stack.name}.&lt;file&gt;</span>, mounted as files under /run/secrets.
      </p>
      {secrets.data && secrets.data.length > 0 ? (
        <Table className="rounded-md border border-slate-200 dark:border-slate-800">
          <TableCaption>Secrets of {stack.name}</TableCaption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Description</TableHeaderCell>
              <TableHeaderCell>Created</TableHeaderCell>
              <TableHeaderCell>Mounted by</TableHeaderCell>
              {canChange ? <TableHeaderCell>Actions</TableHeaderCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {secrets.data.map((s) => (
              <TableRow key={s.id} data-testid={`secret-row-${s.name}`}>
                <TableCell className="font-mono">{s.name}</TableCell>
                <TableCell>{s.description ?? '—'}</TableCell>
                <TableCell>{s.created ? <RelativeTime iso={s.created} /> : '—'}</TableCell>
                <TableCell>{s.mountedBy.length > 0 ? s.mountedBy.map((m) => m.serviceName).join(', ') : 'no service'}</TableCell>
                {canChange ? (
                  <TableCell className="space-x-2 whitespace-nowrap">
                    <Button size="sm" onClick={() => setReplacing(s)} aria-label={`Replace the value of ${s.name}`}>
                      Replace value
                    </Button>
                    <Button size="sm" variant="danger" onClick={() => setRemoving(s)} aria-label={`Remove ${s.name}`}>
                      Remove
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : secrets.data ? (
        <p className="text-sm">This stack has no secrets yet.</p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
      {rotation ? (
        <RotationPanel
          stack={stack}
          rotation={rotation}
          services={stack.services}
          onRemoveOld={() => remove.mutate(rotation.replaces.id)}
          onDone={() => setRotation(null)}
        />
      ) : null}
      {canChange ? <CreateSecretForm stackId={stack.id} stackName={stack.name} services={stack.services.map((s) => s.name)} viewerUid={viewerUid} /> : null}

      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? 'the secret'}?`}
        confirmLabel="Remove"
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate(removing.id);
          setRemoving(null);
        }}
      >
        <p>Rancher deletes the secret. A secret still mounted by a service cannot be removed.</p>
      </ConfirmDialog>
      <Dialog
        open={replacing !== null}
        title={`Replace the value of ${replacing?.name ?? 'the secret'}`}
        onClose={() => {
          setReplacing(null);
          setNewValue('');
        }}
        footer={
          <>
            <Button onClick={() => setReplacing(null)}>Cancel</Button>
            <Button
              variant="primary"
              disabled={!isSendableValue(newValue) || replace.isPending}
              onClick={() => {
                if (!replacing) return;
                replace.mutate({ secretId: replacing.id, value: newValue }, { onSuccess: (answer) => setRotation(answer) });
                setReplacing(null);
              }}
            >
              Create new version
            </Button>
          </>
        }
      >
        <p className="mb-3 text-sm">Rancher cannot change a secret’s value: a new secret with a versioned file name is created, and the services that mount this one are upgraded to it together.</p>
        <SecretValueField label="New value" value={newValue} onChange={setNewValue} />
      </Dialog>
    </section>
  );
}
