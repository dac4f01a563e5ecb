// Stands in for the `server-only` marker package outside Next's server build: the custom server bundle
// (scripts/build.mjs) and vitest alias it here, since the real one throws when not imported by Next.
export {};
