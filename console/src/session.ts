import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from './client/client';

export type Role = Session['user']['role'];

export interface SessionState {
  session: Session;
  /** The app a tenant's user works on. */
  appId: string | undefined;
  setAppId(id: string): void;
  setSession(session: Session): void;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside a signed-in console');
  return state;
}

export const isTenant = (role: Role) => role === 'tenant_owner' || role === 'tenant_member';
export const staffRank: Record<Role, number> = { tenant_member: -1, tenant_owner: -1, reviewer: 0, operator: 1, admin: 2 };
