import 'server-only';
/**
 * The route a request path belongs to, as a bounded label: ids become `{placeholders}` and paths the
 * portal does not serve share one label, so a scanner walking random URLs cannot grow the metrics.
 */
const templates = [
  '/',
  '/login',
  '/activity',
  '/policy',
  '/sessions',
  '/stacks',
  '/stacks/{stackId}',
  '/stacks/{stackId}/services/{serviceId}',
  '/api/healthz',
  '/api/readyz',
  '/api/metrics',
  '/api/auth/*',
  '/api/v1/activity',
  '/api/v1/environments',
  '/api/v1/openapi.json',
  '/api/v1/policy/check',
  '/api/v1/sessions',
  '/api/v1/sessions/{sessionId}',
  '/api/v1/stacks',
  '/api/v1/stacks/{stackId}',
  '/api/v1/stacks/{stackId}/activity',
  '/api/v1/stacks/{stackId}/containers/{containerId}/restart',
  '/api/v1/stacks/{stackId}/services/{serviceId}',
  '/api/v1/stacks/{stackId}/services/{serviceId}/upgrade',
  '/api/v1/stacks/{stackId}/services/{serviceId}/{verb}',
  '/_next/*',
];

const matchers = templates.map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+').replace(/\*$/, '.*')}$`),
}));

export const otherRoute = '(other)';

export function routeLabel(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return matchers.find((m) => m.pattern.test(trimmed))?.template ?? otherRoute;
}
