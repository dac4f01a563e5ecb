// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The custom server (server/) owns request ids and security headers; Next must not add its own.
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole project with tsc; the build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  // Native or Node-only packages that the server code loads at run time instead of bundling.
  serverExternalPackages: ['ldapts', 'ldapjs', 'libsql', 'pg', 'pino', 'ws', 'kysely', 'prom-client'],
};

module.exports = nextConfig;
