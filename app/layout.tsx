import type { Metadata, Viewport } from 'next';
import { Suspense, type ReactNode } from 'react';
import { SessionKeeper } from '@/components/auth/session-keeper';
import { SignedInUser } from '@/components/auth/signed-in-user';
import { SiteHeader, type NavLink } from '@/components/layout/site-header';
import { QueryProvider } from '@/components/providers/query-provider';
import { LiveChanges } from '@/components/providers/live-changes';
import { KeyboardShortcuts } from '@/components/layout/keyboard-shortcuts';
import { SkipLink } from '@/components/layout/skip-link';
import { NavigationProgress } from '@/components/layout/navigation-progress';
import { getSessionUser } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/domain/access/session-user';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Spin Portal', template: '%s · Spin Portal' },
  description: 'Manage your NERSC Spin stacks: restart, upgrade, logs and shells, checked against Spin policy.',
  icons: {
    icon: [
      { url: '/icon.svg', type: 'image/svg+xml' },
      { url: '/icon-32.png', sizes: '32x32', type: 'image/png' },
    ],
    apple: '/apple-touch-icon.png',
  },
  manifest: '/manifest.webmanifest',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#0f172a' },
  ],
};

// Every page carries the per-request CSP nonce, which only a dynamic render can stamp on Next's scripts.
export const dynamic = 'force-dynamic';

function navLinks(user: SessionUser | null): NavLink[] {
  const policy = { href: '/policy', label: 'Policy' };
  if (!user) return [policy];
  return [{ href: '/stacks', label: 'Stacks' }, ...(user.isStaff ? [{ href: '/activity', label: 'Activity' }] : []), policy];
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <SkipLink />
        <Suspense fallback={null}>
          <NavigationProgress />
        </Suspense>
        <SiteHeader links={navLinks(user)}>{user ? <SignedInUser user={user} /> : null}</SiteHeader>
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 focus:outline-none">
          <QueryProvider>
            {user ? <LiveChanges /> : null}
            {user ? <KeyboardShortcuts isStaff={user.isStaff} /> : null}
            {user ? <SessionKeeper /> : null}
            {children}
          </QueryProvider>
        </main>
      </body>
    </html>
  );
}
