import { readiness, type ReadinessAnswer } from '@/lib/health/readiness';

// Public, for the load balancer: 200 only when Rancher, the directory and the audit store all answer.
export async function GET() {
  const { isReady, checks } = await readiness();
  return Response.json({ status: isReady ? 'ready' : 'not-ready', checks } satisfies ReadinessAnswer, { status: isReady ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
