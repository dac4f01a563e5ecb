import { ConfigError, parseEnv } from '@/lib/config/env';

/** The problems parseEnv names for `source` (the test fails if it accepts it). */
export function configProblems(source: Record<string, string | undefined>): ConfigError['problems'] {
  try {
    parseEnv(source);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}
