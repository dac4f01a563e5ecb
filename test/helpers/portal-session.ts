/** Cookies of one signed-in demo user, ready for a `cookie` header. */
export async function signIn(baseUrl: string, username: string, password = 'spin-demo'): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
    body: new URLSearchParams({ username, password, csrfToken, json: 'true' }),
    redirect: 'manual',
  });
  keep(res);
  if (!res.ok || ![...jar.keys()].some((k) => k.endsWith('next-auth.session-token'))) {
    throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  }
  return cookieHeader();
}

/** Headers for a same-origin JSON request as the browser sends it. */
export function jsonPost(baseUrl: string, cookie: string): RequestInit {
  return { method: 'POST', headers: { cookie, origin: baseUrl, 'content-type': 'application/json' }, body: '{}' };
}
