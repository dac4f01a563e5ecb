import { readFile } from 'node:fs/promises';
import type { Server, Socket } from 'node:net';
import { resolve } from 'node:path';
import ldap from 'ldapjs';
import { DemoDirectory, type SearchScope } from './ldap-directory';

/** The slices of ldapjs's request and response objects the handlers use (its typings say `any`). */
interface LdapConnection {
  ldap: { bindDN: { toString(): string } };
}
interface BindRequest {
  dn: { toString(): string };
  credentials: string;
  connection: LdapConnection;
}
interface SearchRequest {
  dn: { toString(): string };
  scopeName: 'base' | 'single' | 'subtree';
  filter: { matches(attributes: Record<string, string[]>, strictAttrCase: boolean): boolean };
  connection: LdapConnection;
}
interface LdapResponse {
  end(): void;
}
interface SearchResponse extends LdapResponse {
  attributes: string[];
  send(entry: { dn: string; attributes: Record<string, string[]> }): void;
}
type Next = (err?: unknown) => void;

const scopes: Record<SearchRequest['scopeName'], SearchScope> = { base: 'base', single: 'one', subtree: 'sub' };
// ldapjs names an unauthenticated connection so.
const anonymous = 'cn=anonymous';

function boundDn(connection: LdapConnection): string | null {
  const dn = connection.ldap.bindDN.toString();
  return dn === '' || dn.toLowerCase() === anonymous ? null : dn;
}

function serve(directory: DemoDirectory): ldap.Server {
  const server = ldap.createServer();

  // Mounted at the root, so a bind or search outside the suffix gets slapd's answers, not ldapjs's.
  server.bind('', (req: BindRequest, res: LdapResponse, next: Next) => {
    const outcome = directory.bind(req.dn.toString(), req.credentials);
    if (outcome === 'bound') {
      res.end();
      return next();
    }
    // A failed bind leaves the connection anonymous (RFC 4513, 5.1); ldapjs would keep the old identity.
    req.connection.ldap.bindDN = ldap.parseDN(anonymous);
    if (outcome === 'unwilling') return next(new ldap.UnwillingToPerformError('unauthenticated bind (DN with no password) disallowed'));
    return next(new ldap.InvalidCredentialsError());
  });

  server.search('', (req: SearchRequest, res: SearchResponse, next: Next) => {
    // ldapjs compares requested attribute names as sent with lower-cased entry names: camelCase ones
    // (uidNumber, memberUid) would silently vanish from the answer.
    res.attributes = res.attributes.map((a) => a.toLowerCase());
    const found = directory.search(boundDn(req.connection), req.dn.toString(), scopes[req.scopeName], (attributes) =>
      req.filter.matches(attributes, false),
    );
    if (!found) return next(new ldap.NoSuchObjectError(req.dn.toString()));
    // res.send strips unrequested attributes from the object it is given: hand it copies.
    for (const entry of found) res.send({ dn: entry.dn, attributes: { ...entry.attributes } });
    res.end();
    return next();
  });

  return server;
}

/**
 * Serves the demo directory over LDAP (ldapjs) for demo mode and tests. Binds check the `{SSHA}`
 * passwords of the LDIF; searches follow the access rules of the slapd the integration tests run.
 * `ldifPath` defaults to `demo/directory.ldif` under the working directory (the repository root for
 * `npm start` and the tests), which keeps working once the server is bundled.
 */
export async function startDemoLdap(
  options: { host?: string; port?: number; ldifPath?: string } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const directory = new DemoDirectory(await readFile(options.ldifPath ?? resolve('demo', 'directory.ldif'), 'utf8'));
  const server = serve(directory);
  // ldapjs keeps its net.Server here; the typings do not say so.
  const socketServer = (server as unknown as { server: Server }).server;
  const sockets = new Set<Socket>();
  socketServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolveListen, reject) => {
    socketServer.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      socketServer.removeListener('error', reject);
      resolveListen();
    });
  });
  const address = socketServer.address();
  if (address === null || typeof address === 'string') throw new Error('the demo LDAP server has no TCP address');
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `ldap://${urlHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        // Clients that never unbind would otherwise keep close() waiting.
        for (const socket of sockets) socket.destroy();
        socketServer.close(() => resolveClose());
      }),
  };
}
