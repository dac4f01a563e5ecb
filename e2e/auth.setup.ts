import { expect, test as setup } from '@playwright/test';
import { demoPassword, demoUsers, storageStateOf } from './support/demo-users';

// Each demo user signs in once through the credentials flow; specs reuse the saved cookies.
for (const user of demoUsers) {
  setup(`sign in as ${user}`, async ({ request }) => {
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const res = await request.post('/api/auth/callback/credentials', {
      form: { username: user, password: demoPassword, csrfToken, json: 'true' },
    });
    expect(res.ok()).toBe(true);
    const session = (await (await request.get('/api/auth/session')).json()) as { user?: { uid: string } };
    expect(session.user?.uid).toBe(user);
    await request.storageState({ path: storageStateOf(user) });
  });
}
