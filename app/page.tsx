import Link from 'next/link';
import { redirect } from 'next/navigation';
import { buttonClasses } from '@/components/ui/button';
import { getSessionUser } from '@/lib/auth/session';

export default async function HomePage() {
  // Signed-in people come for their stacks; the start page explains the portal to everyone else.
  if (await getSessionUser()) redirect('/stacks');
  return (
    <section className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-semibold tracking-tight">Spin Portal</h1>
      <p className="text-lg text-slate-700 dark:text-slate-300">
        Look after your NERSC Spin stacks yourself: restart a crashed service, roll out a new image tag, read
        container logs and open a shell, on the stacks you own or share with your group.
      </p>
      <p className="text-slate-600 dark:text-slate-400">
        Every change is checked against Spin’s security rules before it reaches Rancher, and every action is recorded
        with the person who did it.
      </p>
      <Link href="/login" className={buttonClasses({ variant: 'primary', size: 'lg', className: 'inline-block' })}>
        Sign in
      </Link>
    </section>
  );
}
