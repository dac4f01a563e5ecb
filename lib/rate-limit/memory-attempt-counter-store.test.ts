import { describe } from 'vitest';
import { attemptCounterStoreContract } from '../../test/helpers/attempt-counter-store-contract';
import { MemoryAttemptCounterStore } from './memory-attempt-counter-store';

describe('MemoryAttemptCounterStore', () => {
  attemptCounterStoreContract(async () => new MemoryAttemptCounterStore());
});
