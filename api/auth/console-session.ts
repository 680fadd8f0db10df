import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../../db/connect.ts';
import { findConsoleSession, touchConsoleSession, type ConsoleSession } from '../../db/console-sessions.ts';
import { secretsEqual } from '../../domain/secrets.ts';
import { ApiError } from '../errors.ts';

export interface ConsoleSessionSettings {
  /** A session unused this long ends (default 2 h). */
  idleMs: number;
  /** A session ends this long after sign-in whatever its use (default 12 h). */
  absoluteMs: number;
  /** Marks the cookie `Secure`: set when the console is served over HTTPS (TERN_CONSOLE_SECURE_COOKIE=1). */
  secureCookie: boolean;
}

export const defaultConsoleSessionSettings: ConsoleSessionSettings = {
  idleMs: 2 * 3_600_000,
  absoluteMs: 12 * 3_600_000,
  secureCookie: process.env.TERN_CONSOLE_SECURE_COOKIE === '1',
};

export const sessionCookieName = 'tern_session';
export const csrfHeader = 'x-csrf-token';
const touchEveryMs = 60_000;
const cached = Symbol('console session');

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Console sessions from the HTTP-only, SameSite=Strict cookie. A session moves its idle end on when used (at most
 * once a minute) but never past its absolute end. Requests that change something must carry the session's CSRF
 * token in `X-CSRF-Token` and, when the browser says where they come from, come from this origin.
 */
export function consoleSessions(db: Db, settings: ConsoleSessionSettings = defaultConsoleSessionSettings) {
  async function read(c: Context): Promise<ConsoleSession | undefined> {
    const memo = c as unknown as Record<symbol, Promise<ConsoleSession | undefined> | undefined>;
    memo[cached] ??= (async () => {
      const token = getCookie(c, sessionCookieName);
      if (!token || token.length > 100) return undefined;
      const session = await findConsoleSession(db, token);
      if (!session) return undefined;
      const now = Date.now();
      if (now - session.lastSeenAt.getTime() > touchEveryMs) {
        const expiresAt = new Date(Math.min(now + settings.idleMs, session.createdAt.getTime() + settings.absoluteMs));
        await touchConsoleSession(db, session.tokenHash, expiresAt);
      }
      return session;
    })();
    return memo[cached];
  }

  return {
    settings,
    /** Whether the request presents a session cookie at all (valid or not). */
    presented: (c: Context) => getCookie(c, sessionCookieName) !== undefined,
    read,
    /** The request's session, refusing (401) one without a live session and (403) a change without the CSRF token. */
    async require(c: Context): Promise<ConsoleSession> {
      const session = await read(c);
      if (!session) throw new ApiError(401, 'session_ended', 'Your console session has ended; sign in again.');
      if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
        const origin = c.req.header('origin');
        if (origin && hostOf(origin) !== c.req.header('host')) {
          throw new ApiError(403, 'cross_origin', 'Changes through the console are accepted only from the console’s own origin.');
        }
        const given = c.req.header(csrfHeader) ?? '';
        if (!given || !secretsEqual(given, session.csrfToken)) {
          throw new ApiError(403, 'csrf_token_mismatch', 'This request lacks the console’s CSRF token (X-CSRF-Token); reload the page and try again.');
        }
      }
      return session;
    },
    setCookie(c: Context, token: string, expiresAt: Date): void {
      setCookie(c, sessionCookieName, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: settings.secureCookie,
        path: '/',
        // The browser drops it at the session's absolute end; the server ends it sooner when it idles.
        expires: expiresAt,
      });
    },
    clearCookie(c: Context): void {
      deleteCookie(c, sessionCookieName, { path: '/', secure: settings.secureCookie, httpOnly: true, sameSite: 'Strict' });
    },
  };
}

export type ConsoleSessions = ReturnType<typeof consoleSessions>;
