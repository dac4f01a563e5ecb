/**
 * The custom server puts the client's address here (from the socket, or X-Forwarded-For behind a
 * trusted proxy) after removing any value the client sent, so handlers, rate limits and the audit log
 * all see the same address.
 */
export const clientAddressHeader = 'x-portal-client-address';
