import Link from 'next/link';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { SignOutButton } from './sign-out-button';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';

/** The header's items read as plain text until hovered. */
const headerItemLook = 'py-1 font-normal text-slate-700 dark:text-slate-300';

/** The header's right side for a signed-in person: who they are, a staff badge, their sessions and API tokens, sign out. */
export function SignedInUser({ user }: { user: SessionUser }) {
  return (
    <>
      <span data-testid="signed-in-user" className="text-slate-700 dark:text-slate-300">
        {/* A phone shows the uid alone, so the header keeps to two lines. */}
        <span className="hidden font-medium text-slate-900 sm:inline dark:text-white">{user.name} </span>
        <span className="text-slate-500 dark:text-slate-400 max-sm:font-medium max-sm:text-slate-900 max-sm:dark:text-white">
          <span className="max-sm:hidden">(</span>
          {user.uid}
          <span className="max-sm:hidden">)</span>
        </span>
      </span>
      {user.isStaff ? (
        <Badge tone="warn" title="Spin staff: you see every stack">
          Staff
        </Badge>
      ) : null}
      <Link href="/sessions" className={buttonClasses({ variant: 'ghost', size: 'sm', className: headerItemLook })}>
        Your sessions
      </Link>
      <Link href="/tokens" className={buttonClasses({ variant: 'ghost', size: 'sm', className: headerItemLook })}>
        API tokens
      </Link>
      <SignOutButton className={headerItemLook} />
    </>
  );
}
