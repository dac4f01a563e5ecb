import { describe, expect, it } from 'vitest';
import { promotionHref, promotionTarget } from './promotion';

const prod = { id: '1a5', name: 'prod-cattle', production: true };
const dev = { id: '1a7', name: 'dev-cattle', production: false };
const stack = (id: string, name: string, environment: typeof prod, services: string[]) => ({
  id,
  name,
  environment,
  services: services.map((s, i) => ({ id: `${id.replace('st', 's')}${i}`, name: s, state: 'active', healthState: 'healthy', image: 'nginx:1', scale: 1, environment, crashLoop: null })),
});

const visible = [stack('1st1', 'foo-jgi-doe', prod, ['web', 'app', 'db']), stack('1st7', 'foo-jgi-doe-dev', dev, ['web', 'app']), stack('1st9', 'lab-dev', dev, ['web'])];

describe('promotionTarget', () => {
  it('finds the service of the same name in the production stack named without -dev', () => {
    expect(promotionTarget(visible, { name: 'foo-jgi-doe-dev', environment: dev }, 'web')).toEqual({ stackId: '1st1', stackName: 'foo-jgi-doe', serviceId: '1s10' });
  });

  it('offers nothing from production, without a prod stack the user sees, or without the same service', () => {
    expect(promotionTarget(visible, { name: 'foo-jgi-doe', environment: prod }, 'web')).toBeNull();
    expect(promotionTarget(visible, { name: 'lab-dev', environment: dev }, 'web')).toBeNull();
    expect(promotionTarget(visible, { name: 'foo-jgi-doe-dev', environment: dev }, 'cache')).toBeNull();
    expect(promotionTarget([visible[1]!], { name: 'foo-jgi-doe-dev', environment: dev }, 'web')).toBeNull();
    // A dev stack of that name is not production.
    expect(promotionTarget([stack('1st8', 'foo-jgi-doe', dev, ['web'])], { name: 'foo-jgi-doe-dev', environment: dev }, 'web')).toBeNull();
  });

  it('links the prod upgrade form with the image', () => {
    expect(promotionHref({ stackId: '1st1', stackName: 'foo-jgi-doe', serviceId: '1s1' }, 'nginx:1.17.10-alpine')).toBe('/stacks/1st1/services/1s1?tab=upgrade&image=nginx%3A1.17.10-alpine');
  });
});
