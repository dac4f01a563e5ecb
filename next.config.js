// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The custom server (server/) owns request ids and security headers; Next must not add its own.
  poweredByHeader: false,
  // `npm run build` lays the standalone output (the build and only the packages it loads) out as dist/,
  // the runtime folder the image ships; tracing starts here, not at a parent folder with a lockfile.
  output: 'standalone',
  outputFileTracingRoot: __dirname,
  reactStrictMode: true,
  // `npm test` type-checks the whole project with tsc; the build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  // Native or Node-only packages that the server code loads at run time instead of bundling.
  serverExternalPackages: ['ldapts', 'ldapjs', 'libsql', 'pg', 'pino', 'ws', 'kysely', 'prom-client'],
};

module.exports = nextConfig;
