#!/usr/bin/env node
// The policy library is TypeScript; tsx (a dependency) compiles it on the fly, so the CLI works from
// a fresh clone after `npm ci` with no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../scripts/spin-policy/main.ts', import.meta.url);
process.exitCode = main(process.argv.slice(2));
