import Link from 'next/link';
import type { ReactNode } from 'react';

/** The bar on every page: product name, and on the right whatever the layout passes (the signed-in user). */
export function SiteHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900 dark:text-white">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-brand-600" />
          Spin Portal
        </Link>
        <div className="flex items-center gap-3 text-sm">{children}</div>
      </div>
    </header>
  );
}
