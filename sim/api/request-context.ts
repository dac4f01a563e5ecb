import type { IncomingMessage } from 'node:http';
import type { ApiKey } from '../world/world-types';
import type { RenderCache } from './render-cache';

/** What a handler needs to know about the request it answers. */
export interface RequestContext {
  /** `http://host:port` as the client reached us; links and hostAccess URLs are built from it. */
  base: string;
  url: URL;
  key: ApiKey | null;
  /** The project the request is scoped to, once known. */
  projectId: string | null;
  /** The value of X-API-Schemas for this request's scope. */
  schemasUrl: string | null;
  /** `X-API-Action-Links` asks for the map under `actionLinks` instead of `actions`. */
  actionLinks: boolean;
  /** Rendered JSON of recent resources, shared by every request. */
  renders: RenderCache | null;
}

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.split(',')[0]?.trim() || undefined;
}

/** The base URL the client used, honouring a proxy's X-Forwarded-Proto and X-Forwarded-Host. */
export function requestBase(req: IncomingMessage): string {
  const proto = first(req.headers['x-forwarded-proto']) ?? 'http';
  const host = first(req.headers['x-forwarded-host']) ?? req.headers.host ?? '127.0.0.1';
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}

export function requestContext(req: IncomingMessage, renders: RenderCache | null = null): RequestContext {
  const base = requestBase(req);
  return {
    base,
    url: new URL(req.url ?? '/', base),
    key: null,
    projectId: null,
    schemasUrl: null,
    actionLinks: req.headers['x-api-action-links'] !== undefined,
    renders,
  };
}

export function projectUrl(ctx: RequestContext, projectId: string): string {
  return `${ctx.base}/v2-beta/projects/${projectId}`;
}

/** http → ws, https → wss, as hostAccess and the subscribe link are given. */
export function toWebSocketUrl(url: string): string {
  return url.replace(/^http/, 'ws');
}
