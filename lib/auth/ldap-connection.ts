import 'server-only';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Client } from 'ldapts';
import { DirectoryUnavailableError, InvalidCredentialsError } from './ldap-errors';
import type { LdapSettings } from './ldap-settings';

async function tlsOptions(settings: LdapSettings): Promise<ConnectionOptions> {
  const options: ConnectionOptions = { minVersion: 'TLSv1.2' };
  if (settings.caFile) options.ca = [await readFile(settings.caFile, 'utf8')];
  return options;
}

/**
 * Whom the certificate must name after StartTLS. Upgrading an open socket, Node knows no host name and
 * would check the certificate against "localhost"; SNI takes host names only.
 */
function serverIdentity(url: string): Pick<ConnectionOptions, 'host' | 'servername'> {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? { host } : { host, servername: host };
}

/**
 * Opens one connection for `work` and always closes it. The whole exchange gets `settings.timeoutMs`:
 * ldapts bounds each operation, but not a StartTLS handshake, and a login is several round trips.
 * Anything but a refused login becomes DirectoryUnavailableError, so an outage never reads as a wrong
 * password.
 */
export async function withDirectory<T>(settings: LdapSettings, work: (client: Client) => Promise<T>): Promise<T> {
  let client: Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let isOver = false;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the directory within ${settings.timeoutMs} ms`)), settings.timeoutMs);
  });
  const exchange = async (): Promise<T> => {
    const tls = await tlsOptions(settings);
    // A deadline passed while reading the CA file: open nothing that the cleanup below could not close.
    if (isOver) throw new Error('gave up before connecting');
    const isLdaps = settings.url.toLowerCase().startsWith('ldaps:');
    client = new Client({
      url: settings.url,
      timeout: settings.timeoutMs,
      connectTimeout: settings.timeoutMs,
      tlsOptions: isLdaps ? tls : undefined,
    });
    if (settings.startTls && !isLdaps) await client.startTLS({ ...tls, ...serverIdentity(settings.url) });
    return work(client);
  };
  try {
    return await Promise.race([exchange(), deadline]);
  } catch (err) {
    if (err instanceof InvalidCredentialsError || err instanceof DirectoryUnavailableError) throw err;
    throw new DirectoryUnavailableError(err);
  } finally {
    isOver = true;
    clearTimeout(timer);
    // Closing is best effort: the answer is already decided, and unbind also tears down a stalled socket.
    await client?.unbind().catch(() => undefined);
  }
}
