import Link from 'next/link';
import type { ReactNode } from 'react';

export interface NavLink {
  href: string;
  label: string;
}

/** The bar on every page: product name, the sections the person may open, and on the right the signed-in user. */
export function SiteHeader({ links = [], children }: { links?: NavLink[]; children?: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      {/* On a phone the bar wraps to two lines (name and sections; the person), never sideways. */}
      <div className="mx-auto flex min-h-14 max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
        <div className="flex items-center gap-4 sm:gap-6">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900 dark:text-white">
            <span aria-hidden className="inline-block h-5 w-5 rounded bg-brand-600" />
            Spin Portal
          </Link>
          {links.length > 0 ? (
            <nav aria-label="Main">
              <ul className="flex items-center gap-4 text-sm">
                {links.map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className="text-slate-700 hover:text-slate-950 hover:underline dark:text-slate-300 dark:hover:text-white">
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
        <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-2 gap-y-1 text-sm sm:gap-x-3">{children}</div>
      </div>
    </header>
  );
}
