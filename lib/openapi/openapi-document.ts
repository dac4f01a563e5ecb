import { z } from 'zod';
import { stackIdParam, stackList, stackView } from '@/lib/stacks/stack-schemas';

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
  body?: Schema;
  response: { status: number; schema: Schema; description: string };
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

function operation(op: Operation) {
  const params = op.params ? jsonSchema(op.params) : undefined;
  const properties = (params?.properties ?? {}) as Record<string, object>;
  return {
    summary: op.summary,
    parameters: Object.entries(properties).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
    responses: {
      [op.response.status]: { description: op.response.description, content: { 'application/json': { schema: jsonSchema(op.response.schema) } } },
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
  '/api/v1/stacks/{stackId}': {
    get: {
      summary: 'One stack with services, containers and your rights on it',
      params: stackIdParam,
      response: { status: 200, schema: stackView, description: 'The stack' },
      errors: [400, 401, 404, 503],
    },
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
