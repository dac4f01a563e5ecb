import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fetchJson } from './fetch-json';

function answer(status: number, body: string | null, type = 'application/json'): Response {
  return new Response(body, { status, headers: body === null ? {} : { 'content-type': type } });
}

function stubFetch(response: Response) {
  const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(response);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected an ApiError'), (err: unknown) => err);

describe('fetchJson', () => {
  it('answers the parsed body of a 2xx, asking for JSON and keeping the caller’s headers', async () => {
    const fetch = stubFetch(answer(202, JSON.stringify({ id: '1s4', state: 'restarting' })));
    expect(await fetchJson('/api/v1/x', { method: 'POST', headers: { 'content-type': 'application/json' } })).toEqual({ id: '1s4', state: 'restarting' });
    expect(fetch).toHaveBeenCalledWith('/api/v1/x', { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' } });
  });

  it('answers undefined for 204 No Content instead of failing to parse nothing', async () => {
    stubFetch(answer(204, null));
    expect(await fetchJson('/api/v1/sessions/s1', { method: 'DELETE' })).toBeUndefined();
  });

  it('turns a problem+json answer into an ApiError with its status, detail and request id', async () => {
    const problem = { type: 'conflict', title: 'Conflict', status: 409, detail: 'web is already stopping; wait until it settles.', instance: 'req-9' };
    stubFetch(answer(409, JSON.stringify(problem), 'application/problem+json'));
    const err = await failure(fetchJson('/api/v1/x'));
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, message: 'web is already stopping; wait until it settles.', requestId: 'req-9' });
  });

  it('says the status when the error body is not a problem (a proxy’s HTML page)', async () => {
    stubFetch(answer(502, '<html>Bad gateway</html>', 'text/html'));
    expect(await failure(fetchJson('/api/v1/x'))).toMatchObject({ status: 502, message: 'The portal answered 502.', requestId: undefined });
  });

  it('says the status when a JSON error body carries no detail', async () => {
    stubFetch(answer(500, '{}'));
    expect(await failure(fetchJson('/api/v1/x'))).toMatchObject({ status: 500, message: 'The portal answered 500.' });
  });
});
