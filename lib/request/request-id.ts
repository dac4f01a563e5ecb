import 'server-only';
import { randomUUID } from 'node:crypto';

/** A caller's id is kept only when it is short and plain, so it cannot forge log lines or headers. */
const saneRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

export const requestIdHeader = 'x-request-id';

export function requestIdFrom(incoming: string | string[] | undefined | null): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && saneRequestId.test(value) ? value : randomUUID();
}
