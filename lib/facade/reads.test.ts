import { describe, expect, it } from 'vitest';
import type { Query } from '@/lib/rancher/http-client';
import type { CallerScope } from './caller-scope';
import type { FacadeRequest } from './facade-request';
import type { RancherWire } from './rancher-wire';
import { listCollection, rancherQuery } from './reads';

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

  // The facade answers in one page and reads every page Rancher has: `limit=1` would turn one request
  // into one read of Rancher per row of the environment's whole collection.
  it('passes a limit only when it asks for Rancher’s largest page (≤ 0), never a smaller one', () => {
    expect(rancherQuery(new URLSearchParams('limit=-2'))).toEqual({ limit: '-2' });
    expect(rancherQuery(new URLSearchParams('limit=0'))).toEqual({ limit: '0' });
    for (const limit of ['1', '99', 'abc', '']) expect(rancherQuery(new URLSearchParams(`limit=${limit}&name=web`))).toEqual({ name: 'web' });
  });

  it('drops names no cattle filter has, and keeps the fixed ones over the request’s', () => {
    const params = new URLSearchParams('stackId=1st9&stackId_ne=1st5&bad%20name=1&a.b=2&x_=3&_=4');
    expect(rancherQuery(params, { stackId: '1st5' })).toEqual({ stackId: '1st5' });
  });
});

describe('serviceconsumemaps', () => {
  // Rancher keeps one condition per field, so `serviceId_notnull` can replace `serviceId=<mine>`: the
  // links of every service of the environment would come back.
  it('answers only the links of the caller’s service, whatever else the query asks', async () => {
    const asked: Query[] = [];
    const wire = {
      base: 'http://rancher.invalid',
      get: () => Promise.resolve({ id: '1s1', type: 'service', stackId: '1st1' }),
      list: (_path: string, query: Query) => {
        asked.push(query);
        return Promise.resolve([
          { id: '1sc1', type: 'serviceConsumeMap', serviceId: '1s1', consumedServiceId: '1s2' },
          { id: '1sc2', type: 'serviceConsumeMap', serviceId: '1s9', consumedServiceId: '1s8' },
        ]);
      },
    } as unknown as RancherWire;
    const scope = { environments: [], may: (stackId: string | null | undefined) => stackId === '1st1' } as unknown as CallerScope;
    const req = { projectId: '1a5', portalOrigin: 'https://portal.invalid', query: new URLSearchParams('serviceId=1s1&serviceId_notnull=1'), wire, scope } as unknown as FacadeRequest;
    const answer = await listCollection(req, 'serviceconsumemaps');
    expect(((answer.body as { data: { id: string }[] }).data).map((r) => r.id)).toEqual(['1sc1']);
    expect(asked).toEqual([expect.objectContaining({ serviceId: '1s1' })]);
    expect(asked[0]).not.toHaveProperty('serviceId_notnull');
  });
});
