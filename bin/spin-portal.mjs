#!/usr/bin/env node
// Like spin-policy: tsx (a dependency) compiles the TypeScript on the fly, so the CLI works from a
// fresh clone after `npm ci` with no build step. tsx reads the paths (`@/…`) of the tsconfig in the
// working directory unless told otherwise, and a CI job runs this from its own checkout: point it at
// the package's own before tsx loads.
import { fileURLToPath } from 'node:url';

process.env.TSX_TSCONFIG_PATH = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
const { tsImport } = await import('tsx/esm/api');
const { main } = await tsImport('../scripts/spin-portal/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
