import 'server-only';
import type { z } from 'zod';
import { jsonSchema, type JsonSchema } from './json-schema';
import { problemDescriptions } from './problems';

/** Who may call an operation: anyone, a signed-in person (cookie or personal token), or Prometheus. */
export type Access = 'public' | 'signed-in' | 'metrics';

/** The frames of a websocket, for the `x-websocket` extension (OpenAPI has no websocket object). */
export interface WebSocketSpec {
  /** Text frames the server sends (each one JSON). */
  serverText?: z.ZodType;
  /** Text frames the client may send (each one JSON). */
  clientText?: z.ZodType;
  /** What binary frames carry, each way; absent when none are sent. */
  serverBinary?: string;
  clientBinary?: string;
  /** Close codes beyond the standard ones, and what they mean. */
  closeCodes?: Record<number, string>;
}

export interface OperationSpec {
  /** The operationId: a verb and a noun, unique in the document. */
  id: string;
  summary: string;
  description?: string;
  tag: string;
  /** Default: signed-in. */
  access?: Access;
  /** Path parameters (a zod object whose keys are the `{names}` of the path). */
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON request body. */
  body?: z.ZodType;
  success: {
    status: number;
    description: string;
    /** The JSON body; absent for an answer without one (204, 101). */
    schema?: z.ZodType;
    /** Other media types the answer may take (exports, metrics). */
    otherContent?: Record<string, { schema: JsonSchema }>;
  };
  /** Answers other than success and problems (readiness answers 503 with its own body). */
  otherResponses?: Record<number, { description: string; schema: z.ZodType }>;
  /** Statuses answered as application/problem+json. */
  problems: readonly number[];
  websocket?: WebSocketSpec;
}

/** Problems every route()-wrapped operation can answer (400: a bearer token sent with a session cookie). */
export const signedInProblems = [400, 401, 429, 500] as const;
/** And those an operation for browser sessions only adds: a personal token is refused there (403). */
export const sessionOnlyProblems = [...signedInProblems, 403] as const;
/** And those a mutating one adds (Origin, media type, body size, invalid body). */
export const mutationProblems = [400, 403, 413, 415] as const;

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof description === 'string' ? { description } : {}),
    schema: property,
  }));
}

const security: Record<Access, { [scheme: string]: string[] }[] | undefined> = {
  public: [],
  // The document's default (session cookie or personal token) applies.
  'signed-in': undefined,
  // From METRICS_ALLOWED_ADDRESSES without a token (the empty requirement), or with METRICS_TOKEN.
  metrics: [{ metricsToken: [] }, {}],
};

function websocketExtension(ws: WebSocketSpec) {
  const frames = (schema: z.ZodType | undefined, binary: string | undefined) => ({
    ...(schema ? { text: { contentMediaType: 'application/json', schema: jsonSchema(schema, 'output') } } : {}),
    ...(binary ? { binary: { description: binary } } : {}),
  });
  return {
    'x-websocket': {
      description: 'A websocket (RFC 6455): send this GET with `Upgrade: websocket`; after 101 the frames below flow. Refusals before the upgrade are problem+json answers.',
      server: frames(ws.serverText, ws.serverBinary),
      client: frames(ws.clientText, ws.clientBinary),
      ...(ws.closeCodes ? { closeCodes: ws.closeCodes } : {}),
    },
  };
}

const upgradeHeaders = [
  { name: 'Upgrade', in: 'header', required: true, schema: { const: 'websocket' } },
  { name: 'Connection', in: 'header', required: true, schema: { type: 'string', pattern: '[Uu]pgrade' } },
];

/** The OpenAPI operation object of `op`, its schemas generated from the zod schemas it names. */
export function operation(op: OperationSpec) {
  const json = op.success.schema ? { 'application/json': { schema: jsonSchema(op.success.schema, 'output') } } : {};
  const content = { ...json, ...op.success.otherContent };
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  const requirement = security[op.access ?? 'signed-in'];
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    ...(requirement ? { security: requirement } : {}),
    parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query'), ...(op.websocket ? upgradeHeaders : [])],
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
    responses: {
      [op.success.status]: { description: op.success.description, ...(Object.keys(content).length > 0 ? { content } : {}) },
      ...Object.fromEntries(
        Object.entries(op.otherResponses ?? {}).map(([status, r]) => [status, { description: r.description, content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } }]),
      ),
      ...Object.fromEntries([...new Set(op.problems)].sort().map((status) => [status, { description: problemDescriptions[status] ?? 'Error', content: problem }])),
    },
    ...(op.websocket ? websocketExtension(op.websocket) : {}),
  };
}
