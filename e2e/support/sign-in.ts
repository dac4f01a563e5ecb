import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import { demoPassword, type DemoUser } from './demo-users';

type StorageState = Awaited<ReturnType<APIRequestContext['storageState']>>;

/** Signs `user` in through next-auth's credentials flow on `request` (which keeps the cookies). */
export async function signInWith(request: APIRequestContext, user: DemoUser): Promise<void> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', { form: { username: user, password: demoPassword, csrfToken, json: 'true' } });
  expect(res.ok()).toBe(true);
  const session = (await (await request.get('/api/auth/session')).json()) as { user?: { uid: string } };
  expect(session.user?.uid).toBe(user);
}

/**
 * The browser state of a new session of `user`, of its own: for specs that end sessions, which must
 * not end the one the setup project saved for every other spec.
 */
export async function freshSignedInState(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined, user: DemoUser): Promise<StorageState> {
  const request = await playwright.request.newContext({ baseURL });
  try {
    await signInWith(request, user);
    return await request.storageState();
  } finally {
    await request.dispose();
  }
}
