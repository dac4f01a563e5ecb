/** The cookies a browser would keep for the portal: each answer's Set-Cookie updates them. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  constructor(header = '') {
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) this.cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
  }

  keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq <= 0) continue;
      const value = pair.slice(eq + 1);
      // An expired cookie (next-auth clearing the session) is gone from the jar.
      if (value === '' || /max-age=0\b/i.test(line)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
  }

  has(suffix: string): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith(suffix));
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Cookies of one signed-in demo user, ready for a `cookie` header. */
export async function signIn(baseUrl: string, username: string, password = 'spin-demo', userAgent?: string): Promise<string> {
  const jar = new CookieJar();
  const agent: Record<string, string> = userAgent ? { 'user-agent': userAgent } : {};
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: agent });
  jar.keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), ...agent },
    body: new URLSearchParams({ username, password, csrfToken, json: 'true' }),
    redirect: 'manual',
  });
  jar.keep(res);
  if (!res.ok || !jar.has('next-auth.session-token')) {
    throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  }
  return jar.header();
}

/** next-auth's sign-out, as the Sign out button does it; resolves to the cookies the browser keeps after it. */
export async function signOut(baseUrl: string, cookie: string): Promise<string> {
  const jar = new CookieJar(cookie);
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie } });
  jar.keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/signout`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
    redirect: 'manual',
  });
  if (!res.ok) throw new Error(`sign-out failed: ${res.status} ${await res.text()}`);
  jar.keep(res);
  return jar.header();
}

/** Reads /api/auth/session as the idle keeper does; `cookie` is what the browser holds afterwards. */
export async function readSession(baseUrl: string, cookie: string): Promise<{ body: Record<string, unknown>; cookie: string; setCookie: string[] }> {
  const res = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
  const jar = new CookieJar(cookie);
  jar.keep(res);
  return { body: (await res.json()) as Record<string, unknown>, cookie: jar.header(), setCookie: res.headers.getSetCookie() };
}

/** Headers for a same-origin JSON request as the browser sends it. */
export function jsonPost(baseUrl: string, cookie: string): RequestInit {
  return { method: 'POST', headers: { cookie, origin: baseUrl, 'content-type': 'application/json' }, body: '{}' };
}
