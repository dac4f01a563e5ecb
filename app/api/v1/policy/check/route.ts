import { env } from '@/lib/config/env';
import { jsonBody, route } from '@/lib/http/route';
import { policyCheckRequest } from '@/lib/domain/policy/check-input';
import { checkPolicyRequest } from '@/lib/policy-worker/check-policy-request';

// The same check the upgrade form runs in the browser; the server's answer is the one that counts.
// It runs in a worker thread (lib/policy-worker), so a large input never holds up other requests.
export const POST = route(async ({ req }) => {
  const input = policyCheckRequest.parse(await jsonBody(req));
  return Response.json(await checkPolicyRequest({ ...input, allowedHostPaths: env().POLICY_ALLOWED_HOST_PATHS }));
});
