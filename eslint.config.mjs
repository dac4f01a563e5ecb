import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Imports flow one way: app -> components -> lib (STYLE.md 2.1). lib/domain/policy stays pure so it runs in
// the browser, in route handlers and in the CLI alike.
const layering = {
  files: ['**/*.{ts,tsx,mts}'],
  // Tests and their helpers start the simulator and the demo directory as real servers.
  ignores: ['**/*.test.ts', '**/*.int.test.ts', 'test/**', 'e2e/**', 'bench/**'],
  rules: {
    'import/no-cycle': 'error',
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          { target: './lib', from: ['./app', './components', './server', './sim', './demo'], message: 'lib/ is imported by the rest, never the other way round.' },
          { target: './components', from: ['./app', './server', './sim', './demo'] },
          { target: './server', from: ['./app', './components'] },
          { target: './sim', from: ['./app', './components', './lib', './server'], message: 'The simulator is a separate server: it shares no code with the portal.' },
        ],
      },
    ],
  },
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

const pureRestrictions = {
  files: ['lib/domain/policy/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'child_process', 'next', 'next/*', 'react', 'react-dom', 'server-only'], message: 'lib/policy is pure: no Node, Next, React or DOM imports.' }] },
    ],
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
  pureRestrictions,
  envOnlyInConfig,
  programs,
  { ignores: ['.next/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.data/**', 'next-env.d.ts'] },
];

export default config;
