import 'server-only';
import { containerActionParams, emptyBody, restartInput, serviceActionParams } from '@/lib/operations/service-actions';
import { upgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import { containerView, environmentList, serviceDetailView, serviceIdParam, serviceView, stackIdParam, stackList, stackView } from '@/lib/domain/stacks/stack-schemas';
import { mutationProblems, signedInProblems, type OperationSpec } from './operation';

const read = [...signedInProblems, 502, 503];
const action = [...signedInProblems, ...mutationProblems, 404, 409, 502, 503];

/** Stacks, services and containers: what the stack pages read and the action buttons post. */
export const stacksPaths: Record<string, Record<string, OperationSpec>> = {
  '/api/v1/stacks': {
    get: {
      id: 'listStacks',
      tag: 'stacks',
      summary: 'The stacks you may see, with their services',
      description: 'An environment that does not answer is listed in `environments` as unavailable while the others are listed; 503 only when none answers.',
      success: { status: 200, schema: stackList, description: 'Visible stacks, by name' },
      problems: read,
    },
  },
  '/api/v1/environments': {
    get: {
      id: 'listEnvironments',
      tag: 'stacks',
      summary: 'The Rancher environments the portal works in, and whether each answers',
      success: { status: 200, schema: environmentList, description: 'Environments, as configured' },
      problems: read,
    },
  },
  '/api/v1/stacks/{stackId}': {
    get: {
      id: 'getStack',
      tag: 'stacks',
      summary: 'One stack with services, containers and your rights on it',
      params: stackIdParam,
      success: { status: 200, schema: stackView, description: 'The stack' },
      problems: [...read, 400, 404],
    },
  },
  '/api/v1/stacks/{stackId}/services/{serviceId}': {
    get: {
      id: 'getService',
      tag: 'stacks',
      summary: 'One service with its launchConfig (what an upgrade changes)',
      params: serviceIdParam,
      success: { status: 200, schema: serviceDetailView, description: 'The service' },
      problems: [...read, 400, 404],
    },
  },
  '/api/v1/stacks/{stackId}/services/{serviceId}/{verb}': {
    post: {
      id: 'runServiceAction',
      tag: 'actions',
      summary: 'Stop, start or restart a service, or finish or roll back its upgrade',
      description:
        'Right `operate` for stop, start and restart, `upgrade` for finish-upgrade and rollback. Only `restart` takes options (a rolling restart); the other verbs take `{}`.',
      params: serviceActionParams,
      body: restartInput,
      success: { status: 202, schema: serviceView, description: 'The service in its transitional state' },
      problems: action,
    },
  },
  '/api/v1/stacks/{stackId}/services/{serviceId}/upgrade': {
    post: {
      id: 'upgradeService',
      tag: 'actions',
      summary: 'Upgrade a service: change its launchConfig (right `upgrade`)',
      description:
        '`launchConfig` is a JSON merge patch on the running configuration; the portal checks the result against Spin policy (422 with `findings` on any error) and sends Rancher the whole merged launchConfig. Finish or roll back afterwards.',
      params: serviceIdParam,
      body: upgradeInput,
      success: { status: 202, schema: serviceView, description: 'The service, upgrading' },
      problems: [...action, 422],
    },
  },
  '/api/v1/stacks/{stackId}/containers/{containerId}/restart': {
    post: {
      id: 'restartContainer',
      tag: 'actions',
      summary: 'Restart one container (right `operate`)',
      params: containerActionParams,
      body: emptyBody,
      success: { status: 202, schema: containerView, description: 'The container, restarting' },
      problems: action,
    },
  },
};
