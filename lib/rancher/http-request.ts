import 'server-only';
import http from 'node:http';
import https from 'node:https';

export interface HttpAnswer {
  status: number;
  body: string;
}

/** The request never got an answer: refused, reset, timed out. `code` is Node's (ECONNRESET…) or ours. */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Time allowed to open the TCP connection (a reused keep-alive connection skips it). */
  connectTimeoutMs: number;
  /** Time allowed for the whole exchange, answer body included. */
  timeoutMs: number;
}

/** Keep-alive agents, one pair per client, so listing pages does not open a connection per page. */
export function createAgents(): { http: http.Agent; https: https.Agent } {
  return { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new https.Agent({ keepAlive: true, maxSockets: 16 }) };
}

/**
 * One HTTP exchange with node:http, which (unlike fetch) lets the connect and total timeouts be set
 * apart. Resolves with any status; rejects only with a TransportError.
 */
export function httpRequest(req: HttpRequest, agents: ReturnType<typeof createAgents>): Promise<HttpAnswer> {
  const isHttps = req.url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: TransportError) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      request.destroy();
      reject(err);
    };
    const request = (isHttps ? https : http).request(req.url, {
      method: req.method,
      headers: req.body === undefined ? req.headers : { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
      agent: isHttps ? agents.https : agents.http,
    });
    const total = setTimeout(
      () => fail(new TransportError('ETIMEDOUT', `no complete answer from ${req.url.host} within ${req.timeoutMs} ms`)),
      req.timeoutMs,
    );
    request.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connect = setTimeout(
        () => fail(new TransportError('ECONNTIMEOUT', `no connection to ${req.url.host} within ${req.connectTimeoutMs} ms`)),
        req.connectTimeoutMs,
      );
      socket.once('connect', () => clearTimeout(connect));
      socket.once('close', () => clearTimeout(connect));
    });
    request.on('error', (err: NodeJS.ErrnoException) => fail(new TransportError(err.code ?? 'ECONNRESET', err.message)));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (err: NodeJS.ErrnoException) => fail(new TransportError(err.code ?? 'ECONNRESET', err.message)));
      response.on('close', () => {
        if (!response.complete) fail(new TransportError('ECONNRESET', `${req.url.host} closed the connection mid-answer`));
      });
      response.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.end(req.body);
  });
}
