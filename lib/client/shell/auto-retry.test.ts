import { describe, expect, it } from 'vitest';
import { AutoRetryBudget, stableSessionMs } from './auto-retry';

describe('AutoRetryBudget', () => {
  it('allows one automatic retry', () => {
    const budget = new AutoRetryBudget();
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
  });

  it('does not refill after a session that dropped quickly or never became ready', () => {
    const budget = new AutoRetryBudget();
    budget.take();
    budget.sessionLasted(stableSessionMs - 1);
    expect(budget.take()).toBe(false);
    budget.sessionLasted(null);
    expect(budget.take()).toBe(false);
  });

  it('refills after a session that worked for a while', () => {
    const budget = new AutoRetryBudget();
    budget.take();
    budget.sessionLasted(stableSessionMs);
    expect(budget.take()).toBe(true);
  });

  it('refills when the user reconnects', () => {
    const budget = new AutoRetryBudget();
    budget.take();
    budget.reset();
    expect(budget.take()).toBe(true);
  });
});
