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
