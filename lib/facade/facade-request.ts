import 'server-only';
import type { Logger } from '@/lib/log/logger';
import type { AuditStore } from '@/lib/audit/audit-store';
import type { RancherBackend } from '@/lib/rancher/backend';
import type { CallerScope } from './caller-scope';
import type { RancherWire } from './rancher-wire';

/** One request to the facade, authenticated, with what answering it needs. */
export interface FacadeRequest {
  method: string;
  /** Path segments after `/v2-beta/projects/<projectId>`. */
  segments: string[];
  projectId: string;
  query: URLSearchParams;
  body: unknown;
  /** The portal's public origin, e.g. `https://portal.spin.nersc.gov`: every link points there. */
  portalOrigin: string;
  scope: CallerScope;
  wire: RancherWire;
  backend: RancherBackend;
  audit: AuditStore;
  requestId: string;
  clientAddress: string;
  userAgent: string | null;
  log: Logger;
}

/** An answer before the links are rewritten to the portal's origin. */
export interface FacadeAnswer {
  status: number;
  body: unknown;
}

export const ok = (body: unknown): FacadeAnswer => ({ status: 200, body });

/** The portal's own URL of a project-scoped path, for `links.self` of what the facade builds itself. */
export function projectUrl(req: Pick<FacadeRequest, 'portalOrigin' | 'projectId'>, path = ''): string {
  return `${req.portalOrigin}/v2-beta/projects/${req.projectId}${path}`;
}
