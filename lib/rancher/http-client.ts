import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { RancherNoAnswerError, RancherProtocolError, RancherUnavailableError } from './errors';
import { errorFromAnswer, errorFromTransport, isRetryable, type FailureContext } from './error-from-answer';
import { TransportError, createAgents, httpRequest, type HttpAnswer } from './http-request';
import { timeRancherRequest } from '@/lib/metrics/portal-metrics';
import { collectionSchema } from './schemas';

export interface RancherHttpOptions {
  /** Rancher's address, e.g. `https://rancher.spin.nersc.gov` (a trailing `/v2-beta` is accepted). */
  url: string;
  accessKey: string;
  secretKey: string;
  connectTimeoutMs: number;
  timeoutMs: number;
  /** Attempts for a GET (first try included) and the first backoff delay. */
  retry?: { tries: number; baseDelayMs: number };
}

export type Query = Record<string, string | number | boolean | readonly string[]>;

/** Rows per page asked of Rancher: its documented maximum, so 6,000 rows take 6 pages, not 60. */
const pageLimit = 1000;

/** The URL with the query's parameters set (a list becomes repeated parameters, which Rancher ANDs). */
function withQuery(base: URL, query: Query): URL {
  const url = new URL(base);
  for (const [key, value] of Object.entries(query)) {
    url.searchParams.delete(key);
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, v);
    else url.searchParams.append(key, String(value));
  }
  return url;
}

/**
 * Whether a request that got no usable answer may still have reached Rancher: the total timeout ran out or
 * the connection dropped after it was open, or a gateway timed out waiting for Rancher. A refused or
 * never-opened connection, and a gateway's 502/503, mean Rancher never saw it.
 */
function mayHaveArrived(err: unknown): err is RancherUnavailableError {
  if (!(err instanceof RancherUnavailableError)) return false;
  const { status, code } = err.rancher;
  return status === 504 || (status === 0 && (code === 'ETIMEDOUT' || code === 'ECONNRESET'));
}

/**
 * HTTP to Rancher's v2-beta API: Basic auth with the portal's key, timeouts, retries for GETs, zod
 * validation of every answer, pagination, and Rancher errors turned into domain errors.
 */
export class RancherHttpClient {
  /** `{origin}{path}/v2-beta`, without a trailing slash. */
  readonly apiRoot: string;
  private readonly origin: string;
  private readonly authorization: string;
  private readonly agents = createAgents();
  private readonly retry: { tries: number; baseDelayMs: number };

  constructor(private readonly options: RancherHttpOptions) {
    const base = new URL(options.url);
    const path = base.pathname.replace(/\/+$/, '').replace(/\/v2-beta$/, '');
    this.origin = base.origin;
    this.apiRoot = `${base.origin}${path}/v2-beta`;
    this.authorization = `Basic ${Buffer.from(`${options.accessKey}:${options.secretKey}`).toString('base64')}`;
    this.retry = options.retry ?? { tries: 3, baseDelayMs: 100 };
  }

  /** Headers for a websocket dial to the API (the subscribe socket also takes Basic auth). */
  authHeaders(): Record<string, string> {
    return { authorization: this.authorization };
  }

  /**
   * Pins a URL that Rancher handed out (a `next` page, an action, a link) to the configured origin, so
   * the portal's key is never sent to another host whatever Rancher's answer says.
   */
  pin(url: string): URL {
    const parsed = new URL(url, this.apiRoot);
    return new URL(`${parsed.pathname}${parsed.search}`, this.origin);
  }

  url(path: string, query: Query = {}): URL {
    return withQuery(new URL(`${this.apiRoot}${path}`), query);
  }

  /** GET and validate one resource; retried on 502/503/504 and dropped connections, with jittered backoff. */
  async get<S extends z.ZodType>(url: URL, schema: S, context: FailureContext): Promise<z.output<S>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.parse(await this.exchange('GET', url, undefined, context), schema, url);
      } catch (err) {
        if (attempt >= this.retry.tries || !isRetryable(err)) throw err;
        // Full jitter around an exponential step, so replicas retrying together do not stampede.
        await sleep(this.retry.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
      }
    }
  }

  /** Every row of a collection: filters go to Rancher as query parameters, and `next` is followed to the end. */
  async list<S extends z.ZodType>(from: string | URL, item: S, query: Query, context: FailureContext): Promise<z.output<S>[]> {
    const page = collectionSchema(item);
    const rows: z.output<S>[] = [];
    const seen = new Set<string>();
    let url: URL | null = typeof from === 'string' ? this.url(from, { limit: pageLimit, ...query }) : withQuery(from, { limit: pageLimit, ...query });
    while (url) {
      if (seen.has(url.href)) throw new RancherProtocolError({ status: 200, code: 'PaginationLoop', message: `next repeats ${url.pathname}` });
      seen.add(url.href);
      const answer: z.output<typeof page> = await this.get(url, page, context);
      for (const row of answer.data) rows.push(row);
      const next = answer.pagination?.next;
      url = next ? this.pin(next) : null;
    }
    return rows;
  }

  /**
   * POST an action. Never retried: Rancher may have started the process before the answer was lost, which
   * is also why a lost answer is a RancherNoAnswerError (outcome unknown), not a plain failure.
   */
  async post<S extends z.ZodType>(url: URL, body: unknown, schema: S, context: FailureContext): Promise<z.output<S>> {
    let answer: HttpAnswer;
    try {
      answer = await this.exchange('POST', url, JSON.stringify(body ?? {}), context);
    } catch (err) {
      throw mayHaveArrived(err) ? new RancherNoAnswerError(err.rancher) : err;
    }
    return this.parse(answer, schema, url);
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private async exchange(method: 'GET' | 'POST', url: URL, body: string | undefined, context: FailureContext): Promise<HttpAnswer> {
    const headers: Record<string, string> = { authorization: this.authorization, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let answer: HttpAnswer;
    try {
      answer = await timeRancherRequest(method, () =>
        httpRequest({ method, url, headers, body, connectTimeoutMs: this.options.connectTimeoutMs, timeoutMs: this.options.timeoutMs }, this.agents),
      );
    } catch (err) {
      if (err instanceof TransportError) throw errorFromTransport(err);
      throw err;
    }
    if (answer.status >= 400) throw errorFromAnswer(answer.status, answer.body, context);
    return answer;
  }

  private parse<S extends z.ZodType>(answer: HttpAnswer, schema: S, url: URL): z.output<S> {
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      throw new RancherProtocolError({ status: answer.status, code: 'InvalidJson', message: `${url.pathname} did not answer JSON` });
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
      throw new RancherProtocolError({ status: answer.status, code: 'InvalidResponse', message: `${url.pathname} ${where}` });
    }
    return result.data;
  }
}
