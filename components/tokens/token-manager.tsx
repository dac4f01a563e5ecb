'use client';

import { useMemo, useState } from 'react';
import type { CreatedToken, TokenList as TokenListData } from '@/lib/domain/tokens/token-schemas';
import { CreatedTokenNotice } from './created-token';
import { CreateTokenForm, type TokenStackChoice } from './create-token-form';
import { TokenList } from './token-list';

/** The API tokens page's body: the secret of a new token (once), the form, and the list. */
export function TokenManager({ initial, everyone, stacks }: { initial: TokenListData; everyone: boolean; stacks: readonly TokenStackChoice[] }) {
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const stackNames = useMemo(() => new Map(stacks.map((s) => [s.id, s.name])), [stacks]);
  return (
    <div className="space-y-6">
      {created ? <CreatedTokenNotice created={created} onDone={() => setCreated(null)} /> : <CreateTokenForm stacks={stacks} onCreated={setCreated} />}
      <section className="space-y-2" aria-labelledby="token-list-heading">
        <h2 id="token-list-heading" className="text-lg font-semibold">
          {everyone ? 'Everyone’s tokens' : 'Your tokens'}
        </h2>
        <TokenList initial={initial} everyone={everyone} stackNames={stackNames} />
      </section>
    </div>
  );
}
