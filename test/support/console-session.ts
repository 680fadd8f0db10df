import { createConsoleUser } from '../../db/console-users.ts';
import type { Db } from '../../db/connect.ts';
import type { ConsoleRole } from '../../domain/console-roles.ts';
import { hashPassword } from '../../domain/passwords.ts';

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  /** A request with the session's cookie, and its CSRF token unless `csrf: false`. */
  call(method: string, path: string, body?: unknown, options?: { csrf?: boolean; headers?: Record<string, string> }): Promise<Response>;
}

/** A console user with a password, made directly in the database. */
export async function createUser(db: Db, email: string, role: ConsoleRole, tenantId: string | null = null, password = 'correct horse battery'): Promise<{ email: string; password: string }> {
  await createConsoleUser(db, { email, name: email.split('@')[0] ?? email, role, tenantId, invitedBy: 'test' }, await hashPassword(password));
  return { email, password };
}

export function sessionOf(apiUrl: string, cookie: string, csrfToken: string): SignedIn {
  return {
    cookie,
    csrfToken,
    call: (method, path, body, options = {}) =>
      fetch(`${apiUrl}${path}`, {
        method,
        headers: {
          cookie,
          ...(options.csrf === false ? {} : { 'x-csrf-token': csrfToken }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

/** Signs in through the API as the browser would, keeping the session cookie. */
export async function signIn(apiUrl: string, user: { email: string; password: string }): Promise<SignedIn> {
  const res = await fetch(`${apiUrl}/v1/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
  if (res.status !== 200) throw new Error(`sign-in of ${user.email} answered ${res.status}: ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return sessionOf(apiUrl, cookie, csrfToken);
}
