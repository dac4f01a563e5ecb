// Which actions each state allows, and where a process goes (rancher-api.md §5.2–5.4, from cattle's
// spring-process-context.xml). A resource's `actions` map is exactly the rules whose `from` holds its
// state. `process` actions answer 202 and run through the transitional state; `handler` actions
// answer at once with their output.

export interface ActionRule {
  readonly kind: 'process' | 'handler';
  /** States the action starts from; 'any' means every state but removing/removed/purged. */
  readonly from: readonly string[] | 'any';
  readonly transitional?: string;
  readonly done?: string;
}

export type ActionTable = Readonly<Record<string, ActionRule>>;

const gone = new Set(['removing', 'removed', 'purged']);

export const serviceActions: ActionTable = {
  activate: { kind: 'process', from: ['inactive', 'restarting'], transitional: 'activating', done: 'active' },
  deactivate: {
    kind: 'process',
    from: ['active', 'activating', 'restarting', 'updating-active', 'updating-inactive'],
    transitional: 'deactivating',
    done: 'inactive',
  },
  restart: { kind: 'process', from: ['active'], transitional: 'restarting', done: 'active' },
  upgrade: { kind: 'process', from: ['active', 'activating', 'inactive', 'updating-active'], transitional: 'upgrading', done: 'upgraded' },
  finishupgrade: { kind: 'process', from: ['upgraded'], transitional: 'finishing-upgrade', done: 'active' },
  rollback: { kind: 'process', from: ['upgrading', 'upgraded', 'canceled-upgrade'], transitional: 'rolling-back', done: 'active' },
  cancelupgrade: { kind: 'process', from: ['upgrading', 'finishing-upgrade'], transitional: 'canceling-upgrade', done: 'canceled-upgrade' },
  continueupgrade: { kind: 'process', from: ['canceled-upgrade'], transitional: 'upgrading', done: 'upgraded' },
  update: {
    kind: 'handler',
    from: ['inactive', 'active', 'updating-active', 'activating', 'upgrading', 'rolling-back', 'finishing-upgrade', 'canceling-upgrade'],
  },
  remove: { kind: 'process', from: 'any', transitional: 'removing', done: 'removed' },
  addservicelink: { kind: 'handler', from: 'any' },
  removeservicelink: { kind: 'handler', from: 'any' },
  setservicelinks: { kind: 'handler', from: 'any' },
};

export const secretActions: ActionTable = {
  remove: { kind: 'handler', from: 'any' },
};

export const containerActions: ActionTable = {
  stop: {
    kind: 'process',
    from: ['creating', 'running', 'starting', 'restarting', 'updating-running', 'updating-stopped'],
    transitional: 'stopping',
    done: 'stopped',
  },
  start: { kind: 'process', from: ['stopped'], transitional: 'starting', done: 'running' },
  restart: { kind: 'process', from: ['running'], transitional: 'restarting', done: 'running' },
  remove: {
    kind: 'process',
    from: ['requested', 'creating', 'updating-running', 'updating-stopped', 'stopped', 'error'],
    transitional: 'removing',
    done: 'removed',
  },
  update: { kind: 'handler', from: 'any' },
  logs: { kind: 'handler', from: ['running', 'stopped', 'stopping'] },
  execute: { kind: 'handler', from: ['running'] },
};

export const stackActions: ActionTable = {
  activateservices: { kind: 'handler', from: ['active'] },
  deactivateservices: { kind: 'handler', from: ['active'] },
  upgrade: { kind: 'process', from: ['active', 'canceled-upgrade'], transitional: 'upgrading', done: 'upgraded' },
  finishupgrade: { kind: 'process', from: ['upgraded'], transitional: 'finishing-upgrade', done: 'active' },
  rollback: { kind: 'process', from: ['upgrading', 'upgraded', 'canceled-upgrade'], transitional: 'rolling-back', done: 'active' },
  cancelupgrade: { kind: 'process', from: ['upgrading', 'finishing-upgrade'], transitional: 'canceling-upgrade', done: 'canceled-upgrade' },
  exportconfig: { kind: 'handler', from: 'any' },
  update: { kind: 'handler', from: 'any' },
  remove: { kind: 'process', from: 'any', transitional: 'removing', done: 'removed' },
};

export const hostActions: ActionTable = {
  activate: { kind: 'process', from: ['inactive'], transitional: 'activating', done: 'active' },
  deactivate: { kind: 'process', from: ['active'], transitional: 'deactivating', done: 'inactive' },
  update: { kind: 'handler', from: 'any' },
};

export function isAllowed(rule: ActionRule, state: string): boolean {
  return rule.from === 'any' ? !gone.has(state) : rule.from.includes(state);
}

/** The names of the actions a resource in `state` offers, in table order. */
export function allowedActions(table: ActionTable, state: string): string[] {
  return Object.keys(table).filter((name) => {
    const rule = table[name];
    return rule !== undefined && isAllowed(rule, state);
  });
}
