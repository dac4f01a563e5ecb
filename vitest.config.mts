import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// `server-only` throws outside Next's server build; tests run server modules directly.
const alias = { '@/': `${root}/`, 'server-only': `${root}/server/server-only-stub.ts` };
const exclude = ['node_modules/**', 'e2e/**', '.next/**', 'dist/**'];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['**/*.test.ts'],
          exclude: [...exclude, '**/*.int.test.ts'],
        },
      },
      {
        resolve: { alias },
        // Component and hook tests (*.test.tsx) get a DOM; the node unit project stays free of its start-up cost.
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['**/*.test.tsx'],
          setupFiles: ['test/helpers/component-setup.ts'],
          exclude,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['**/*.int.test.ts'],
          // Every portal answer a test receives is checked against the OpenAPI document.
          setupFiles: ['test/helpers/openapi-conformance-setup.ts'],
          exclude,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Integration suites start real servers (slapd, PostgreSQL, the portal); two cores only.
          fileParallelism: false,
        },
      },
    ],
  },
});
