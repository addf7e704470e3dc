import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../../../lib/api-client';
import { getSession, login, logout, type User } from '../api/auth.api';
import { SessionContext, type SessionState } from '../hooks/session-context';
import { permissionsOf } from '../utils/permissions';

/** Loads the session once, keeps the CSRF token, and signs out on any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<User | null>(null);
  const [isLoading, setIsLoading] = useState(true);

  useEffect(() => {
    let isCancelled = false;
    getSession()
      .then((s) => {
        if (isCancelled) return;
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.warn('session probe failed', error);
      })
      .finally(() => {
        if (!isCancelled) setIsLoading(false);
      });
    return () => {
      isCancelled = true;
    };
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setUser(null);
      queryClient.clear();
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  const signIn = useCallback(
    async (input: { username: string; password: string }) => {
      const s = await login(input);
      setCsrfToken(s.csrfToken);
      queryClient.clear();
      setUser(s.user);
      return s.user;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setCsrfToken(null);
      setUser(null);
      queryClient.clear();
    }
  }, [queryClient]);

  const value = useMemo<SessionState>(
    () => ({ user, permissions: permissionsOf(user), isLoading, signIn, signOut }),
    [user, isLoading, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
