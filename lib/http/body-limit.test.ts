import { describe, expect, it } from 'vitest';
import { limitedBodyText, maxBodyBytes, streamsUncountedBody } from './body-limit';

/** A chunked body of `total` bytes whose reading is counted, as a client streams it. */
function streamedRequest(total: number, chunk = 64 * 1024): { req: Request; pulled: () => number } {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(chunk, total - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { req: new Request('http://portal.test/', { method: 'POST', body, duplex: 'half' } as RequestInit), pulled: () => sent };
}

describe('limitedBodyText', () => {
  it('reads a body up to the limit', async () => {
    const { req } = streamedRequest(maxBodyBytes);
    expect((await limitedBodyText(req)).length).toBe(maxBodyBytes);
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    const { req, pulled } = streamedRequest(50 * maxBodyBytes);
    await expect(limitedBodyText(req)).rejects.toMatchObject({ status: 413 });
    expect(pulled()).toBeLessThan(maxBodyBytes + 256 * 1024);
  });

  it('refuses a declared length over the limit before reading', async () => {
    const req = new Request('http://portal.test/', { method: 'POST', body: 'x', headers: { 'content-length': String(maxBodyBytes + 1) } });
    await expect(limitedBodyText(req)).rejects.toMatchObject({ status: 413, message: expect.stringContaining('1 MiB') });
  });
});

describe('streamsUncountedBody', () => {
  it.each([
    ['/api/auth/callback/credentials', { 'transfer-encoding': 'chunked' }, true],
    ['/api/auth/session', { 'transfer-encoding': 'chunked' }, true],
    ['/login', { 'transfer-encoding': 'chunked' }, true],
    ['/api/v1/stacks/1st1/services/1s1/upgrade', { 'transfer-encoding': 'chunked' }, false],
    ['/api/auth/callback/credentials', { 'content-length': '120' }, false],
    ['/api/auth/callback/credentials', {}, false],
  ])('%s %j → %s', (path, headers, refused) => expect(streamsUncountedBody(path, headers)).toBe(refused));
});
