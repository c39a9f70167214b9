import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, apiGet, tokenStore } from '../api/client.js';
import type { Me } from '../api/views.js';

/** Who is signed in, as the server says (`GET /v1/me`); the token itself lives in localStorage. */
export interface Session {
  /** `undefined` while the stored token is being checked. */
  readonly me: Me | null | undefined;
  signIn(token: string): Promise<Me>;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(tokenStore.get() ? undefined : null);
  useEffect(() => {
    if (!tokenStore.get()) return;
    apiGet('/v1/me', undefined)
      .then(setMe)
      .catch((error: unknown) => {
        // An expired or unknown token signs the person out; a server that is down does not.
        if (error instanceof ApiError && error.status === 401) tokenStore.clear();
        setMe(null);
      });
  }, []);
  const signIn = useCallback(async (token: string) => {
    tokenStore.set(token);
    try {
      const who = await apiGet('/v1/me', undefined);
      setMe(who);
      return who;
    } catch (error) {
      tokenStore.clear();
      setMe(null);
      throw error;
    }
  }, []);
  const signOut = useCallback(() => {
    tokenStore.clear();
    setMe(null);
  }, []);
  const value = useMemo(() => ({ me, signIn, signOut }), [me, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The page a role starts on after signing in. */
export function homeOf(role: string): string {
  if (role === 'buyer') return '/buyer';
  if (role === 'seller' || role === 'agent') return '/seller';
  if (role === 'staff') return '/staff';
  return '/';
}
