import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document';

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApiDocument()));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('holds only schemas a 2020-12 validator compiles', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(openApiDocument(), 'openapi.json');
    const schemas: string[] = [];
    const walk = (node: unknown, pointer: string): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        // A bare $ref (the Problem answers) compiles as what it points to, checked once below.
        if (key === 'schema' && !('$ref' in (value as object))) schemas.push(at);
        else walk(value, at);
      }
    };
    walk(openApiDocument(), '');
    schemas.push('/components/schemas/Problem');
    expect(schemas.length).toBeGreaterThan(50);
    for (const pointer of schemas) expect(() => ajv.getSchema(`openapi.json#${pointer}`), pointer).not.toThrow();
  }, 60_000);
});
