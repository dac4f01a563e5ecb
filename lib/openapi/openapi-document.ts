import 'server-only';
import { activityPaths } from './activity-paths';
import { operation, type OperationSpec } from './operation';
import { platformPaths } from './platform-paths';
import { policyPaths } from './policy-paths';
import { problemComponents } from './problems';
import { secretsPaths } from './secrets-paths';
import { sessionsPaths } from './sessions-paths';
import { socketPaths } from './socket-paths';
import { stacksPaths } from './stacks-paths';
import { tokensPaths } from './tokens-paths';

type PathSpecs = Record<string, Record<string, OperationSpec>>;

const areas: PathSpecs[] = [stacksPaths, activityPaths, sessionsPaths, policyPaths, tokensPaths, secretsPaths, socketPaths, platformPaths];

/** All areas' operations by path; two areas defining the same path and method is a mistake. */
function mergedPaths(): PathSpecs {
  const merged: PathSpecs = {};
  for (const area of areas) {
    for (const [path, methods] of Object.entries(area)) {
      for (const [method, spec] of Object.entries(methods)) {
        if (merged[path]?.[method]) throw new Error(`openapi: ${method.toUpperCase()} ${path} is defined twice`);
        merged[path] = { ...merged[path], [method]: spec };
      }
    }
  }
  return merged;
}

const securitySchemes = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'next-auth.session-token',
    description:
      'The browser session from signing in through /api/auth (next-auth credentials flow; `__Secure-next-auth.session-token` on https). Changes (POST, DELETE) and websockets also need the portal’s own `Origin`.',
  },
  personalToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'spinpat_<id>_<secret>',
    description: 'A personal API token (POST /api/v1/tokens): acts as its owner, narrowed to its stacks and rights. No Origin needed; a request with both a token and a session cookie is refused.',
  },
  metricsToken: { type: 'http', scheme: 'bearer', description: '`METRICS_TOKEN`, for /api/metrics only' },
};

const tags = [
  { name: 'stacks', description: 'Stacks, services and containers you may see' },
  { name: 'actions', description: 'Changes to services and containers, each checked, authorized and recorded' },
  { name: 'activity', description: 'The activity record' },
  { name: 'sessions', description: 'Your browser sessions' },
  { name: 'policy', description: 'Spin policy checks' },
  { name: 'tokens', description: 'Personal API tokens' },
  { name: 'secrets', description: 'A stack’s Rancher secrets' },
  { name: 'websockets', description: 'Live streams (GET with `Upgrade: websocket`; frames in `x-websocket`)' },
  { name: 'platform', description: 'Health, readiness, metrics and this document' },
];

function buildDocument() {
  const paths = Object.fromEntries(
    Object.entries(mergedPaths()).map(([path, methods]) => [path, Object.fromEntries(Object.entries(methods).map(([method, spec]) => [method, operation(spec)]))]),
  );
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Spin Portal API',
      version: '1',
      description:
        'Self-service for Spin stack owners: stacks, actions, upgrades, logs and shells on the stacks you own or share through your group. Errors are RFC 9457 problem+json (`Problem`; `ProblemType` lists every `type`). Websockets are GET operations with the `x-websocket` extension describing their frames.',
    },
    security: [{ sessionCookie: [] }, { personalToken: [] }],
    tags,
    paths,
    components: { schemas: problemComponents(), securitySchemes },
  };
}

let built: ReturnType<typeof buildDocument> | null = null;

/** The OpenAPI 3.1 document of the portal's API, generated from the zod schemas the handlers use. */
export function openApiDocument() {
  built ??= buildDocument();
  return built;
}
