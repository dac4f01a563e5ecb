import { isLoopback } from './port-spec';
import { classifyRange, type Profile } from './profiles';
import type { ServiceSpec } from './service-spec';

/** Whether any published host port of the service is open to all source addresses. */
export function isPubliclyReachable(spec: ServiceSpec, profile: Profile): boolean {
  return spec.ports.some((p) => p.host !== null && !isLoopback(p.hostIp) && classifyRange(profile, p.host, p.protocol).some((r) => r.cls === 'public'));
}
