import { getAuditStore } from '@/lib/audit/get-audit-store';
import { env } from '@/lib/config/env';
import type { FacadeServices } from '@/lib/facade/facade-http';
import { rancherWire } from '@/lib/facade/rancher-wire';
import { tokenCaller } from '@/lib/facade/token-caller';
import { rancherBackend } from '@/lib/stacks/rancher-backend';

/** The facade with the process's token check, Rancher backend, raw Rancher client and audit store. */
export const facadeServices: FacadeServices = {
  resolveCaller: tokenCaller,
  backend: rancherBackend,
  audit: getAuditStore,
  wire: () => rancherWire(),
  portalOrigin: () => new URL(env().NEXTAUTH_URL).origin,
};
