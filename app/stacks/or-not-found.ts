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

/** Rancher did not answer (503): the page says so in the API's words instead of failing. */
export interface Unavailable {
  unavailable: string;
}

export function orUnavailable<T>(pending: Promise<T>): Promise<T | Unavailable> {
  return pending.catch((err: unknown) => {
    if (hasStatus(err, 503)) return { unavailable: err.message };
    throw err;
  });
}

export function isUnavailable(value: unknown): value is Unavailable {
  return typeof value === 'object' && value !== null && 'unavailable' in value;
}
