import { describe, expect, it } from 'vitest';
import { routeLabel } from './route-label';

describe('routeLabel', () => {
  it.each([
    ['/', '/'],
    ['/stacks/1st5', '/stacks/{stackId}'],
    ['/stacks/1st5/', '/stacks/{stackId}'],
    ['/stacks/1st5/services/1s7', '/stacks/{stackId}/services/{serviceId}'],
    ['/api/v1/stacks/1st5/services/1s7/upgrade', '/api/v1/stacks/{stackId}/services/{serviceId}/upgrade'],
    ['/api/v1/stacks/1st5/services/1s7/stop', '/api/v1/stacks/{stackId}/services/{serviceId}/{verb}'],
    ['/api/auth/callback/credentials', '/api/auth/*'],
    ['/_next/static/chunks/app.js', '/_next/*'],
    ['/api/v1/openapi.json', '/api/v1/openapi.json'],
    ['/api/v1/environments', '/api/v1/environments'],
    ['/api/v1/openapiXjson', '(other)'],
    ['/wp-admin/setup.php', '(other)'],
    ['/stacks/a/b/c/d', '(other)'],
  ])('%s is %s', (path, label) => {
    expect(routeLabel(path)).toBe(label);
  });
});
