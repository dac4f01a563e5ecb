import { jsonBody, route } from '@/lib/http/route';
import { checkPolicy } from '@/lib/policy/check';
import { policyCheckRequest } from '@/lib/policy/check-input';

// The same check the upgrade form runs in the browser; the server's answer is the one that counts.
export const POST = route(async ({ req }) => {
  const input = policyCheckRequest.parse(await jsonBody(req));
  const { findings, summary } = checkPolicy(input);
  return Response.json({ findings, summary: { errors: summary.errors, warnings: summary.warnings } });
});
