import { type ActionTable, containerActions, hostActions, secretActions, serviceActions, stackActions } from '../engine/action-tables';

// The API types the simulator serves, as its schemas describe them (rancher-api.md §2.5): methods,
// fields, filters and actions. Field lists are written `name:type` in Rancher's type notation.

export interface TypeDef {
  id: string;
  pluralName: string;
  collectionMethods: string[];
  resourceMethods: string[];
  fields: Record<string, string>;
  filters: string[];
  actions: ActionTable | null;
  actionInputs: Record<string, string>;
  /** Types a POST to this collection may create (the collection's `createTypes`). */
  createTypes: string[];
}

function fields(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of spec.trim().split(/\s+/)) {
    const at = pair.indexOf(':');
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

const common =
  'id:string name:string description:string state:enum kind:string accountId:reference[account] created:date createdTS:int removed:date uuid:string transitioning:enum transitioningMessage:string transitioningProgress:int';
const commonFilters = ['id', 'name', 'state', 'kind', 'accountId', 'created', 'removed', 'uuid', 'description', 'transitioning'];

const launchConfigFields =
  'imageUuid:string labels:map[string] environment:map[string] command:array[string] entryPoint:array[string] ports:array[string] expose:array[string] dataVolumes:array[string] dataVolumesFrom:array[reference[container]] dataVolumesFromLaunchConfigs:array[string] privileged:boolean capAdd:array[enum] capDrop:array[enum] user:string workingDir:string hostname:string tty:boolean stdinOpen:boolean networkMode:enum networkLaunchConfig:string pidMode:enum ipcMode:string usernsMode:string uts:string logConfig:logConfig healthCheck:instanceHealthCheck secrets:array[secretReference] memory:int memoryReservation:int milliCpuReservation:int cpuShares:int devices:array[string] dns:array[string] dnsSearch:array[string] extraHosts:array[string] readOnly:boolean restartPolicy:restartPolicy stopSignal:string ulimits:array[ulimit] tmpfs:map[string] sysctls:map[string] version:string kind:string';

const serviceInputs = { restart: 'serviceRestart', upgrade: 'serviceUpgrade', setservicelinks: 'setServiceLinksInput', addservicelink: 'addRemoveServiceLinkInput', removeservicelink: 'addRemoveServiceLinkInput' };
const serviceFields =
  'stackId:reference[stack] scale:int currentScale:int launchConfig:launchConfig secondaryLaunchConfigs:array[secondaryLaunchConfig] instanceIds:array[reference[instance]] upgrade:serviceUpgrade publicEndpoints:array[publicEndpoint] fqdn:string metadata:map[json] linkedServices:map[reference[service]] selectorLink:string selectorContainer:string lbConfig:lbConfig scalePolicy:scalePolicy retainIp:boolean vip:string system:boolean startOnCreate:boolean createIndex:int healthState:enum assignServiceIpAddress:boolean externalId:string';
const serviceFilters = ['stackId', 'system', 'healthState', 'scale', 'createIndex', 'externalId', 'selectorLink', 'vip', 'fqdn'];
const containerFields = `hostId:reference[host] primaryIpAddress:string serviceIds:array[reference[service]] stackId:reference[stack] externalId:string startCount:int createIndex:int healthState:enum deploymentUnitUuid:string system:boolean firstRunning:date nativeContainer:boolean data:map[json] ${launchConfigFields}`;
const containerFilters = ['hostId', 'stackId', 'imageUuid', 'primaryIpAddress', 'system', 'healthState', 'externalId', 'deploymentUnitUuid', 'startCount', 'createIndex', 'hostname', 'version'];
const containerInputs = { stop: 'instanceStop', logs: 'containerLogs', execute: 'containerExec' };

interface Spec {
  plural: string;
  collection?: string[];
  resource?: string[];
  fields?: string;
  filters?: string[];
  actions?: ActionTable;
  inputs?: Record<string, string>;
  creates?: string[];
  embedded?: boolean;
}

const serviceTypes = ['service', 'loadBalancerService', 'dnsService', 'externalService'];
const crud = ['GET', 'PUT', 'DELETE'];

const specs: Record<string, Spec> = {
  schema: { plural: 'schemas', fields: 'pluralName:string resourceFields:map[json] resourceActions:map[json] collectionFilters:map[json]', filters: [] },
  project: { plural: 'projects', fields: 'orchestration:string healthState:enum members:array[projectMember] defaultNetworkId:reference[network]', filters: ['orchestration', 'healthState'] },
  stack: {
    plural: 'stacks',
    collection: ['GET', 'POST'],
    resource: crud,
    fields:
      'group:string dockerCompose:string rancherCompose:string environment:map[string] answers:map[json] templates:map[string] externalId:string previousExternalId:string previousEnvironment:map[string] outputs:map[string] system:boolean startOnCreate:boolean binding:binding serviceIds:array[reference[service]] healthState:enum',
    filters: ['group', 'system', 'externalId', 'healthState'],
    actions: stackActions,
    inputs: { upgrade: 'stackUpgrade', exportconfig: 'composeConfigInput' },
    creates: ['stack'],
  },
  ...Object.fromEntries(
    serviceTypes.map((id) => [id, { plural: `${id}s`, collection: ['GET', 'POST'], resource: crud, fields: serviceFields, filters: serviceFilters, actions: serviceActions, inputs: serviceInputs, creates: serviceTypes }]),
  ),
  container: { plural: 'containers', resource: crud, fields: containerFields, filters: containerFilters, actions: containerActions, inputs: containerInputs },
  instance: { plural: 'instances', resource: crud, fields: containerFields, filters: containerFilters, actions: containerActions, inputs: containerInputs },
  host: { plural: 'hosts', resource: ['GET', 'PUT'], fields: 'hostname:string agentIpAddress:string agentState:string labels:map[string] info:json instanceIds:array[reference[instance]]', filters: ['hostname', 'agentState', 'agentIpAddress'], actions: hostActions },
  volume: { plural: 'volumes', fields: 'driver:string hostId:reference[host] stackId:reference[stack]', filters: ['driver', 'hostId', 'stackId'] },
  secret: { plural: 'secrets', collection: ['GET', 'POST'], resource: ['GET', 'DELETE'], fields: 'value:password', filters: [], actions: secretActions, creates: ['secret'] },
  subscribe: { plural: 'subscribe', fields: 'eventNames:array[string]', filters: [] },
  serviceLog: {
    plural: 'serviceLogs',
    fields: 'serviceId:reference[service] instanceId:reference[instance] eventType:string level:enum subLog:boolean endTime:date transactionId:string',
    filters: ['serviceId', 'instanceId', 'eventType', 'level', 'subLog', 'endTime'],
  },
  setting: { plural: 'settings', fields: 'value:string activeValue:string source:string inDb:boolean', filters: ['value'] },
  machine: { plural: 'machines', fields: 'driver:string hostname:string', filters: ['driver'] },
  projectTemplate: { plural: 'projectTemplates', fields: 'stacks:array[catalogTemplate] isPublic:boolean', filters: ['isPublic'] },
  serviceConsumeMap: { plural: 'serviceConsumeMaps', fields: 'serviceId:reference[service] consumedServiceId:reference[service] ports:array[string]', filters: ['serviceId', 'consumedServiceId'] },
  launchConfig: { plural: 'launchConfigs', fields: launchConfigFields, embedded: true },
  secondaryLaunchConfig: { plural: 'secondaryLaunchConfigs', fields: `name:string ${launchConfigFields}`, embedded: true },
  serviceUpgrade: { plural: 'serviceUpgrades', fields: 'inServiceStrategy:inServiceUpgradeStrategy toServiceStrategy:toServiceUpgradeStrategy', embedded: true },
  inServiceUpgradeStrategy: {
    plural: 'inServiceUpgradeStrategies',
    fields: 'batchSize:int intervalMillis:int startFirst:boolean launchConfig:launchConfig secondaryLaunchConfigs:array[secondaryLaunchConfig] previousLaunchConfig:launchConfig previousSecondaryLaunchConfigs:array[secondaryLaunchConfig]',
    embedded: true,
  },
  secretReference: { plural: 'secretReferences', fields: 'secretId:reference[secret] name:string uid:string gid:string mode:string', embedded: true },
  serviceRestart: { plural: 'serviceRestarts', fields: 'rollingRestartStrategy:rollingRestartStrategy', embedded: true },
  rollingRestartStrategy: { plural: 'rollingRestartStrategies', fields: 'batchSize:int intervalMillis:int', embedded: true },
  containerLogs: { plural: 'containerLogs', fields: 'follow:boolean lines:int timestamps:boolean since:string', embedded: true },
  containerExec: { plural: 'containerExecs', fields: 'attachStdin:boolean attachStdout:boolean tty:boolean command:array[string]', embedded: true },
  instanceStop: { plural: 'instanceStops', fields: 'remove:boolean timeout:int', embedded: true },
  hostAccess: { plural: 'hostAccesses', fields: 'url:string token:string', embedded: true },
  publicEndpoint: { plural: 'publicEndpoints', fields: 'ipAddress:string port:int hostId:reference[host] instanceId:reference[instance] serviceId:reference[service]', embedded: true },
  composeConfig: { plural: 'composeConfigs', fields: 'dockerComposeConfig:string rancherComposeConfig:string', embedded: true },
  composeConfigInput: { plural: 'composeConfigInputs', fields: 'serviceIds:array[reference[service]]', embedded: true },
  stackUpgrade: { plural: 'stackUpgrades', fields: 'dockerCompose:string rancherCompose:string environment:map[string] externalId:string answers:map[json]', embedded: true },
  setServiceLinksInput: { plural: 'setServiceLinksInputs', fields: 'serviceLinks:array[serviceLink]', embedded: true },
  addRemoveServiceLinkInput: { plural: 'addRemoveServiceLinkInputs', fields: 'serviceLink:serviceLink', embedded: true },
  error: { plural: 'errors', fields: 'status:int code:string message:string detail:string fieldName:string', embedded: true },
};

function build(id: string, spec: Spec): TypeDef {
  return {
    id,
    pluralName: spec.plural,
    collectionMethods: spec.embedded ? [] : (spec.collection ?? ['GET']),
    resourceMethods: spec.embedded ? [] : (spec.resource ?? ['GET']),
    fields: spec.embedded ? fields(spec.fields ?? '') : fields(`${common} ${spec.fields ?? ''}`),
    filters: spec.embedded ? [] : [...commonFilters, ...(spec.filters ?? [])],
    actions: spec.actions ?? null,
    actionInputs: spec.inputs ?? {},
    createTypes: spec.creates ?? [],
  };
}

export const typeDefs: ReadonlyMap<string, TypeDef> = new Map(Object.entries(specs).map(([id, spec]) => [id, build(id, spec)]));

const byCollection = new Map([...typeDefs.values()].filter((t) => t.collectionMethods.length > 0).map((t) => [t.pluralName.toLowerCase(), t]));

/** The type whose collection path this is; paths are matched without regard to case, as cattle does. */
export function typeForCollection(segment: string): TypeDef | undefined {
  return byCollection.get(segment.toLowerCase());
}

export function typeDef(id: string): TypeDef {
  const def = typeDefs.get(id);
  if (!def) throw new Error(`unknown API type ${id}`);
  return def;
}
