// Benchmarks, `npm run audit:verify` and the audit store's second-writer helper run lib/ server code
// under tsx, outside Next's server build, where the `server-only` marker package throws on import.
// Registering an empty module in its place first does what the vitest alias and the server bundle's
// alias (scripts/build.mjs) do. Import this before any lib/ module.
import { createRequire } from 'node:module';

const require = createRequire(__filename);
const marker = require.resolve('server-only');
require.cache[marker] = { id: marker, filename: marker, loaded: true, exports: {} } as NodeJS.Module;
