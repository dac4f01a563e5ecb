import { describe, expect, it } from 'vitest';
import { rancherQuery } from './reads';

describe('rancherQuery', () => {
  it('passes the CLI’s filters, paging and sort on to Rancher', () => {
    const params = new URLSearchParams('limit=-2&removed_null=1&state_ne=inactive&state_ne=stopped&system=false&name=web&sort=name&order=desc&all=true');
    expect(rancherQuery(params)).toEqual({ limit: '-2', removed_null: '1', state_ne: ['inactive', 'stopped'], system: 'false', name: 'web', sort: 'name', order: 'desc', all: 'true' });
  });

  // Rancher's API layer (gdapi) reads `_method` from any request's parameters and merges the parameters
  // into the request object, so `GET …/containers?_method=POST&privileged=true` would be a creation made
  // with the portal's key. Only filters may pass.
  it('drops what Rancher reads as a method, an action, a format, a project or related resources', () => {
    const params = new URLSearchParams('_method=POST&action=remove&_format=html&projectId=1a7&include=instances&projection=x&marker=m1&name=web&privileged=true');
    expect(rancherQuery(params)).toEqual({ name: 'web', privileged: 'true' });
  });

  it('drops names no cattle filter has, and keeps the fixed ones over the request’s', () => {
    const params = new URLSearchParams('stackId=1st9&stackId_ne=1st5&bad%20name=1&a.b=2&x_=3&_=4');
    expect(rancherQuery(params, { stackId: '1st5' })).toEqual({ stackId: '1st5' });
  });
});
