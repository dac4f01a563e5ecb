import { methodNotAllowed, notFound } from './api-error';
import type { Reply } from './api-env';
import { listCollection } from './collection';
import type { RequestContext } from './request-context';
import { apiRoot, findSchema, schemaCollection, schemaResource } from './schema-documents';
import type { TypeDef } from './type-registry';

// /v1-catalog (rancher-api.md §8.3): `rancher stacks ls` fails without it. The simulator has no
// catalog templates, so the collections are empty and every template lookup is a 404.

function catalogType(id: string, pluralName: string, fields: Record<string, string>): TypeDef {
  const collection = id === 'error' ? [] : ['GET'];
  return { id, pluralName, collectionMethods: collection, resourceMethods: collection, fields, filters: ['id', 'name'], actions: null, actionInputs: {}, createTypes: [] };
}

const catalogTypes: TypeDef[] = [
  catalogType('schema', 'schemas', { id: 'string', pluralName: 'string' }),
  catalogType('catalog', 'catalogs', { id: 'string', name: 'string', url: 'string', branch: 'string' }),
  catalogType('template', 'templates', { id: 'string', name: 'string', category: 'string', versionLinks: 'map[string]', defaultVersion: 'string' }),
  catalogType('templateVersion', 'templateVersions', { id: 'string', version: 'string', files: 'map[string]' }),
  catalogType('error', 'errors', { status: 'int', code: 'string', message: 'string' }),
];

export function routeCatalog(ctx: RequestContext, method: string, rest: string[]): Reply {
  const scope = `${ctx.base}/v1-catalog`;
  if (method !== 'GET') throw methodNotAllowed();
  const [first, second, ...deeper] = rest;
  if (deeper.length > 0) throw notFound();
  if (first === undefined) return { status: 200, body: apiRoot(scope, 'v1-catalog', catalogTypes) };
  if (first === 'schemas') {
    if (second === undefined) return { status: 200, body: schemaCollection(catalogTypes, scope) };
    const def = findSchema(catalogTypes, second);
    if (!def) throw notFound();
    return { status: 200, body: schemaResource(def, scope) };
  }
  const type = catalogTypes.find((t) => t.pluralName.toLowerCase() === first.toLowerCase() && t.collectionMethods.length > 0);
  if (!type || second !== undefined) throw notFound();
  return { status: 200, body: listCollection(ctx, type, [], null) };
}
