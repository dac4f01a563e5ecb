import 'server-only';
import { LengthRequiredError, PayloadTooLargeError } from '@/lib/domain/errors/app-error';

/** The largest request body the portal reads (DESIGN.md: JSON bodies over 1 MiB answer 413). */
export const maxBodyBytes = 1024 * 1024;

export function bodyTooLarge(): PayloadTooLargeError {
  return new PayloadTooLargeError('The request body is larger than 1 MiB, the most the portal reads.', {
    errors: [{ path: '(body)', message: `at most ${maxBodyBytes} bytes` }],
  });
}

/** Whether a declared Content-Length is over the limit (an absent or unparsable one is left to counting). */
export function declaresTooLarge(contentLength: string | null | undefined): boolean {
  return Number(contentLength ?? 0) > maxBodyBytes;
}

/**
 * Whether a request streams a body of undeclared length to a path whose reader does not count it:
 * only the portal's own API handlers (`/api/v1/…`, through `route()`) count a chunked body, while
 * next-auth's endpoints read whatever arrives. Browsers declare the length of forms and fetch bodies.
 */
export function streamsUncountedBody(path: string, headers: { 'content-length'?: string; 'transfer-encoding'?: string }): boolean {
  return headers['transfer-encoding'] !== undefined && headers['content-length'] === undefined && !path.startsWith('/api/v1/');
}

export function lengthRequired(): LengthRequiredError {
  return new LengthRequiredError('Send the request body with a Content-Length header (at most 1 MiB).', { errors: [{ path: '(body)', message: 'Content-Length required' }] });
}

/**
 * The body as text, refused with 413 as soon as it passes the limit: a declared length is checked
 * before a byte is read, a chunked body is counted while it streams, so neither is held whole.
 */
export async function limitedBodyText(req: Request): Promise<string> {
  if (declaresTooLarge(req.headers.get('content-length'))) throw bodyTooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBodyBytes) {
      await reader.cancel();
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
