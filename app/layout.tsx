import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { SkipLink } from '@/components/layout/skip-link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Spin Portal', template: '%s · Spin Portal' },
  description: 'Manage your NERSC Spin stacks: restart, upgrade, logs and shells, checked against Spin policy.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#0f172a' },
  ],
};

// Every page carries the per-request CSP nonce, which only a dynamic render can stamp on Next's scripts.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <SkipLink />
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 focus:outline-none">
          {children}
        </main>
      </body>
    </html>
  );
}
