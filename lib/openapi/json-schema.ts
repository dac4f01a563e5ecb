import 'server-only';
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema (2020-12, OpenAPI 3.1's dialect) of a zod schema: `input` for what a client sends,
 * `output` for what the portal answers (objects then allow no extra members, so a field the code adds
 * without the schema shows up in the conformance check). `$schema` is left to the document's
 * `jsonSchemaDialect`.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    // In-process callers may pass a Date where the API takes an ISO time; over HTTP it is always the string.
    override: ({ zodSchema, jsonSchema: out }) => {
      if (zodSchema._zod.def.type === 'date') Object.assign(out, { type: 'string', format: 'date-time' });
    },
  });
  return rest;
}
