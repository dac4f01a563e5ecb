import 'server-only';
import { notFound } from 'next/navigation';
import { hasStatus } from '@/lib/domain/errors/app-error';

/** A stack page's data, with a 404 (absent or not shared) shown as Next's not-found page. */
export function orNotFound<T>(pending: Promise<T>): Promise<T> {
  return pending.catch((err: unknown) => {
    if (hasStatus(err, 404)) notFound();
    throw err;
  });
}
