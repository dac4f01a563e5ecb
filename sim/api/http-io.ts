import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';
import { CollectionBody } from './collection';
import type { RequestContext } from './request-context';

const maxBody = 4 * 1024 * 1024;

/** The request body as JSON; an empty body is null. The CLI's logs/execute POSTs carry no Content-Type, so it is not checked. */
export function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        reject(ApiError.validation('MaxLimitExceeded', 'body'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') {
        resolve(null);
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(ApiError.validation('InvalidBodyContent', 'body'));
      }
    });
  });
}

export interface ResponseHeaders {
  schemasUrl: string | null;
  rancherVersion: string;
  challenge: boolean;
}

const chunkChars = 64 * 1024;

/** Resolves when the socket can take more, or has gone away. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes a collection row by row, waiting for the socket to drain, so a big page never sits in memory whole. */
async function streamCollection(res: ServerResponse, body: CollectionBody): Promise<void> {
  let chunk = body.head();
  for (const [i, record] of body.records.entries()) {
    chunk += (i > 0 ? ',' : '') + body.rowJson(record);
    if (chunk.length >= chunkChars) {
      if (!res.write(chunk)) await drained(res);
      if (res.destroyed) return;
      chunk = '';
    }
  }
  res.end(`${chunk}]}`);
}

/** Writes a JSON answer with the headers every Rancher response carries (rancher-api.md §10.1). */
export async function sendJson(res: ServerResponse, status: number, body: unknown, headers: ResponseHeaders): Promise<void> {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('X-Rancher-Version', headers.rancherVersion);
  res.setHeader('X-API-Version', 'v2-beta');
  if (headers.schemasUrl) res.setHeader('X-API-Schemas', headers.schemasUrl);
  if (status === 401 && headers.challenge) res.setHeader('WWW-Authenticate', 'Basic realm="Enter API access key and secret key as username and password"');
  if (body instanceof CollectionBody && body.records.length > 200) {
    await streamCollection(res, body);
    return;
  }
  const text = body instanceof CollectionBody ? body.json() : JSON.stringify(body);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

export function schemasHeader(ctx: RequestContext, omit: boolean): string | null {
  return omit ? null : ctx.schemasUrl;
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
