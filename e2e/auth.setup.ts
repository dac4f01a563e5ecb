import { test as setup } from '@playwright/test';
import { demoUsers, storageStateOf } from './support/demo-users';
import { signInWith } from './support/sign-in';

// Each demo user signs in once through the credentials flow; specs reuse the saved cookies.
for (const user of demoUsers) {
  setup(`sign in as ${user}`, async ({ request }) => {
    await signInWith(request, user);
    await request.storageState({ path: storageStateOf(user) });
  });
}
