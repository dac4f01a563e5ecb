// `npm run bench -- <name>` runs bench/<name>.ts. Each bench prints, as its last line, one JSON object
// `{ "bench": "<name>", ..., "ratio": <portal cost / direct cost measured in the same run> }`.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.includes('.test.') && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();

const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(', ') || '(none yet)'}`);
  process.exit(2);
}
process.argv.splice(2, 1);
// No top-level await: package.json has no "type": "module", so tsx runs this file as CommonJS.
import(pathToFileURL(`${dir}/${name}.ts`).href).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
