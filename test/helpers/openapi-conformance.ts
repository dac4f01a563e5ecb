import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '@/lib/openapi/openapi-document';

/** A response the document does not describe. */
export interface Mismatch {
  method: string;
  path: string;
  status: number;
  message: string;
}

interface ResponseObject {
  content?: Record<string, { schema: unknown }>;
}
type Operations = Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;

const documentId = 'openapi.json';
let ajv: Ajv2020 | null = null;
const validators = new Map<string, ValidateFunction>();

/** One JSON Schema validator (2020-12, OpenAPI 3.1's dialect) holding the whole document, so $refs resolve. */
function validatorAt(pointer: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(openApiDocument(), documentId);
  }
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.getSchema(`${documentId}#${pointer}`);
    if (!validate) throw new Error(`openapi-conformance: no schema at ${pointer}`);
    validators.set(pointer, validate);
  }
  return validate;
}

const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** Documented paths matching `path`, concrete ones first (OpenAPI matches `/sessions/current` before `/sessions/{sessionId}`). */
function templatesFor(path: string): string[] {
  return Object.keys(openApiDocument().paths)
    .filter((template) => new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path))
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
}

function schemaErrors(pointer: string, body: unknown): string | null {
  const validate = validatorAt(pointer);
  if (validate(body)) return null;
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`).join('; ');
}

function parsed(text: string): { json: unknown } | { error: string } {
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { error: 'the body is not JSON' };
  }
}

const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/**
 * Whether a response of the portal is what /api/v1/openapi.json says: the operation of `method` and
 * `path` (a URL path, no query) documents `status`, the media type, and a JSON body valid against
 * that answer's schema. A problem+json answer is checked against `Problem` wherever it comes from (an
 * unknown /api path, next-auth's refusals). Paths outside /api, and next-auth's own, are not ours to
 * check. Null when the response conforms.
 */
export function conformanceMismatch(response: { method: string; path: string; status: number; contentType: string | null; body: string }): string | null {
  const { method, path, status, body } = response;
  const mediaType = (response.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!path.startsWith('/api/') || method === 'HEAD') return null;
  const paths = openApiDocument().paths as unknown as Operations;
  const template = templatesFor(path).find((t) => paths[t]?.[method.toLowerCase()]);
  if (!template) {
    if (mediaType === 'application/problem+json') return problemMismatch(body);
    if (path.startsWith('/api/auth/')) return null;
    return `no operation ${method} ${path} in the document, and the answer is no problem+json`;
  }
  const operationPointer = `/paths/${escape(template)}/${method.toLowerCase()}`;
  const responses = paths[template]?.[method.toLowerCase()]?.responses ?? {};
  // The document names each status (no 4XX ranges, no default), so an answer must match one exactly.
  const documented = responses[String(status)];
  if (!documented) return `status ${status} is not documented for ${method} ${template}`;
  const content = documented.content ?? {};
  if (Object.keys(content).length === 0) return body === '' ? null : `${method} ${template} ${status} is documented without a body, but one came`;
  if (!(mediaType in content)) return `${method} ${template} ${status} answered ${mediaType || 'no content type'}; documented: ${Object.keys(content).join(', ')}`;
  if (!isJson(mediaType)) return null;
  const json = parsed(body);
  if ('error' in json) return json.error;
  const errors = schemaErrors(`${operationPointer}/responses/${status}/content/${escape(mediaType)}/schema`, json.json);
  return errors ? `as ${template}: ${errors}` : null;
}

function problemMismatch(body: string): string | null {
  const json = parsed(body);
  if ('error' in json) return json.error;
  const errors = schemaErrors('/components/schemas/Problem', json.json);
  return errors ? `problem+json: ${errors}` : null;
}

/**
 * Whether a JSON text frame the portal sent on the websocket at `path` is one the document's
 * `x-websocket` describes. Null when it conforms.
 */
export function frameMismatch(path: string, frame: unknown): string | null {
  const paths = openApiDocument().paths as unknown as Record<string, Record<string, { 'x-websocket'?: { server: { text?: unknown } } }>>;
  const template = templatesFor(path).find((t) => paths[t]?.get?.['x-websocket']);
  if (!template) return `no websocket at ${path} in the document`;
  if (!paths[template]?.get?.['x-websocket']?.server.text) return `${template} is documented without server text frames`;
  const errors = schemaErrors(`/paths/${escape(template)}/get/x-websocket/server/text/schema`, frame);
  return errors ? `frame on ${template}: ${errors}` : null;
}

const portalOrigins = new Set<string>();
/**
 * What was received, checked only when a test ends: building the document and compiling its schemas
 * takes the test process's CPU for a moment that a timing-sensitive test (a second click while the
 * first restart runs) must not lose.
 */
const received: (() => Promise<Mismatch | null>)[] = [];

/** The mismatches among what was received since the last call. */
export async function takeMismatches(): Promise<Mismatch[]> {
  const outcomes = await Promise.all(received.splice(0).map((check) => check()));
  return outcomes.filter((m): m is Mismatch => m !== null);
}

function portalPath(url: string): string | null {
  const { origin, pathname } = new URL(url.replace(/^ws/, 'http'));
  return portalOrigins.has(origin) ? pathname : null;
}

type Answer = { method: string; status: number; contentType: string | null; body: string };

/** Notes an answer from a portal under test: an HTTP response, or the refusal of a websocket upgrade. */
export function checkResponse(url: string, answer: Answer | Promise<Answer | null>): void {
  const path = portalPath(url);
  if (!path) return;
  const arrived = Promise.resolve(answer);
  received.push(async () => {
    const a = await arrived;
    const message = a && conformanceMismatch({ ...a, path });
    return a && message ? { method: a.method, path, status: a.status, message } : null;
  });
}

/** Notes a text frame from a portal under test (the socket clients of the integration helpers call it). */
export function checkFrame(url: string, text: string): void {
  const path = portalPath(url);
  if (!path) return;
  received.push(async () => {
    const frame = parsed(text);
    const message = 'error' in frame ? `a text frame on ${path} is not JSON` : frameMismatch(path, frame.json);
    return message ? { method: 'WEBSOCKET', path, status: 101, message } : null;
  });
}

/** Marks `url` as a portal under test: every answer it gives through `fetch` is checked from now on. */
export function checkResponsesOf(url: string): void {
  portalOrigins.add(new URL(url).origin);
}

/**
 * Wraps the global `fetch` so that every answer from a portal under test is checked against the
 * document; what does not conform is collected for `takeMismatches` (the integration setup fails the
 * test with it). The body is read from a clone, so callers read theirs as before.
 */
export function watchPortalResponses(): void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const res = await original(input, init);
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const { status, headers } = res;
    // A body that fails to arrive is the caller's to see, through its own read.
    const answer = portalPath(url) ? res.clone().text().then((body) => ({ method, status, contentType: headers.get('content-type'), body }), () => null) : null;
    if (answer) checkResponse(url, answer);
    return res;
  };
}
