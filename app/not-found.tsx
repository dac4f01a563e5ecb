import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="max-w-xl space-y-3">
      <p className="text-sm font-medium text-slate-500 dark:text-slate-400">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-400">
        There is nothing at this address, or it is not shared with you.
      </p>
      <Link href="/" className="inline-block text-brand-600 underline underline-offset-4 hover:text-brand-700 dark:text-blue-400">
        Back to the start page
      </Link>
    </section>
  );
}
