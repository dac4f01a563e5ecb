import 'server-only';
import { z } from 'zod';

/**
 * A login name as the directory holds it. Checked before anything reaches the directory, so filter or
 * DN tricks never get that far (the values are escaped all the same). Case and surrounding spaces are
 * forgiven: "Fred " logs in as fred.
 */
export const ldapUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'Use your NERSC username: lowercase letters, digits, _ and -');
