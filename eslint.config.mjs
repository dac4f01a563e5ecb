import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Imports flow one way: app -> components -> lib (STYLE.md 2.1); docs/architecture.md explains the layout.
const directionZones = [
  { target: './lib', from: ['./app', './components', './server', './sim', './demo'], message: 'lib/ is imported by the rest, never the other way round.' },
  { target: './components', from: ['./app', './server', './sim', './demo'] },
  { target: './server', from: ['./app', './components'] },
  { target: './sim', from: ['./app', './components', './lib', './server'], message: 'The simulator is a separate server: it shares no code with the portal.' },
];

const layering = {
  files: ['**/*.{ts,tsx,mts}'],
  // Tests and their helpers start the simulator and the demo directory as real servers.
  ignores: ['**/*.test.ts', '**/*.int.test.ts', 'test/**', 'e2e/**', 'bench/**'],
  rules: {
    'import/no-cycle': 'error',
    'import/no-restricted-paths': ['error', { zones: directionZones }],
  },
};

// The folders of lib/, lowest first: each may import only the folders before it, so no two folders
// can import each other, even through a third. lib/domain is isomorphic, lib/client runs in the
// browser, the rest is server-only. A new folder must be placed here.
const libLayers = [
  'domain/schema', 'domain/errors', 'domain/rancher', 'domain/sockets', 'domain/policy', 'domain/audit', 'domain/sessions', 'domain/activity',
  'domain/access', 'domain/stacks', 'domain/secrets', 'domain/upgrade', 'domain/tokens', 'domain/stats',
  'client/keyboard', 'client/logs', 'client/shell', 'client/queries', 'client/stats',
  'config', 'log', 'metrics', 'request', 'rate-limit', 'rancher', 'audit', 'sessions', 'auth', 'tokens', 'http', 'stacks',
  'activity', 'health', 'policy-worker', 'operations', 'stats', 'secrets', 'facade', 'openapi',
];
const lib = new URL('./lib/', import.meta.url);
const libFolders = readdirSync(lib, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => (d.name === 'domain' || d.name === 'client' ? readdirSync(new URL(`${d.name}/`, lib)).map((sub) => `${d.name}/${sub}`) : [d.name]));
const unplaced = libFolders.filter((folder) => !libLayers.includes(folder));
if (unplaced.length > 0) throw new Error(`eslint.config.mjs: place lib/${unplaced.join(', lib/')} in libLayers`);

const libLayering = {
  files: ['lib/**/*.{ts,tsx}'],
  ignores: ['**/*.test.ts', '**/*.int.test.ts'],
  rules: {
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          ...directionZones,
          ...libLayers.map((folder, i) => ({
            target: `./lib/${folder}`,
            from: libLayers.slice(i + 1).map((higher) => `./lib/${higher}`),
            message: `lib/${folder} may import only the lib/ folders listed before it in libLayers (eslint.config.mjs): an import the other way could close a cycle.`,
          })),
        ],
      },
    ],
  },
};

// Where code runs (STYLE.md 2.1): what a browser or isomorphic file may not import.
const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const serverLib = { regex: '^(@/|(\\.\\./)+)lib/(?!domain/|client/)', message: 'Server-only: components, lib/client and lib/domain import only lib/domain and lib/client.' };
const noServerOnly = { name: 'server-only', message: 'Server-only code stays out of browser bundles.' };
const browserRestrictions = {
  files: ['components/**/*.{ts,tsx}', 'lib/client/**/*.{ts,tsx}'],
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [noServerOnly, ...nodeModules.map((name) => ({ name, message: 'Browser code: no Node modules.' }))],
        patterns: [serverLib],
      },
    ],
  },
};

// lib/domain runs in the browser, in handlers, in the policy worker and in the CLI alike.
const domainRestrictions = {
  files: ['lib/domain/**/*.ts'],
  ignores: ['**/*.test.ts', '**/*.int.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [noServerOnly, ...nodeModules.map((name) => ({ name, message: 'lib/domain is isomorphic: no Node modules.' }))],
        patterns: [
          serverLib,
          { regex: '^(@/|(\\.\\./)+)lib/client/', message: 'lib/domain is isomorphic: browser models live above it, in lib/client.' },
          { group: ['next', 'next/*', 'react', 'react-dom'], message: 'lib/domain is isomorphic: no Next or React.' },
        ],
      },
    ],
    'no-restricted-globals': ['error', ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'WebSocket', 'Buffer', 'process'].map((name) => ({ name, message: 'lib/domain is isomorphic: no browser or Node globals.' }))],
  },
};

// Every server-only lib file says so, so Next refuses it in a client bundle at build time too.
const serverOnlyMarker = {
  meta: { type: 'problem', schema: [], messages: { missing: "A server-only lib/ file starts with `import 'server-only';` (or belongs in lib/domain or lib/client)." } },
  create(context) {
    return {
      Program(program) {
        const marked = program.body.some((node) => node.type === 'ImportDeclaration' && node.source.value === 'server-only');
        if (!marked) context.report({ node: program, loc: { line: 1, column: 0 }, messageId: 'missing' });
      },
    };
  },
};
const serverMarkers = {
  files: ['lib/**/*.{ts,tsx}'],
  ignores: ['lib/domain/**', 'lib/client/**', '**/*.test.ts', '**/*.int.test.ts', '**/*.d.ts'],
  plugins: { portal: { rules: { 'server-only-marker': serverOnlyMarker } } },
  rules: { 'portal/server-only-marker': 'error' },
};

const everywhere = {
  files: ['**/*.{ts,tsx,mts}'],
  rules: {
    'no-console': ['error', { allow: ['error'] }],
    'no-restricted-syntax': [
      'error',
      { selector: 'ExportAllDeclaration', message: 'No barrel files: import from the defining file (STYLE.md 2.10).' },
    ],
    '@typescript-eslint/no-explicit-any': 'error',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
  },
};

const envOnlyInConfig = {
  files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.ts'],
  ignores: ['lib/config/**'],
  rules: {
    'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from lib/config/env.ts.' }],
  },
};

// Command-line programs print to the terminal by design.
const programs = {
  files: ['scripts/**', 'bench/**', 'sim/main.ts', 'bin/**', 'e2e/**', 'test/**'],
  rules: { 'no-console': 'off' },
};

const config = [
  ...nextVitals,
  ...nextTs,
  everywhere,
  layering,
  libLayering,
  browserRestrictions,
  domainRestrictions,
  serverMarkers,
  envOnlyInConfig,
  programs,
  { ignores: ['.next/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.data/**', 'next-env.d.ts', 'test/lint/fixtures/**'] },
];

export default config;
