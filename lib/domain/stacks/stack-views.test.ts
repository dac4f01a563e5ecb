import { describe, expect, it } from 'vitest';
import type { ServiceDetail } from '@/lib/domain/rancher/types';
import { serviceView as serviceViewSchema } from './stack-schemas';
import { serviceView } from './stack-views';

const upgraded: ServiceDetail = {
  id: '1s3',
  stackId: '1st1',
  name: 'web',
  state: 'upgraded',
  healthState: 'healthy',
  image: 'nginx:1.27',
  scale: 1,
  launchConfig: null,
  containers: [],
  transitioning: 'no',
  transitioningMessage: null,
  allowedVerbs: ['finish-upgrade', 'rollback'],
  upgradeInProgress: true,
  createdAt: '2026-01-01T00:00:00Z',
  environment: { id: '1a5', name: 'prod-cattle', production: true },
};

describe('serviceView', () => {
  it('passes on what Rancher allows, so the browser does not guess it from the state', () => {
    const view = serviceView(upgraded);
    expect(view.allowedVerbs).toEqual(['finish-upgrade', 'rollback']);
    expect(serviceViewSchema.parse(view)).toEqual(view);
  });
});
