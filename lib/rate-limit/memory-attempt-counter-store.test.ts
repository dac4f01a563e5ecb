import { describe } from 'vitest';
import { attemptCounterStoreContract } from './attempt-counter-store-contract';
import { MemoryAttemptCounterStore } from './memory-attempt-counter-store';

describe('MemoryAttemptCounterStore', () => {
  attemptCounterStoreContract(async () => new MemoryAttemptCounterStore());
});
