import type { z } from 'zod';
import { tokenPrefix } from '../../lib/domain/tokens/token-schemas';
import { CliError } from './cli-errors';

/** The two settings every command needs, from SPIN_PORTAL_URL and SPIN_PORTAL_TOKEN. */
export interface PortalSettings {
  baseUrl: string;
  token: string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks the settings before anything is sent. A token travels only over HTTPS, except to this
 * machine (a portal started with `npm start`), so a typo in the URL cannot send it in clear.
 */
export function portalSettings(env: Readonly<Record<string, string | undefined>>): PortalSettings {
  const rawUrl = env.SPIN_PORTAL_URL?.trim();
  const token = env.SPIN_PORTAL_TOKEN?.trim();
  if (!rawUrl) throw new CliError('SPIN_PORTAL_URL is not set: the portal\'s address, e.g. https://portal.spin.nersc.gov');
  if (!token) throw new CliError('SPIN_PORTAL_TOKEN is not set: a personal API token (spinpat_…), made under "API tokens" in the portal');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new CliError(`SPIN_PORTAL_URL "${rawUrl}" is not a URL, e.g. https://portal.spin.nersc.gov`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(url.hostname))) {
    throw new CliError(`SPIN_PORTAL_URL must start with https:// (plain http is accepted only for this machine, 127.0.0.1 or localhost); got ${url.origin}`);
  }
  if (!token.startsWith(tokenPrefix)) throw new CliError('SPIN_PORTAL_TOKEN is not a personal API token: those start with spinpat_');
  return { baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, token };
}

/** A problem+json answer (RFC 9457) as far as the CLI reads it. */
export interface ProblemAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** The problem's own words: its detail, else its title, else the bare status. */
export function problemText(answer: ProblemAnswer): string {
  const { detail, title } = answer.body;
  if (typeof detail === 'string' && detail) return detail;
  if (typeof title === 'string' && title) return title;
  return `the portal answered ${answer.status}`;
}

/** The answers that mean "this token cannot do this", worded for the person running the job. */
export function authFailure(answer: ProblemAnswer): CliError | undefined {
  if (answer.status === 401) {
    return new CliError(
      `the token was refused (401): SPIN_PORTAL_TOKEN is mistyped, expired or revoked (${problemText(answer)}). Make a new one under "API tokens" in the portal and store it as the job's secret.`,
      401,
    );
  }
  if (answer.status === 403) {
    return new CliError(`the token may not do this (403): ${problemText(answer)}. A token limited to some stacks or rights needs the stack and the right it acts on.`, 403);
  }
  return undefined;
}

/** Fetch, and sleeping between retries: what tests replace. */
export interface Transport {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
}

const requestTimeoutMs = 30_000;
/** How often a 429 (the token's rate limit) is waited out before giving up. */
const rateLimitRetries = 5;

function retryAfterMs(res: Response): number {
  const seconds = Number(res.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) * 1000 : 1000;
}

function connectionReason(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  if (err instanceof Error && err.name === 'TimeoutError') return `no answer within ${requestTimeoutMs / 1000} s`;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

/** The portal's /api/v1 with a bearer token. Every answer is JSON or problem+json. */
export class PortalClient {
  constructor(
    readonly settings: PortalSettings,
    private readonly transport: Transport,
  ) {}

  /** GET a JSON document; anything but 2xx throws a CliError saying what went wrong. */
  async get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    const answer = await this.request('GET', path);
    if (answer.status >= 300) throw this.failure(answer);
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) throw new CliError(`the portal's answer to GET ${path} is not what this CLI expects (${parsed.error.issues[0]?.message ?? 'unreadable'}); is SPIN_PORTAL_URL the portal?`);
    return parsed.data;
  }

  /** POST a JSON body; the caller reads the answer, since a refusal (422, 409) is a result, not an error. */
  async post(path: string, body: unknown): Promise<ProblemAnswer> {
    const answer = await this.request('POST', path, body);
    const auth = authFailure(answer);
    if (auth) throw auth;
    return answer;
  }

  /** A CliError for an answer that ends the command: auth, not found, or the portal failing. */
  failure(answer: ProblemAnswer): CliError {
    return authFailure(answer) ?? new CliError(`the portal answered ${answer.status}: ${problemText(answer)}`, answer.status);
  }

  private async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ProblemAnswer> {
    const url = `${this.settings.baseUrl}${path}`;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await this.transport.fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${this.settings.token}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          // A redirect would carry the token elsewhere; the API never redirects.
          redirect: 'manual',
          signal: AbortSignal.timeout(requestTimeoutMs),
        });
      } catch (err) {
        throw new CliError(`cannot reach the portal at ${this.settings.baseUrl} (${connectionReason(err)})`);
      }
      if (res.status === 429 && attempt < rateLimitRetries) {
        await res.body?.cancel();
        await this.transport.sleep(retryAfterMs(res));
        continue;
      }
      if (res.status >= 300 && res.status < 400) {
        throw new CliError(`the portal redirected ${method} ${path} to ${res.headers.get('location') ?? 'elsewhere'}; is SPIN_PORTAL_URL the portal's address?`, res.status);
      }
      const text = await res.text();
      let parsed: unknown = {};
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        if (res.ok) throw new CliError(`the portal's answer to ${method} ${path} is not JSON; is SPIN_PORTAL_URL the portal?`, res.status);
      }
      const record = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
      return { status: res.status, body: record };
    }
  }
}
