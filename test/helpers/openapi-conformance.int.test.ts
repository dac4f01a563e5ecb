import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponsesOf, takeMismatches } from './openapi-conformance';

// The setup file's fetch hook, seen from a test: a server registered as a portal answers one
// documented operation the wrong way, and the mismatch is collected (then taken, so this test passes).
describe('the integration suite’s conformance hook', () => {
  let server: Server;
  let url = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url === '/api/v1/sessions' ? '{"sessions":"not a list"}' : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('leaves servers that are no portal under test alone', async () => {
    await fetch(`${url}/api/v1/sessions`);
    expect(await takeMismatches()).toEqual([]);
  });

  it('collects what a portal answers against the document', async () => {
    checkResponsesOf(url);
    const res = await fetch(`${url}/api/v1/sessions`);
    expect(await res.json()).toEqual({ sessions: 'not a list' });
    expect(await takeMismatches()).toEqual([expect.objectContaining({ method: 'GET', path: '/api/v1/sessions', status: 200, message: expect.stringMatching(/sessions must be array/) })]);
  });
});
