import { describe, expect, it } from 'vitest';
import { allowedActions, containerActions, hostActions, isAllowed, serviceActions, stackActions } from './action-tables';

describe('action tables', () => {
  it.each([
    ['service', serviceActions],
    ['container', containerActions],
    ['stack', stackActions],
    ['host', hostActions],
  ] as const)('every %s process has a transitional and a final state', (_kind, table) => {
    for (const [name, rule] of Object.entries(table)) {
      if (rule.kind === 'process') expect([name, rule.transitional, rule.done].every(Boolean)).toBe(true);
      else expect(rule.transitional, name).toBeUndefined();
    }
  });

  it.each([
    [serviceActions, 'active', ['deactivate', 'restart', 'upgrade', 'update', 'remove', 'addservicelink', 'removeservicelink', 'setservicelinks']],
    [serviceActions, 'upgraded', ['finishupgrade', 'rollback', 'remove', 'addservicelink', 'removeservicelink', 'setservicelinks']],
    [serviceActions, 'inactive', ['activate', 'upgrade', 'update', 'remove', 'addservicelink', 'removeservicelink', 'setservicelinks']],
    [serviceActions, 'removed', []],
    [containerActions, 'running', ['stop', 'restart', 'update', 'logs', 'execute']],
    [containerActions, 'stopped', ['start', 'remove', 'update', 'logs']],
    [stackActions, 'active', ['activateservices', 'deactivateservices', 'upgrade', 'exportconfig', 'update', 'remove']],
  ])('offers exactly the actions of the state', (table, state, expected) => {
    expect(allowedActions(table, state)).toEqual(expected);
  });

  it('an `any` rule excludes removing, removed and purged', () => {
    const remove = serviceActions.remove;
    expect(remove && ['active', 'upgrading', 'error'].every((s) => isAllowed(remove, s))).toBe(true);
    expect(remove && ['removing', 'removed', 'purged'].some((s) => isAllowed(remove, s))).toBe(false);
  });
});
