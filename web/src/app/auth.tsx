import type { TFunction } from 'i18next';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, csrfToken, getJson, sendJson } from '../ui/api';
import { type Localized, pickLocalized } from '../ui/localized';

export const roles = [
  'counter_officer',
  'specialist',
  'leader',
  'agency_admin',
  'dx_office',
  'system_admin',
] as const;
export type Role = (typeof roles)[number];

export interface RoleGrant {
  agencyId: string;
  agencyCode: string;
  agencyName: Localized;
  role: Role;
}

/** `GET /api/me`: the signed-in person. */
export interface Me {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  cccd: string | null;
  dateOfBirth: string | null;
  addressCommuneCode: string | null;
  assuranceLevel: 'level1' | 'level2';
  totpEnabled: boolean;
  roles: RoleGrant[];
  sessionId: string;
}

export type AuthState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; me: Me }
  /** The server could not tell (down, network): neither signed in nor out. */
  | { status: 'error'; error: ApiError };

export interface Auth {
  state: AuthState;
  /** Ends the session here and at the provider (the browser leaves the app for a moment). */
  signOut: () => Promise<void>;
  /** The last sign-out failed (network, server): the shell says so until dismissed. */
  signOutFailed: boolean;
  dismissSignOutFailed: () => void;
  /** Asks the server again, e.g. after the session was ended elsewhere. */
  refresh: () => void;
}

/** Where the "Đăng nhập" button goes: the server starts the OpenID Connect sign-in. */
export function signInHref(returnTo: string, language: string): string {
  // A failed attempt's notice (`?signin_error=…`) should not greet the person after the next one.
  const back = new URL(returnTo, window.location.origin);
  back.searchParams.delete('signin_error');
  const params = new URLSearchParams({
    returnTo: back.pathname + back.search,
    lang: language === 'en' ? 'en' : 'vi',
  });
  return `/auth/login?${params}`;
}

/** "Lãnh đạo · Sở Tư pháp tỉnh Tuyên Quang". */
export function describeRole(t: TFunction, grant: RoleGrant, language: string): string {
  return `${t(`roles.${grant.role}`)} · ${pickLocalized(grant.agencyName, language)}`;
}

/** "Nguyễn Văn An" → "NA": family name and given name, as Vietnamese apps show them. */
export function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase('vi');
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Knows who is signed in, for the whole app. The server sets a readable CSRF cookie beside the
 * httpOnly session cookie, with the same lifetime: without it nobody is signed in, so most
 * visitors (anonymous citizens) cost no `/api/me` request and no 401 in the console.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() =>
    csrfToken() ? { status: 'loading' } : { status: 'signedOut' },
  );
  const [attempt, setAttempt] = useState(0);
  const [signOutFailed, setSignOutFailed] = useState(false);

  useEffect(() => {
    void attempt;
    if (!csrfToken()) {
      setState({ status: 'signedOut' });
      return;
    }
    const controller = new AbortController();
    getJson<Me>('/api/me', { signal: controller.signal, revalidate: true }).then(
      (me) => setState({ status: 'signedIn', me }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'signedOut' });
        else
          setState({
            status: 'error',
            error: error instanceof ApiError ? error : new ApiError(0, String(error)),
          });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  const signOut = useCallback(async () => {
    setSignOutFailed(false);
    try {
      const { logoutUrl } = await sendJson<{ logoutUrl: string }>('POST', '/auth/logout', {});
      // The provider ends its own session too, then sends the browser back to the home page.
      window.location.assign(logoutUrl);
    } catch (error) {
      // Already signed out (expired, ended on another device): just show it.
      if (error instanceof ApiError && error.status === 401) {
        setState({ status: 'signedOut' });
        return;
      }
      setSignOutFailed(true);
    }
  }, []);

  const dismissSignOutFailed = useCallback(() => setSignOutFailed(false), []);

  const value = useMemo(
    () => ({ state, signOut, refresh, signOutFailed, dismissSignOutFailed }),
    [state, signOut, refresh, signOutFailed, dismissSignOutFailed],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() needs an <AuthProvider> above it');
  return auth;
}
