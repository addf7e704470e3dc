import { createContext } from 'react';
import type { User } from '../api/auth.api';
import type { Permissions } from '../utils/permissions';

/** What the session provider shares with the app. */
export interface SessionState {
  user: User | null;
  permissions: Permissions;
  isLoading: boolean;
  signIn: (input: { username: string; password: string }) => Promise<User>;
  signOut: () => Promise<void>;
}

/** Holds the signed-in user; provided by SessionProvider. */
export const SessionContext = createContext<SessionState | null>(null);
