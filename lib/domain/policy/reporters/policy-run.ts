import type { PolicyResult } from '../finding';

/** One checked stack: its main file (the compose file) and the result. */
export interface PolicyRun {
  file?: string;
  result: PolicyResult;
}
