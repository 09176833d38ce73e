import { Button } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { csrfToken } from '../ui/api';
import { UserIcon } from '../ui/icons';
import { signInHref, useAuth } from './auth';
import { currentLocation, usePath } from './router';

const loadSignedInMenu = () => import('./SignedInMenu');
// With a session cookie, fetch the menu's code at once, alongside /api/me, not after it.
if (typeof document !== 'undefined' && csrfToken()) void loadSignedInMenu();
const SignedInMenu = lazy(() => loadSignedInMenu().then((m) => ({ default: m.SignedInMenu })));

const placeholder = <span className="cqs-user-placeholder" aria-hidden="true" />;

/** The header's right end: "Đăng nhập" for visitors, the person's menu once signed in. */
export function UserMenu() {
  const { state } = useAuth();
  if (state.status === 'signedIn')
    return (
      <Suspense fallback={placeholder}>
        <SignedInMenu me={state.me} />
      </Suspense>
    );
  // While the session is being checked, keep the place so the header does not jump.
  if (state.status === 'loading') return placeholder;
  return <SignInButton />;
}

function SignInButton() {
  const { t, i18n } = useTranslation();
  usePath(); // the link brings the person back to the page they are on
  return (
    <Button
      component="a"
      href={signInHref(currentLocation(), i18n.language)}
      className="cqs-signin"
      leftSection={<UserIcon size={18} />}
      px={{ base: 10, xs: 'sm' }}
    >
      {t('auth.signIn')}
    </Button>
  );
}
