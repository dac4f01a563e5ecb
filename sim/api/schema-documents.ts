import type { TypeDef } from './type-registry';

// Schema resources (rancher-api.md §2.5). The Go client reads `id`, `links.collection`,
// `links.self`, `collectionMethods` and `resourceMethods`; the rest is there for other clients.

function modifiersFor(fieldType: string | undefined): string[] {
  if (fieldType === 'int' || fieldType === 'date') return ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'null', 'notnull'];
  if (fieldType === 'string' || fieldType === 'enum') return ['eq', 'ne', 'null', 'notnull', 'like', 'notlike', 'prefix'];
  return ['eq', 'ne', 'null', 'notnull'];
}

/** One schema, its links under `scopeUrl` (`…/v2-beta`, `…/v2-beta/projects/1a5` or `…/v1-catalog`). */
export function schemaResource(def: TypeDef, scopeUrl: string): Record<string, unknown> {
  const links: Record<string, string> = { self: `${scopeUrl}/schemas/${def.id.toLowerCase()}` };
  if (def.collectionMethods.length > 0) links.collection = `${scopeUrl}/${def.pluralName.toLowerCase()}`;
  return {
    id: def.id,
    type: 'schema',
    links,
    actions: {},
    pluralName: def.pluralName,
    collectionMethods: def.collectionMethods,
    resourceMethods: def.resourceMethods,
    resourceFields: Object.fromEntries(
      Object.entries(def.fields).map(([name, type]) => [name, { type, nullable: true, create: def.createTypes.length > 0 && name !== 'id', update: def.resourceMethods.includes('PUT') && name !== 'id' }]),
    ),
    resourceActions: Object.fromEntries(Object.keys(def.actions ?? {}).map((a) => [a, { ...(def.actionInputs[a] ? { input: def.actionInputs[a] } : {}), output: a === 'logs' || a === 'execute' ? 'hostAccess' : a === 'exportconfig' ? 'composeConfig' : def.id }])),
    collectionFilters: Object.fromEntries(def.filters.map((f) => [f, { modifiers: modifiersFor(def.fields[f]) }])),
    collectionActions: {},
    collectionFields: {},
    includeableLinks: [],
  };
}

export function schemaCollection(defs: Iterable<TypeDef>, scopeUrl: string): Record<string, unknown> {
  return {
    type: 'collection',
    resourceType: 'schema',
    links: { self: `${scopeUrl}/schemas` },
    createTypes: {},
    actions: {},
    pagination: { first: null, previous: null, next: null, limit: 1000, total: null, partial: false },
    sort: null,
    sortLinks: {},
    filters: {},
    data: [...defs].map((d) => schemaResource(d, scopeUrl)),
  };
}

/** `GET /v2-beta/schemas/{id}` accepts the id or the plural name, in any case (the CLI asks for `schemas/schemas`). */
export function findSchema(defs: Iterable<TypeDef>, name: string): TypeDef | undefined {
  const wanted = name.toLowerCase();
  for (const d of defs) {
    if (d.id.toLowerCase() === wanted || d.pluralName.toLowerCase() === wanted) return d;
  }
  return undefined;
}

/** The API root (`GET /v2-beta`): links to the schemas and every collection. */
export function apiRoot(scopeUrl: string, id: string, defs: Iterable<TypeDef>): Record<string, unknown> {
  const links: Record<string, string> = { self: scopeUrl, schemas: `${scopeUrl}/schemas` };
  for (const d of defs) if (d.collectionMethods.length > 0) links[d.pluralName] = `${scopeUrl}/${d.pluralName.toLowerCase()}`;
  return { id, type: 'apiVersion', links, actions: {} };
}
