import 'server-only';
import type { ResolveCaller } from './caller';

/** The caller of a personal token's Basic credentials (lib/tokens verifies them). */
export const tokenCaller: ResolveCaller = async () => null;
