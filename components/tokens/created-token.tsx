'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { copyText } from '@/components/shell/copy-text';
import type { CreatedToken } from '@/lib/domain/tokens/token-schemas';

/** One secret value with its own Copy button, which says when the copy worked. */
function CopyableValue({ label, value }: { label: string; value: string }) {
  const labelId = useId();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => setCopyState((await copyText(value)) ? 'copied' : 'failed');
  return (
    <div className="space-y-1">
      <span id={labelId} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </span>
      <div className="flex items-center gap-2">
        <code aria-labelledby={labelId} className="min-w-0 flex-1 break-all rounded-md bg-slate-100 px-2 py-1.5 font-mono text-xs text-slate-900 dark:bg-slate-900 dark:text-slate-100">
          {value}
        </code>
        <Button size="sm" aria-label={`Copy ${label}`} onClick={() => void copy()}>
          {copyState === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {copyState === 'failed' ? 'The browser would not copy: select the text and copy it yourself.' : ''}
      </span>
    </div>
  );
}

/**
 * The one time a token's secret is shown: the token for `Authorization: Bearer`, and the same secret as
 * the access and secret key pair the `rancher` CLI asks for. Leaving it forgets the secret for good.
 */
export function CreatedTokenNotice({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950/40">
      <div>
        <h2 id={headingId} className="text-lg font-semibold">
          Token “{created.name}” created
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Copy it now: the portal shows it only this once and keeps only a fingerprint of it. It expires on {created.expiresAt.slice(0, 10)}.
        </p>
      </div>
      <CopyableValue label="API token" value={created.token} />
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Send it as <code className="font-mono text-xs">Authorization: Bearer …</code>, or set it as <code className="font-mono text-xs">SPIN_PORTAL_TOKEN</code> for{' '}
        <code className="font-mono text-xs">spin-portal</code>. The <code className="font-mono text-xs">rancher</code> CLI takes it as a key pair:
      </p>
      <CopyableValue label="Access key" value={created.accessKey} />
      <CopyableValue label="Secret key" value={created.secretKey} />
      <Button variant="primary" onClick={onDone}>
        I have copied it
      </Button>
    </section>
  );
}
