import { env } from '@/lib/config/env';
import { ForbiddenError } from '@/lib/domain/errors/app-error';
import { problemResponse } from '@/lib/domain/errors/problem';
import { clientAddressHeader } from '@/lib/request/client-address';
import { requestIdFrom, requestIdHeader } from '@/lib/request/request-id';
import { mayReadMetrics } from '@/lib/metrics/metrics-access';
import { portalMetrics } from '@/lib/metrics/portal-metrics';

// Prometheus scrapes this: only from METRICS_ALLOWED_ADDRESSES, or with METRICS_TOKEN as a bearer token.
export async function GET(req: Request) {
  const config = env();
  const allowed = mayReadMetrics(
    { clientAddress: req.headers.get(clientAddressHeader), authorization: req.headers.get('authorization') },
    { allowedRanges: config.METRICS_ALLOWED_ADDRESSES, token: config.METRICS_TOKEN },
  );
  if (!allowed) {
    const refusal = new ForbiddenError('Metrics are served only to the monitoring addresses or with the metrics token.');
    return problemResponse(refusal, requestIdFrom(req.headers.get(requestIdHeader))).response;
  }
  const { registry } = portalMetrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
