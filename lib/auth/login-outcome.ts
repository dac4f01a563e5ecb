import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppError } from '@/lib/domain/errors/app-error';

/**
 * next-auth answers every refused login the same way (401). The credentials route runs next-auth inside
 * this store so `authorize` can say why it refused, and the route can answer 429 with Retry-After, 503
 * for a directory outage, or 401 for wrong credentials.
 */
export const loginOutcome = new AsyncLocalStorage<{ refusal?: AppError }>();
