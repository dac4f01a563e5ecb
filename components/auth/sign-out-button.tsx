'use client';

import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/button';

export function SignOutButton({ className }: { className?: string }) {
  return (
    <Button variant="ghost" size="sm" onClick={() => void signOut({ callbackUrl: '/login' })} className={className}>
      Sign out
    </Button>
  );
}
