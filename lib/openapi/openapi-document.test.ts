import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document';

describe('openApiDocument', () => {
  const doc = openApiDocument();

  it('is an OpenAPI 3.1 document with the read API', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/stacks', '/api/v1/stacks/{stackId}']));
  });

  it('derives the response schema from the handlers’ zod schemas', () => {
    const get = doc.paths['/api/v1/stacks/{stackId}']?.get as { parameters: { name: string }[]; responses: Record<string, { content: Record<string, { schema: { properties?: Record<string, unknown> } }> }> };
    expect(get.parameters.map((p) => p.name)).toEqual(['stackId']);
    const schema = get.responses['200']?.content['application/json']?.schema;
    expect(Object.keys(schema?.properties ?? {})).toEqual(expect.arrayContaining(['id', 'name', 'services', 'rights', 'tags']));
    expect(get.responses['404']?.content['application/problem+json']).toBeDefined();
  });

  it('lists the session endpoints, with the staff-only uid as a query parameter', () => {
    const end = doc.paths['/api/v1/sessions']?.delete as { parameters: { name: string; in: string; required: boolean }[] };
    expect(end.parameters).toEqual([expect.objectContaining({ name: 'uid', in: 'query', required: false })]);
    const endOne = doc.paths['/api/v1/sessions/{sessionId}']?.delete as { parameters: { name: string }[]; responses: Record<string, { content?: unknown }> };
    expect(endOne.parameters.map((p) => p.name)).toEqual(['sessionId']);
    expect(endOne.responses['204']?.content).toBeUndefined();
    expect(doc.paths['/api/v1/sessions']?.get).toBeDefined();
  });
});

describe('the parts OpenAPI has no object for', () => {
  const doc = openApiDocument();
  type Operation = { security?: unknown[]; parameters: { name: string; in: string }[]; responses: Record<string, unknown>; 'x-websocket'?: { server: { text?: { schema: unknown } }; client: Record<string, unknown> } };
  const op = (path: string, method: string) => (doc.paths as Record<string, Record<string, Operation>>)[path]?.[method];

  it('lists every problem type the code writes, with its status', () => {
    const types = (doc.components.schemas.ProblemType as { oneOf: { const: string; description: string }[] }).oneOf;
    expect(types).toEqual(
      expect.arrayContaining([
        { const: 'validation-error', title: 'Invalid input', description: 'HTTP 400' },
        expect.objectContaining({ const: 'policy-violation', description: 'HTTP 422' }),
        expect.objectContaining({ const: 'too-many-sockets', description: 'HTTP 429' }),
        expect.objectContaining({ const: 'internal-error', description: 'HTTP 500' }),
      ]),
    );
  });

  it('offers the session cookie and personal tokens, and marks public operations', () => {
    expect(Object.keys(doc.components.securitySchemes)).toEqual(expect.arrayContaining(['sessionCookie', 'personalToken']));
    expect(doc.components.securitySchemes.personalToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ sessionCookie: [] }, { personalToken: [] }]);
    expect(op('/api/readyz', 'get')?.security).toEqual([]);
    expect(op('/api/v1/stacks', 'get')?.security).toBeUndefined();
  });

  it('describes the websockets: upgrade, query, 101 and the frames', () => {
    const logs = op('/api/v1/containers/{containerId}/logs', 'get');
    expect(logs?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:containerId', 'query:tail', 'query:follow', 'header:Upgrade', 'header:Connection']);
    expect(Object.keys(logs?.responses ?? {})).toContain('101');
    // Log lines, the dropped-lines notice, and the error frame of an ended session.
    expect(JSON.stringify(logs?.['x-websocket']?.server.text?.schema)).toMatch(/"line".*"dropped".*"error"/);
    const shell = op('/api/v1/containers/{containerId}/shell', 'get');
    expect(Object.keys(shell?.['x-websocket']?.client ?? {})).toEqual(['text', 'binary']);
    for (const path of ['/api/v1/changes', '/api/v1/containers/{containerId}/stats', '/api/v1/stacks/{stackId}/services/{serviceId}/stats']) {
      expect(op(path, 'get')?.['x-websocket'], path).toBeDefined();
    }
  });

  it('documents the token and secret routes from DESIGN.md', () => {
    expect(op('/api/v1/tokens', 'post')?.responses['201']).toBeDefined();
    expect(op('/api/v1/tokens', 'get')).toBeDefined();
    expect(op('/api/v1/tokens/{tokenId}', 'delete')?.responses['204']).toBeDefined();
    expect(op('/api/v1/stacks/{stackId}/secrets', 'post')?.responses['201']).toBeDefined();
    expect(op('/api/v1/stacks/{stackId}/secrets/{secretId}', 'delete')?.responses['409']).toBeDefined();
  });
});

describe('operations', () => {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths as Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[] }>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

  it.each(operations)('$method $path declares each {parameter} of its path', ({ path, op }) => {
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(templated);
  });

  it('has unique operation ids', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
