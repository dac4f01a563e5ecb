import 'server-only';
import { z } from 'zod';
import { endAllQuery, endedSessions, sessionIdParam, sessionList } from '@/lib/domain/sessions/session-schemas';
import { environmentList, stackIdParam, stackList, stackView } from '@/lib/domain/stacks/stack-schemas';

/** RFC 9457 problem details, as every error of the API is answered. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

type Schema = z.ZodType;

interface Operation {
  summary: string;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** Without a schema the answer has no body (204). */
  response: { status: number; schema?: Schema; description: string };
  errors: number[];
}

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input: `errors` names each field at fault',
  401: 'Not signed in',
  403: 'Missing right, or a cross-origin request',
  404: 'No such stack, or not shared with you',
  409: 'Rancher refuses this in the current state; `detail` says what to do',
  415: 'The body must be application/json',
  422: 'The change breaks Spin policy; `findings` lists why',
  503: 'Rancher or the directory is unavailable',
};

function jsonSchema(schema: Schema) {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });
}

function parameters(schema: Schema | undefined, where: 'path' | 'query') {
  const json = schema ? jsonSchema(schema) : undefined;
  const properties = (json?.properties ?? {}) as Record<string, object>;
  const required = new Set((json?.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({ name, in: where, required: where === 'path' || required.has(name), schema: property }));
}

function operation(op: Operation) {
  const answer = op.response.schema ? { content: { 'application/json': { schema: jsonSchema(op.response.schema) } } } : {};
  return {
    summary: op.summary,
    parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
    responses: {
      [op.response.status]: { description: op.response.description, ...answer },
      ...Object.fromEntries(
        op.errors.map((status) => [status, { description: errorDescriptions[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }]),
      ),
    },
  };
}

const paths: Record<string, Record<string, Operation>> = {
  '/api/v1/stacks': {
    get: { summary: 'The stacks you may see, with their services', response: { status: 200, schema: stackList, description: 'Visible stacks' }, errors: [401, 503] },
  },
  '/api/v1/environments': {
    get: {
      summary: 'The Rancher environments the portal works in, and whether each answers',
      response: { status: 200, schema: environmentList, description: 'Environments, as configured' },
      errors: [401, 503],
    },
  },
  '/api/v1/stacks/{stackId}': {
    get: {
      summary: 'One stack with services, containers and your rights on it',
      params: stackIdParam,
      response: { status: 200, schema: stackView, description: 'The stack' },
      errors: [400, 401, 404, 503],
    },
  },
  '/api/v1/sessions': {
    get: { summary: 'Your open browser sessions ("Your sessions")', response: { status: 200, schema: sessionList, description: 'Open sessions, most recently active first' }, errors: [401] },
    delete: {
      summary: 'Sign out everywhere: end all your sessions (staff: all sessions of `uid`)',
      query: endAllQuery,
      response: { status: 200, schema: endedSessions, description: 'How many sessions were ended' },
      errors: [400, 401, 403, 415],
    },
  },
  '/api/v1/sessions/current': {
    delete: { summary: 'Sign out: end this browser’s session (before clearing the cookie)', response: { status: 204, description: 'The session has ended' }, errors: [401, 403, 415] },
  },
  '/api/v1/sessions/{sessionId}': {
    delete: { summary: 'End one of your sessions', params: sessionIdParam, response: { status: 204, description: 'The session has ended' }, errors: [400, 401, 403, 404, 415] },
  },
};

/** The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers use. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'Spin Portal API', version: '1', description: 'Self-service for Spin stack owners. Sign in through /api/auth (next-auth credentials flow); errors are RFC 9457 problem+json.' },
    paths: Object.fromEntries(Object.entries(paths).map(([path, ops]) => [path, Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, operation(op)]))])),
    components: { schemas: { Problem: jsonSchema(problemSchema) } },
  };
}
